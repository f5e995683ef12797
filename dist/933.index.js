export const id = 933;
export const ids = [933];
export const modules = {

/***/ 9933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidStep: () => (/* binding */ runValidStep)
});

// EXTERNAL MODULE: ./src/v8-memory.ts
var v8_memory = __webpack_require__(4077);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/avido/errors.ts
var errors = __webpack_require__(6824);
;// CONCATENATED MODULE: ./src/avido/describe-failure.ts
// Short human descriptions of what went wrong on the wire or in a response's shape.


const SHOWN_ISSUES = 3;
/** `answered 503 Service Unavailable` or, when Avido said why, `answered 401: Invalid API key`. */
function statusText(status, avidoMessage) {
    if (avidoMessage)
        return `answered ${status}: ${avidoMessage}`;
    const reason = external_node_http_.STATUS_CODES[status];
    return reason ? `answered ${status} ${reason}` : `answered ${status}`;
}
/** The first issues as `path: problem`, e.g. `data[3].status: expected one of PENDING|…`. */
function issuesText(issues) {
    const shown = issues.slice(0, SHOWN_ISSUES).map(issue => `${pathText(issue.path)}: ${problemText(issue)}`);
    const more = issues.length - shown.length;
    return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
function pathText(path) {
    if (path.length === 0)
        return '(root)';
    let text = '';
    for (const key of path) {
        if (typeof key === 'number')
            text += `[${key}]`;
        else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
            text += text ? `.${key}` : key;
        else
            text += `[${JSON.stringify((0,errors/* cleanServerText */.Ct)(String(key), 40))}]`;
    }
    return text;
}
function problemText(issue) {
    switch (issue.code) {
        case 'invalid_value':
            return `expected one of ${issue.values.map(value => String(value)).join('|')}`;
        case 'invalid_type':
            return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}`;
        default:
            return (0,errors/* cleanServerText */.Ct)(issue.message, 120);
    }
}
const NETWORK_CODES = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection reset',
    UND_ERR_SOCKET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found',
    UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host'
};
/** Connect-stage failures: the request never reached the server, so even a POST may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Error codes of an error and its causes, outermost first. */
function errorCodes(error) {
    const codes = [];
    let current = error;
    for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            codes.push(code);
        current = current.cause;
    }
    return codes;
}
function networkErrorText(error) {
    const codes = errorCodes(error);
    // The innermost system code (ECONNRESET) says more than undici's wrapper (UND_ERR_SOCKET).
    for (const code of [...codes].reverse()) {
        const text = NETWORK_CODES[code];
        if (text)
            return text;
    }
    const message = error instanceof Error ? error.message : String(error);
    return (0,errors/* cleanServerText */.Ct)(message || 'network error', 160);
}
function wasNeverSent(error) {
    return errorCodes(error).some(code => NOT_SENT_CODES.has(code));
}

// EXTERNAL MODULE: ./src/shared/base-url.ts
var base_url = __webpack_require__(280);
;// CONCATENATED MODULE: ./src/avido/connection.ts


/** The base URL without trailing slashes, held to the gate's one base-URL rule. */
function normaliseBaseUrl(baseUrl) {
    const { url, shown, problems } = (0,base_url/* checkBaseUrl */.x)(baseUrl);
    if (problems.length)
        throw new TypeError(`Avido base URL ${(0,errors/* cleanServerText */.Ct)(shown, 200)} ${problems.join(', ')}`);
    return url;
}

;// CONCATENATED MODULE: ./src/avido/in-place-check.ts
const compiled = new WeakMap();
/**
 * A check that tells whether a value parsed from JSON already has the shape `schema` describes, reading it
 * where it lies: zod's parse builds a copy of every object and array it accepts, which for a page of 100
 * tests is as much garbage again as the page. A value that passes is the parse's result but for the unknown
 * fields it keeps (zod would strip them). Null when the schema uses something beyond plain shapes (refinements,
 * transforms, defaults, coercion, unions…): zod's parse is the only judge then. Either way, a value that does
 * not pass goes to zod, which names what is wrong.
 */
function inPlaceCheck(schema) {
    let check = compiled.get(schema);
    if (check === undefined)
        compiled.set(schema, (check = compile(schema)));
    return check;
}
function compile(schema) {
    const def = schema._zod.def;
    if ((def.checks?.length ?? 0) > 0 || def.coerce || def.format !== undefined)
        return null;
    if (def.check !== undefined && def.type !== 'custom')
        return null;
    switch (def.type) {
        case 'string':
            return value => typeof value === 'string';
        case 'number':
            return value => typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return value => typeof value === 'boolean';
        case 'unknown':
        case 'any':
            return () => true;
        case 'enum':
        case 'literal': {
            // The values zod accepts (a TypeScript enum's reverse mappings left out).
            const values = schema._zod.values;
            return values ? value => values.has(value) : null;
        }
        case 'custom': {
            const fn = def.fn;
            return fn ? value => Boolean(fn(value)) : null;
        }
        case 'optional':
            return orElse(def.innerType, value => value === undefined);
        case 'nullable':
            return orElse(def.innerType, value => value === null);
        case 'array':
            return arrayCheck(def.element);
        case 'object':
            return objectCheck(def);
        default:
            return null;
    }
}
function orElse(inner, also) {
    const check = inner && inPlaceCheck(inner);
    return check ? value => also(value) || check(value) : null;
}
function arrayCheck(element) {
    const check = element && inPlaceCheck(element);
    if (!check)
        return null;
    return value => {
        if (!Array.isArray(value))
            return false;
        for (const item of value)
            if (!check(item))
                return false;
        return true;
    };
}
function objectCheck(def) {
    // Unknown keys pass (zod strips them) or are any value; a strict object's are refused, so zod decides.
    if (def.catchall && def.catchall._zod.def.type !== 'unknown')
        return null;
    const fields = [];
    for (const [key, field] of Object.entries(def.shape ?? {})) {
        const check = inPlaceCheck(field);
        if (!check)
            return null;
        fields.push([key, check, field._zod.optin === 'optional']);
    }
    return value => {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return false;
        const record = value;
        for (const [key, check, optional] of fields) {
            // A key left out passes only where zod lets it: even `unknown` wants its key unless optional.
            if (!Object.hasOwn(record, key)) {
                if (!optional)
                    return false;
            }
            else if (!check(record[key]))
                return false;
        }
        return true;
    };
}

;// CONCATENATED MODULE: ./src/avido/read-body.ts
/** The first size of a body buffer: a page of 100 tests with one eval each is about 120 KB. */
const FIRST_BUFFER_BYTES = 256 * 1024;
/** Buffers up to this size are kept for the next responses; a larger one is let go once read. */
const KEPT_BUFFER_BYTES = 1024 * 1024;
/**
 * Buffers that response bodies are read into, kept for the responses that follow (one per response in
 * flight, up to `keep`). Each chunk is copied in as it arrives and let go: a body gathered as a list of
 * chunks keeps each one alive until the last arrives, long enough for the collector to move them to the old
 * generation, where each holds its 64 KB outside the heap until a full collection. The body itself then
 * costs no new memory outside the heap; the socket's chunks still come and go, each let go at once.
 */
class BodyBuffers {
    keep;
    free = [];
    constructor(keep = 4) {
        this.keep = keep;
    }
    /** A kept buffer, else a new one of the first size (or `atMost`, when smaller). */
    take(atMost = FIRST_BUFFER_BYTES) {
        return this.free.pop() ?? Buffer.allocUnsafeSlow(Math.min(FIRST_BUFFER_BYTES, atMost));
    }
    give(buffer) {
        if (this.free.length < this.keep && buffer.length <= KEPT_BUFFER_BYTES)
            this.free.push(buffer);
    }
}
/**
 * Reads a response body up to `maxBytes`, into a buffer of `buffers`. Past the cap the stream is destroyed
 * (which closes the connection) and `truncated` is set, so a hostile server cannot make the client buffer
 * without end. The text of a cut body is empty: half a JSON document is of no use, and decoding it would
 * double the memory.
 */
async function readBodyCapped(body, maxBytes, buffers = new BodyBuffers(0)) {
    let target = buffers.take(maxBytes);
    let size = 0;
    try {
        for await (const chunk of body) {
            const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
            if (size + buffer.length > maxBytes) {
                body.on('error', () => undefined).destroy();
                return { text: '', truncated: true };
            }
            if (size + buffer.length > target.length) {
                const larger = Buffer.allocUnsafeSlow(Math.min(maxBytes, Math.max(2 * target.length, size + buffer.length)));
                target.copy(larger, 0, 0, size);
                target = larger;
            }
            buffer.copy(target, size);
            size += buffer.length;
        }
        return { text: target.toString('utf8', 0, size), truncated: false };
    }
    finally {
        buffers.give(target);
    }
}
/** The declared length, when the server sent a usable one. */
function declaredLength(header) {
    const value = Array.isArray(header) ? header[0] : header;
    if (value === undefined || !/^\d+$/.test(value.trim()))
        return undefined;
    return Number(value.trim());
}

;// CONCATENATED MODULE: ./src/shared/retry-after.ts
// How long a server asks its client to wait before trying again. Pure: the time is passed in.
function headerValue(headers, name) {
    if (!headers)
        return undefined;
    if (typeof headers.get === 'function')
        return headers.get(name) ?? undefined;
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
}
/**
 * The wait the server asks for, in ms: `retry-after-ms` first, then `Retry-After` as seconds (may be a
 * float) or as an HTTP date taken relative to `now`. Undefined when absent or unreadable.
 */
function serverWaitMs(headers, now) {
    const ms = parseNumber(headerValue(headers, 'retry-after-ms'));
    if (ms !== undefined)
        return ms;
    const retryAfter = headerValue(headers, 'retry-after')?.trim();
    if (!retryAfter)
        return undefined;
    const seconds = parseNumber(retryAfter);
    if (seconds !== undefined)
        return seconds * 1000;
    const date = Date.parse(retryAfter);
    return Number.isNaN(date) ? undefined : date - now;
}
function parseNumber(value) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed))
        return undefined;
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : undefined;
}

;// CONCATENATED MODULE: ./src/avido/retry.ts
// Retry rules of the official Avido SDK: which answers are worth another attempt and how
// long to wait before it. Pure: time and randomness are passed in.


const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_SERVER_WAIT_MS = 60_000;
/** 408, 409, 429 and every 5xx are retried; other answers (400, 401, 403, 404, 422, …) are final. */
function isRetryableStatus(status) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
}
/** The server may override the status rule with `x-should-retry: true|false`. */
function shouldRetryResponse(status, headers) {
    const override = headerValue(headers, 'x-should-retry')?.trim().toLowerCase();
    if (override === 'true')
        return true;
    if (override === 'false')
        return false;
    return isRetryableStatus(status);
}
/**
 * Exponential backoff: min(0.5 s · 2^retry, 8 s), shortened by up to 25 % of jitter.
 * `retry` counts the retries already made (0 before the first one).
 */
function backoffMs(retry, random) {
    const base = Math.min(INITIAL_DELAY_MS * 2 ** Math.min(retry, 1000), MAX_BACKOFF_MS);
    return Math.max(0, base * (1 - 0.25 * random()));
}
/** The server's wait when it is one to honour (0 < wait ≤ 60 s, as the official SDK does), else undefined. */
function honouredServerWaitMs(headers, now) {
    const wait = serverWaitMs(headers, now);
    return wait !== undefined && wait > 0 && wait <= MAX_SERVER_WAIT_MS ? wait : undefined;
}
/** The wait before the next attempt: the server's, when 0 < wait ≤ 60 s, else backoff. */
function retryDelayMs(retry, headers, random, now) {
    return honouredServerWaitMs(headers, now) ?? backoffMs(retry, random);
}
/** True when the server asked for a wait it can be taken at its word for (used for unsafe requests). */
function hasServerWait(headers, now) {
    const wait = serverWaitMs(headers, now);
    return wait !== undefined && wait >= 0;
}

// EXTERNAL MODULE: ./src/avido/schemas.ts
var schemas = __webpack_require__(8039);
;// CONCATENATED MODULE: ./src/http/fetch.ts

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** As fetch: past this many redirects a request fails. */
const MAX_REDIRECTS = 20;
/** Answers without a body, which are drained at once so their connection goes back to the pool. */
const NO_BODY_STATUSES = new Set([204, 205, 304]);
/**
 * `fetch` as Octokit calls it (a text body, headers as a record, a signal), sent by `sender`. It follows
 * redirects as fetch does (a 303, or a 301/302 after a POST, becomes a GET; the authorization header is not
 * sent to another origin), and fails as fetch does: with the signal's reason when aborted, otherwise with a
 * `TypeError` whose cause is the network error.
 */
function fetchOver(sender) {
    return async (input, init) => {
        const signal = init.signal instanceof AbortSignal ? init.signal : undefined;
        if (init.body !== undefined && init.body !== null && typeof init.body !== 'string')
            throw new TypeError('Only text request bodies are supported');
        let body = (init.body ?? undefined);
        let method = (typeof init.method === 'string' ? init.method.toUpperCase() : 'GET');
        let headers = { ...init.headers };
        let url = new URL(input);
        for (let redirects = 0;; redirects++) {
            let response;
            try {
                const path = url.pathname + url.search;
                response = await sender.request({ origin: url.origin, path, method, headers, body, signal });
            }
            catch (error) {
                if (signal?.aborted)
                    throw signal.reason;
                throw new TypeError('fetch failed', { cause: error });
            }
            const location = headerText(response.headers.location);
            if (!REDIRECT_STATUSES.has(response.statusCode) || !location || init.redirect === 'manual')
                return answer(response, url.href, method, signal);
            response.body.resume();
            if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
                throw new TypeError('fetch failed', { cause: new Error(`Too many redirects from ${url.href}`) });
            const next = new URL(location, url);
            const toGet = (response.statusCode === 303 && method !== 'GET' && method !== 'HEAD') ||
                ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST');
            if (toGet) {
                method = 'GET';
                body = undefined;
                headers = without(headers, ['content-type', 'content-length']);
            }
            if (next.origin !== url.origin)
                headers = without(headers, ['authorization', 'cookie']);
            url = next;
        }
    };
}
function without(headers, names) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** The part of a fetch `Response` that Octokit reads. */
function answer(response, url, method, signal) {
    const { statusCode: status, body } = response;
    if (NO_BODY_STATUSES.has(status) || method === 'HEAD')
        body.resume();
    const entries = Object.entries(response.headers)
        .flatMap(([name, value]) => {
        if (value === undefined)
            return [];
        if (!Array.isArray(value))
            return [[name, value]];
        return name === 'set-cookie' ? value.map(one => [name, one]) : [[name, value.join(', ')]];
    })
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const headers = {
        get: (name) => {
            const wanted = name.toLowerCase();
            const values = entries.filter(([key]) => key === wanted).map(([, value]) => value);
            return values.length ? values.join(', ') : null;
        },
        [Symbol.iterator]: () => entries[Symbol.iterator]()
    };
    let read = false;
    const bytes = async () => {
        if (read)
            throw new TypeError('Body is unusable: Body has already been read');
        read = true;
        const chunks = [];
        try {
            for await (const chunk of body)
                chunks.push(chunk);
        }
        catch (error) {
            throw signal?.aborted ? signal.reason : new TypeError('terminated', { cause: error });
        }
        return Buffer.concat(chunks);
    };
    const text = async () => (await bytes()).toString('utf8');
    return {
        status,
        statusText: external_node_http_.STATUS_CODES[status] ?? '',
        url,
        headers,
        body,
        text,
        json: async () => JSON.parse(await text()),
        arrayBuffer: async () => {
            const buffer = await bytes();
            return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
        }
    };
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/http/node-http.ts


/**
 * Requests over Node's own `http` and `https`, with keep-alive pools. Node loads these in a few
 * milliseconds from its code cache, where undici (in the bundle, or behind the global `fetch`) takes tens.
 * An aborted request fails with the signal's reason; a request that could not be made fails with Node's
 * error, whose `code` (ECONNREFUSED, ECONNRESET…) says what happened.
 */
class NodeHttpSender {
    httpAgent = new external_node_http_.Agent({ keepAlive: true });
    httpsAgent = new external_node_https_.Agent({ keepAlive: true });
    closed = false;
    inFlight = new Set();
    request(request) {
        if (this.closed)
            return Promise.reject(new Error('The HTTP client is closed'));
        const sent = this.send(request);
        const settled = sent.catch(() => undefined);
        this.inFlight.add(settled);
        void settled.then(() => this.inFlight.delete(settled));
        return sent;
    }
    /** Refuses new requests, waits for those sent to be answered, then closes every connection. */
    async close() {
        this.closed = true;
        await Promise.all(this.inFlight);
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
    }
    send({ origin, path, method, headers, body, signal }) {
        const url = new URL(path, origin);
        const secure = url.protocol === 'https:';
        if (!secure && url.protocol !== 'http:')
            return Promise.reject(new TypeError(`Unsupported URL ${url.origin}`));
        if (signal?.aborted)
            return Promise.reject(signal.reason);
        return new Promise((resolve, reject) => {
            const sent = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
            const request = (secure ? external_node_https_.request : external_node_http_.request)(url, { method, headers: sent, agent: secure ? this.httpsAgent : this.httpAgent }, response => {
                // From here the body carries the failure: an abort while it is read ends it with the signal's reason.
                signal?.removeEventListener('abort', onAbort);
                const abortBody = () => response.destroy(signal?.reason);
                signal?.addEventListener('abort', abortBody, { once: true });
                response.once('close', () => signal?.removeEventListener('abort', abortBody));
                resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: response });
            });
            const onAbort = () => request.destroy(signal?.reason);
            signal?.addEventListener('abort', onAbort, { once: true });
            // `on`, not `once`: Node may report a socket's failure on the request again after the answer.
            request.on('error', error => {
                signal?.removeEventListener('abort', onAbort);
                reject(error);
            });
            request.end(body);
        });
    }
}

;// CONCATENATED MODULE: ./src/http/proxy-env.ts
/** Whether HTTPS_PROXY / HTTP_PROXY (either case) names a proxy, as the runner's own tools read them. */
function proxyIsSet(env = process.env) {
    return Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
}

;// CONCATENATED MODULE: ./src/http/load.ts



let loading;
/**
 * undici, loaded only when a proxy is set: Node's own `http` does not read HTTPS_PROXY / HTTP_PROXY. The
 * memory flags go first, since they only apply to an HTTP parser compiled after them.
 */
function loadUndici() {
    loading ??= Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4077)).then(() => Promise.all(/* import() */[__webpack_require__.e(7), __webpack_require__.e(150)]).then(__webpack_require__.bind(__webpack_require__, 1150)));
    return loading;
}
/** undici's pool through the proxy (minus NO_PROXY), made on the first request. */
class ProxiedSender {
    dispatcher;
    closed = false;
    async request(request) {
        if (this.closed)
            throw new Error('The HTTP client is closed');
        this.dispatcher ??= loadUndici().then(undici => undici.proxiedDispatcher());
        const dispatcher = await this.dispatcher;
        return (await dispatcher.request(request));
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.dispatcher)
            await (await this.dispatcher).close();
    }
}
/** A connection pool: Node's own `http`/`https`, or undici when HTTPS_PROXY / HTTP_PROXY names a proxy. */
function proxyAwareSender(env = process.env) {
    return proxyIsSet(env) ? new ProxiedSender() : new NodeHttpSender();
}
/** `fetch` for Octokit over the same kind of pool. */
function proxyAwareFetch(env = process.env) {
    return fetchOver(proxyAwareSender(env));
}

// EXTERNAL MODULE: ./src/shared/redact.ts
var shared_redact = __webpack_require__(8932);
;// CONCATENATED MODULE: ./src/avido/http.ts









const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 4;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Error bodies are only read for Avido's `message`. */
const ERROR_BODY_BYTES = 64 * 1024;
/** setTimeout fires at once beyond this. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function createAvidoTransport(options) {
    return new Transport(options);
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
const mebibytes = (bytes) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
class Transport {
    options;
    baseUrl;
    headers;
    requestTimeoutMs;
    maxRetries;
    maxResponseBytes;
    now;
    sleep;
    random;
    deadline;
    /**
     * Avido's Retry-After (or retry-after-ms) holds every request of this client until then, not only the one
     * it answered: pages read in parallel would otherwise knock again while the server is still refusing.
     */
    heldUntil = 0;
    sender;
    ownsSender;
    /** A server could echo the key (or another secret) back; it never leaves this object. */
    redact;
    bodyBuffers = new BodyBuffers();
    constructor(options) {
        this.options = options;
        this.baseUrl = normaliseBaseUrl(options.baseUrl);
        this.headers = {
            'x-api-key': options.apiKey,
            'x-application-id': options.applicationId,
            accept: 'application/json',
            'user-agent': 'avido-test-gate'
        };
        this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
        this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
        this.random = options.random ?? Math.random;
        this.deadline = options.deadline;
        this.sender = options.sender;
        this.ownsSender = options.sender === undefined;
        this.redact = (0,shared_redact/* redactor */.$p)([options.apiKey, ...(options.otherSecrets ?? [])]);
    }
    setDeadline(deadline) {
        this.deadline = deadline;
    }
    async close() {
        // The closed pool stays in place, so a request still to come (a sibling page reader) is refused, not sent.
        if (this.ownsSender && this.sender)
            await this.sender.close();
    }
    async request(spec) {
        const query = spec.query?.toString() ?? '';
        const url = `${this.baseUrl}${spec.path}${query ? `?${query}` : ''}`;
        const shown = `${spec.method} ${spec.path}${query ? `?${query.replaceAll('%2C', ',')}` : ''}`;
        let retries = 0;
        for (;;) {
            await this.awaitHold(spec, shown);
            const remaining = this.deadline === undefined ? Infinity : this.deadline - this.now();
            if (remaining <= 0) {
                this.log(`${shown} → not sent: the deadline has passed`);
                throw this.error(spec, {
                    kind: 'deadline',
                    detail: 'was not sent: the deadline has passed',
                    retryable: false
                });
            }
            const started = performance.now();
            const clipped = remaining < this.requestTimeoutMs;
            const result = await this.attempt(spec, url, Math.min(this.requestTimeoutMs, remaining), clipped);
            const took = `${Math.round(performance.now() - started)} ms, attempt ${retries + 1}`;
            if (result.ok) {
                this.log(`${shown} → ${result.status} (${took})`);
                return result.value;
            }
            const { failure } = result;
            const outcome = failure.kind === 'http' ? String(failure.status) : failure.detail;
            const serverWait = honouredServerWaitMs(failure.headers, this.now());
            if (serverWait !== undefined)
                this.heldUntil = Math.max(this.heldUntil, this.now() + serverWait);
            if (!failure.retryable || retries >= this.maxRetries) {
                this.log(`${shown} → ${outcome} (${took})`);
                throw this.error(spec, failure, retries + 1);
            }
            const own = retryDelayMs(retries, failure.headers, this.random, this.now());
            const wait = Math.round(Math.max(own, this.heldUntil - this.now()));
            if (this.deadline !== undefined && this.now() + wait >= this.deadline) {
                this.log(`${shown} → ${outcome} (${took}); no retry: a ${wait} ms wait would pass the deadline`);
                throw this.error(spec, {
                    ...failure,
                    kind: 'deadline',
                    detail: `ran out of time: waiting ${seconds(wait)} to retry would pass the deadline (last: ${failure.detail})`
                }, retries + 1);
            }
            this.log(`${shown} → ${outcome} (${took}); retry in ${wait} ms`);
            await this.sleep(wait);
            retries++;
        }
    }
    /** Waits out a hold Avido asked for on any request; fails at once when it ends past the deadline. */
    async awaitHold(spec, shown) {
        for (let wait = this.heldUntil - this.now(); wait > 0; wait = this.heldUntil - this.now()) {
            if (this.deadline !== undefined && this.heldUntil >= this.deadline) {
                this.log(`${shown} → not sent: Avido asked to wait ${wait} ms, past the deadline`);
                throw this.error(spec, {
                    kind: 'deadline',
                    detail: `was not sent: Avido asked to wait ${seconds(wait)}, which would pass the deadline`,
                    retryable: false
                });
            }
            this.log(`${shown} → held ${Math.round(wait)} ms: Avido asked to wait`);
            await this.sleep(Math.round(wait));
        }
    }
    async attempt(spec, url, timeoutMs, clipped) {
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, Math.min(timeoutMs, MAX_TIMER_MS));
        this.sender ??= proxyAwareSender();
        try {
            const hasBody = spec.body !== undefined;
            const { origin, pathname, search } = new URL(url);
            const response = await this.sender.request({
                origin,
                path: pathname + search,
                method: spec.method,
                headers: hasBody ? { ...this.headers, 'content-type': 'application/json' } : this.headers,
                body: hasBody ? JSON.stringify(spec.body) : undefined,
                signal: controller.signal
            });
            return await this.readResponse(spec, response);
        }
        catch (error) {
            if (timedOut && clipped)
                return fail('deadline', 'ran out of time: no answer before the deadline', false);
            if (timedOut)
                return fail('timeout', `did not answer within ${seconds(timeoutMs)}`, !spec.unsafe);
            const retryable = !spec.unsafe || wasNeverSent(error);
            return fail('network', `could not be reached: ${networkErrorText(error)}`, retryable);
        }
        finally {
            clearTimeout(timer);
        }
    }
    async readResponse(spec, response) {
        const { statusCode: status, headers, body } = response;
        if (status < 200 || status >= 300) {
            const read = await readBodyCapped(body, ERROR_BODY_BYTES);
            const avidoMessage = messageOf(read.text);
            const retryable = shouldRetryResponse(status, headers) && (!spec.unsafe || this.provesNothingDone(status, headers));
            return fail('http', statusText(status, avidoMessage), retryable, { status, avidoMessage, headers });
        }
        const tooLarge = `sent a response larger than the ${mebibytes(this.maxResponseBytes)} limit; reading stopped`;
        const declared = declaredLength(headers['content-length']);
        if (declared !== undefined && declared > this.maxResponseBytes) {
            body.on('error', () => undefined).destroy();
            return fail('too-large', tooLarge, false, { status });
        }
        const read = await readBodyCapped(body, this.maxResponseBytes, this.bodyBuffers);
        if (read.truncated)
            return fail('too-large', tooLarge, false, { status });
        if (spec.schema === null)
            return { ok: true, value: undefined, status };
        // A 2xx that is not JSON is a server fault; it is retried like a 5xx unless the request did something.
        if (read.text.trim() === '')
            return fail('schema', 'returned an empty body where JSON was expected', !spec.unsafe);
        let data;
        try {
            // Avido's data ends up in comments, summaries, reports and issues: a secret echoed in it goes no further.
            data = JSON.parse(this.redact(read.text));
        }
        catch {
            const type = (0,errors/* cleanServerText */.Ct)(headerValue(headers, 'content-type') ?? 'none', 60);
            const detail = `returned a body that is not valid JSON (content-type ${type}, ${read.text.length} characters)`;
            return fail('schema', detail, !spec.unsafe, { status });
        }
        // Most pages already have the documented shape: taken as they are, they are not copied again.
        if (inPlaceCheck(spec.schema)?.(data))
            return { ok: true, value: data, status };
        const parsed = spec.schema.safeParse(data, { reportInput: true });
        if (!parsed.success) {
            const detail = `returned data that does not match the documented shape: ${issuesText(parsed.error.issues)}`;
            return fail('schema', detail, false, { status });
        }
        return { ok: true, value: parsed.data, status };
    }
    provesNothingDone(status, headers) {
        if (headerValue(headers, 'x-should-retry')?.trim().toLowerCase() === 'true')
            return true;
        return status === 429 || (status === 503 && hasServerWait(headers, this.now()));
    }
    error(spec, failure, attempts = 1) {
        const counted = failure.kind === 'network' || failure.kind === 'timeout' || attempts > 1;
        const detail = counted ? `${failure.detail} (${(0,errors/* attemptsText */.MV)(attempts)})` : failure.detail;
        return new errors/* AvidoApiError */.ss({
            kind: failure.kind,
            method: spec.method,
            path: spec.path,
            detail: this.redact(detail),
            status: failure.status,
            avidoMessage: failure.avidoMessage === undefined ? undefined : this.redact(failure.avidoMessage)
        });
    }
    log(line) {
        this.options.debug?.(`avido ${this.redact(line)}`);
    }
}
function fail(kind, detail, retryable, extra = {}) {
    return { ok: false, failure: { kind, detail, retryable, ...extra } };
}
function messageOf(text) {
    try {
        const parsed = schemas/* ErrorResponseSchema */.hC.safeParse(JSON.parse(text));
        const message = parsed.success ? (0,errors/* cleanServerText */.Ct)(parsed.data.message) : '';
        return message || undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/avido/recent-row-ids.ts
const EMPTY = -1;
/** A forgotten slot: a lookup probes on past it, an insert may take it. */
const FORGOTTEN = -2;
const FIRST_CAPACITY = 1024;
/** Past this share of slots in use or forgotten, the table is rebuilt (see `rebuild`). */
const MAX_FILL = 0.5;
/**
 * The ids of the rows of a listing's recent pages, each with the first page it came on. Pages that fall far
 * enough behind the reading are forgotten (`forgetBefore`), so what is held depends on the pages kept, not
 * on the number of rows read.
 *
 * Avido's ids are lower-case UUIDs: each is held as its 128 bits in a table of typed arrays that is reused as
 * pages come and go, so that reading a long listing makes no garbage here (a Map of strings would be rebuilt
 * again and again as it fills and empties, and keep each id's string a while: both pile up in the old
 * generation). Any other id is held in a Map.
 */
class RecentRowIds {
    capacity = FIRST_CAPACITY;
    /** Four 32-bit words a slot: the UUID's 128 bits. */
    words = new Uint32Array(FIRST_CAPACITY * 4);
    /** The first page of each slot's id, or EMPTY or FORGOTTEN. */
    pages = new Int32Array(FIRST_CAPACITY).fill(EMPTY);
    /** The arrays of the last rebuild, reused by the next one. */
    spare;
    used = 0;
    forgotten = 0;
    others = new Map();
    /** The highest sort key of each page remembered, and of all the pages forgotten. */
    highestOfPage = new Map();
    highestForgotten = -Infinity;
    /** The UUID being looked up, parsed once a call. */
    key = new Uint32Array(4);
    distinct = 0;
    /** Ids noted that were not remembered at the time: every distinct row, when none came back after forgotten. */
    get noted() {
        return this.distinct;
    }
    /** Ids remembered now. */
    get held() {
        return this.used + this.others.size;
    }
    /** The first page `id` came on, when it is remembered. */
    pageOf(id) {
        if (!this.parse(id))
            return this.others.get(id);
        const slot = this.find();
        return slot >= 0 ? this.pages[slot] : undefined;
    }
    /** Notes that `id` came on `page`; true when it was not remembered. */
    note(id, page) {
        if (!this.parse(id)) {
            const first = this.others.get(id);
            if (first !== undefined && first <= page)
                return false;
            this.others.set(id, page);
            if (first !== undefined)
                return false;
            this.distinct++;
            return true;
        }
        const slot = this.find();
        if (slot >= 0) {
            if (page < this.pages[slot])
                this.pages[slot] = page;
            return false;
        }
        const free = ~slot;
        if (this.pages[free] === FORGOTTEN)
            this.forgotten--;
        this.words.set(this.key, free * 4);
        this.pages[free] = page;
        this.used++;
        this.distinct++;
        if (this.used + this.forgotten > this.capacity * MAX_FILL)
            this.rebuild();
        return true;
    }
    /** Notes the highest sort key among the rows `page` brought (-Infinity when none had one). */
    noteHighest(page, order) {
        this.highestOfPage.set(page, order);
    }
    /** Whether a row with this sort key sorts before a row of a page forgotten: one read already. */
    sortsBeforeForgotten(order) {
        return order < this.highestForgotten;
    }
    /** Forgets the ids of every page before `page`, keeping only the highest sort key among them. */
    forgetBefore(page) {
        for (const [earlier, highest] of this.highestOfPage) {
            if (earlier >= page)
                continue;
            if (highest > this.highestForgotten)
                this.highestForgotten = highest;
            this.highestOfPage.delete(earlier);
        }
        const pages = this.pages;
        for (let slot = 0; slot < pages.length; slot++) {
            const first = pages[slot];
            if (first < 0 || first >= page)
                continue;
            pages[slot] = FORGOTTEN;
            this.used--;
            this.forgotten++;
        }
        for (const [id, first] of this.others)
            if (first < page)
                this.others.delete(id);
    }
    /** Puts the UUID's 128 bits into `key`; false when `id` is not a lower-case UUID. */
    parse(id) {
        if (id.length !== 36)
            return false;
        const key = this.key;
        let word = 0;
        let digits = 0;
        for (let at = 0; at < 36; at++) {
            const char = id.charCodeAt(at);
            if (at === 8 || at === 13 || at === 18 || at === 23) {
                if (char !== 0x2d)
                    return false;
                continue;
            }
            const value = char >= 0x30 && char <= 0x39 ? char - 0x30 : char >= 0x61 && char <= 0x66 ? char - 0x57 : -1;
            if (value < 0)
                return false;
            word = (word << 4) | value;
            if (++digits % 8 === 0)
                key[digits / 8 - 1] = word;
        }
        return true;
    }
    /** The slot holding `key`; else `~slot` of the slot where it would go (linear probing). */
    find() {
        const { key, words, pages } = this;
        const a = key[0];
        const b = key[1];
        const c = key[2];
        const d = key[3];
        const mask = pages.length - 1;
        const hash = mix(mix(mix(mix(0x811c9dc5, a), b), c), d);
        let free = -1;
        for (let slot = hash & mask;; slot = (slot + 1) & mask) {
            const page = pages[slot];
            if (page === EMPTY)
                return ~(free >= 0 ? free : slot);
            if (page === FORGOTTEN) {
                if (free < 0)
                    free = slot;
                continue;
            }
            const at = slot * 4;
            if (words[at] === a && words[at + 1] === b && words[at + 2] === c && words[at + 3] === d)
                return slot;
        }
    }
    /**
     * Drops the forgotten slots, into a table twice the size when those in use fill more than a quarter of it:
     * so at least a quarter of the slots is free for inserts until the next rebuild.
     */
    rebuild() {
        const { words: oldWords, pages: oldPages } = this;
        if (this.used > this.capacity / 4) {
            this.capacity *= 2;
            this.spare = undefined;
        }
        const reused = this.spare;
        this.words = reused?.words ?? new Uint32Array(this.capacity * 4);
        this.pages = reused ? reused.pages.fill(EMPTY) : new Int32Array(this.capacity).fill(EMPTY);
        this.spare = oldPages.length === this.capacity ? { words: oldWords, pages: oldPages } : undefined;
        this.forgotten = 0;
        for (let slot = 0; slot < oldPages.length; slot++) {
            if (oldPages[slot] < 0)
                continue;
            for (let word = 0; word < 4; word++)
                this.key[word] = oldWords[slot * 4 + word];
            const free = ~this.find();
            this.words.set(this.key, free * 4);
            this.pages[free] = oldPages[slot];
        }
    }
}
/** Mixes a word into a hash, its high bits folded down: every bit of an id reaches the slot. */
function mix(hash, word) {
    const mixed = Math.imul(hash ^ word, 0x01000193);
    return mixed ^ (mixed >>> 16);
}

;// CONCATENATED MODULE: ./src/avido/paging.ts

/** The row count a page states (`total`, else `totalCount`), when it states a usable one. */
function statedTotal(pagination) {
    const total = pagination?.total ?? pagination?.totalCount;
    return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : undefined;
}
/**
 * How far past the first stated total a listing may send rows before it counts as runaway. Tests created
 * while the pages are read legitimately push rows past it; a listing that more than doubles does not.
 */
function runawayBound(stated, pageSize) {
    return 2 * stated + pageSize;
}
/**
 * Pages behind the first page not yet emitted whose row ids are remembered: a row that comes again on a
 * later page (the listing shifted between two reads) is passed once when it first came within this many pages
 * (1,000 rows of Avido's pages). Further back, only the listing's order tells a repeat (see `orderOf`): the
 * listing is read in creation order, so new rows only ever come after.
 */
const REMEMBERED_PAGES = 10;
/** Pages that may be asked for past the first one not yet emitted, for each page in flight. */
const READ_AHEAD_PER_WORKER = 4;
/**
 * Reads every page of a skip/limit listing ordered for stable paging, and hands each row to `emit` once, in
 * page order, as `select` makes it (rows it maps to `undefined` are left out), as soon as every page before
 * its own has arrived. What is held is bounded whatever the number of rows: the pages in flight or waiting
 * for an earlier one (no more than `READ_AHEAD_PER_WORKER` for each page in flight: a slow page holds the
 * others back), and the ids of those and of the `REMEMBERED_PAGES` before them, with the highest sort key of
 * the pages forgotten. A row is emitted once when it comes again within those pages, or sorts before a row
 * forgotten; a row repeated further back with an equal key (or without `orderOf`) is emitted again. Resolves
 * to the number of rows emitted; a debug line tells how much was held at most.
 *
 * There is no fixed bound on the rows: the reading is bounded by what the listing states and by the
 * caller's deadline. Totals are hints: pages spanning a stated total are requested in parallel; a full page
 * reaching past the stated total (or with no total at all) asks for the next. A listing that lies cannot make
 * this grow without bound: a page that comes back empty ends the reading (rows read so far stand, with a debug
 * line); a page that holds only rows already read, and rows sent beyond `runawayBound` of the first stated
 * total, are errors.
 */
async function forEachRow(fetchPage, select, emit, options) {
    const { pageSize } = options;
    const hint = options.expectedTotal !== undefined && options.expectedTotal > 0 ? options.expectedTotal : undefined;
    /** Selected rows of pages that came before an earlier page did. */
    const waiting = new Map();
    /** The first page not yet emitted. */
    let emitted = 0;
    let rowsEmitted = 0;
    /** The ids of recent pages, with the first page each came on: a row is emitted from that page only. */
    const ids = new RecentRowIds();
    const readAhead = Math.max(1, options.concurrency) * READ_AHEAD_PER_WORKER;
    /** Workers waiting for the first page not yet emitted to arrive, before asking for more. */
    let held = [];
    const release = () => {
        const waiters = held;
        held = [];
        for (const resume of waiters)
            resume();
    };
    let mostIdsHeld = 0;
    let mostPagesHeld = 0;
    let passedOver = 0;
    /** The first total stated: the count the caller had, else the first page's. */
    let stated = hint;
    /** The latest total a page stated. */
    let known;
    /** Pages up to (not including) this index are worth asking for because a full page reached it. */
    let frontier = 1;
    /** Index of the first page that came back short or empty: nothing after it is asked for. */
    let end = Infinity;
    let stopped;
    let failed = false;
    let next = 0;
    const take = (index, page) => {
        const skip = index * pageSize;
        const total = statedTotal(page.pagination);
        if (total !== undefined) {
            known = total;
            stated ??= total;
        }
        const count = page.data.length;
        if (count === 0) {
            end = Math.min(end, index);
            waiting.set(index, []);
            flush();
            const expected = known ?? hint ?? 0;
            if (skip < expected)
                stopped ??= `page ${index + 1} came back empty although the total is ${expected}`;
            return;
        }
        let added = 0;
        let highest = -Infinity;
        for (const row of page.data) {
            const order = options.orderOf?.(row) ?? NaN;
            if (ids.sortsBeforeForgotten(order)) {
                passedOver++;
                continue;
            }
            if (order > highest)
                highest = order;
            if (ids.note(row.id, index))
                added++;
        }
        ids.noteHighest(index, highest);
        mostIdsHeld = Math.max(mostIdsHeld, ids.held);
        if (added === 0)
            throw options.repeatedPage(index + 1);
        if (stated !== undefined && skip + count > runawayBound(stated, pageSize)) {
            throw options.runaway(stated, skip + count);
        }
        waiting.set(index, selectRows(page.data, select));
        mostPagesHeld = Math.max(mostPagesHeld, waiting.size);
        flush();
        if (count < pageSize)
            end = Math.min(end, index + 1);
        else if (known === undefined || skip + pageSize > known)
            frontier = Math.max(frontier, index + 2);
    };
    const flush = () => {
        const from = emitted;
        for (let rows = waiting.get(emitted); rows; rows = waiting.get(emitted)) {
            waiting.delete(emitted);
            const once = new Set();
            for (const row of rows) {
                if (ids.pageOf(row.id) !== emitted || once.has(row.id))
                    continue;
                once.add(row.id);
                rowsEmitted++;
                emit(row);
            }
            emitted++;
        }
        if (emitted === from)
            return;
        ids.forgetBefore(emitted - REMEMBERED_PAGES);
        release();
    };
    const wanted = () => {
        const planned = Math.ceil((known ?? hint ?? 0) / pageSize);
        return Math.min(end, Math.max(planned, frontier));
    };
    const worker = async () => {
        while (!failed && stopped === undefined && next < wanted()) {
            if (next - emitted >= readAhead) {
                // The first page not yet emitted is in flight with another worker, which releases this one.
                await new Promise(resume => held.push(resume));
                continue;
            }
            const index = next++;
            try {
                take(index, await fetchPage(index * pageSize));
            }
            catch (error) {
                failed = true;
                release();
                throw error;
            }
        }
    };
    if (hint === undefined) {
        next = 1;
        take(0, await fetchPage(0));
    }
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    if (stopped !== undefined) {
        options.debug?.(`listing stopped early: ${stopped}; keeping the ${rowsEmitted} unique rows read`);
    }
    else if (known !== undefined && ids.noted < known) {
        options.debug?.(`listing reported ${known} rows but only ${ids.noted} unique rows came back`);
    }
    if (passedOver > 0) {
        options.debug?.(`passed over ${passedOver} rows that sort before rows read already: the listing repeated them`);
    }
    options.debug?.(`read ${emitted} pages; held at most ${mostPagesHeld} pages waiting and the ids of ${mostIdsHeld} rows`);
    return rowsEmitted;
}
function selectRows(rows, select) {
    const selected = [];
    for (const row of rows) {
        const kept = select(row);
        if (kept !== undefined)
            selected.push(kept);
    }
    return selected;
}

;// CONCATENATED MODULE: ./src/avido/query.ts
// Query strings for Avido list endpoints: arrays comma-joined, date-times in UTC
// ending in `Z`, `skip` ≥ 0 and 1 ≤ `limit` ≤ 100. Pure.


const MAX_PAGE_LIMIT = 100;
/** The date-time pattern of the Avido spec: calendar-valid, seconds and fraction optional, `Z` required. */
const UTC_DATE_TIME_PATTERN = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z))$/;
/** A Date becomes `toISOString()`; a string must already be UTC with `Z` (offsets are refused by Avido). */
function toUtcDateTime(value, name) {
    if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
            throw new errors/* AvidoRequestError */.tu(`${name} is an invalid Date`);
        return value.toISOString();
    }
    if (!UTC_DATE_TIME_PATTERN.test(value)) {
        throw new errors/* AvidoRequestError */.tu(`${name} must be a UTC date-time ending in Z, like 2024-01-01T00:00:00.000Z (got "${value}")`);
    }
    return value;
}
function buildTestQuery(filters, page = {}) {
    const query = new URLSearchParams();
    setPage(query, page);
    setOrder(query, filters.orderBy, filters.orderDir);
    setList(query, 'status', filters.status);
    setDate(query, 'startDate', filters.startDate);
    setDate(query, 'endDate', filters.endDate);
    // Required by the spec; an absent or empty filter means every badge.
    const badges = filters.passRateStatuses?.length ? filters.passRateStatuses : schemas/* PASS_RATE_STATUSES */.G1;
    setList(query, 'passRateStatuses', badges);
    setList(query, 'evalDefinitionId', filters.evalDefinitionId);
    setList(query, 'experimentVariantId', filters.experimentVariantId);
    setList(query, 'runType', filters.runType);
    setList(query, 'taskId', filters.taskId);
    setList(query, 'tagId', filters.tagId);
    return query;
}
function buildIssueQuery(params = {}) {
    const query = new URLSearchParams();
    setPage(query, params);
    setOrder(query, params.orderBy, params.orderDir);
    for (const name of ['status', 'source', 'priority', 'type']) {
        const value = params[name];
        if (value !== undefined)
            query.set(name, value);
    }
    return query;
}
function setPage(query, page) {
    if (page.skip !== undefined) {
        if (!Number.isSafeInteger(page.skip) || page.skip < 0) {
            throw new errors/* AvidoRequestError */.tu(`skip must be a whole number ≥ 0 (got ${page.skip})`);
        }
        query.set('skip', String(page.skip));
    }
    if (page.limit !== undefined) {
        if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_LIMIT) {
            throw new errors/* AvidoRequestError */.tu(`limit must be a whole number from 1 to ${MAX_PAGE_LIMIT} (got ${page.limit})`);
        }
        query.set('limit', String(page.limit));
    }
}
function setOrder(query, orderBy, orderDir) {
    if (orderBy !== undefined)
        query.set('orderBy', orderBy);
    if (orderDir !== undefined)
        query.set('orderDir', orderDir);
}
function setDate(query, name, value) {
    if (value !== undefined)
        query.set(name, toUtcDateTime(value, name));
}
function setList(query, name, values) {
    if (!values?.length)
        return;
    for (const value of values) {
        if (value === '' || value.includes(',')) {
            throw new errors/* AvidoRequestError */.tu(`${name} values must be non-empty and free of commas (got "${value}")`);
        }
    }
    query.set(name, values.join(','));
}

;// CONCATENATED MODULE: ./src/avido/client.ts






const DEFAULT_PAGE_CONCURRENCY = 4;
/**
 * Typed client of the Avido API. Every call sends both auth headers, validates the answer's shape, and
 * retries transient faults within the deadline. Creating calls (POST) are never repeated after a failure
 * that may have landed: see `RequestSpec.unsafe`.
 */
class AvidoClient {
    transport;
    pageConcurrency;
    debug;
    constructor(options) {
        this.transport = createAvidoTransport(options);
        this.pageConcurrency = options.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY;
        this.debug = options.debug;
    }
    /** Absolute time (epoch ms on the injected clock) past which no request or retry wait runs. */
    setDeadline(ms) {
        this.transport.setDeadline(ms);
    }
    close() {
        return this.transport.close();
    }
    async listTests(filters = {}, page = {}) {
        const query = buildTestQuery(filters, page);
        return this.transport.request({ method: 'GET', path: '/v0/tests', query, schema: schemas/* TestListResponseSchema */.V4 });
    }
    /**
     * The number of tests matching the filters: one request (`limit=1`) when Avido states a total, else the
     * tests are paged through and counted.
     */
    async countTests(filters = {}) {
        const first = await this.listTests(filters, { limit: 1 });
        const total = statedTotal(first.pagination);
        if (total !== undefined)
            return total;
        if (first.data.length === 0)
            return 0;
        return this.forEachTest(filters, test => test, () => undefined);
    }
    /**
     * Every matching test, read 100 at a time in `createdAt asc` order (stable while new tests arrive) with up
     * to `pageConcurrency` pages in flight, each turned into what `select` makes of it as its page arrives (and
     * left out when that is `undefined`), so a large run is never held raw all at once. Any number of tests is
     * read, within the deadline; see `forEachRow` for how a lying server is stopped.
     */
    async readTests(filters, select, opts = {}) {
        const rows = [];
        await this.forEachTest(filters, select, row => void rows.push(row), opts);
        return rows;
    }
    /**
     * `readTests` without keeping what `select` makes: each is handed to `emit` once, in the listing's order,
     * as soon as the pages before its own have arrived. Resolves to how many were emitted.
     */
    forEachTest(filters, select, emit, opts = {}) {
        const ordered = { ...filters, orderBy: 'createdAt', orderDir: 'asc' };
        const fetchPage = (skip) => this.listTests(ordered, { skip, limit: MAX_PAGE_LIMIT });
        const listingError = (detail) => new errors/* AvidoApiError */.ss({ kind: 'schema', method: 'GET', path: '/v0/tests', detail });
        return forEachRow(fetchPage, select, emit, {
            pageSize: MAX_PAGE_LIMIT,
            orderOf: test => Date.parse(test.createdAt),
            concurrency: this.pageConcurrency,
            expectedTotal: opts.expectedTotal,
            debug: this.debug && (line => this.debug?.(`avido GET /v0/tests ${line}`)),
            runaway: (stated, sent) => listingError(`kept sending new tests past the ${stated} it stated (${sent} so far): the paging is inconsistent, so the run is not judged`),
            repeatedPage: page => listingError(`sent page ${page} with only tests already read: the paging is inconsistent, so the run is not judged`)
        });
    }
    /** Starts the tasks' tests. Avido answers 204 with no run or test id. */
    async triggerTasks(taskIds) {
        if (taskIds.length === 0 || taskIds.some(id => id.trim() === '')) {
            throw new errors/* AvidoRequestError */.tu('Avido POST /v0/tasks/trigger needs at least one non-empty task id');
        }
        const body = { taskIds };
        await this.transport.request({
            method: 'POST',
            path: '/v0/tasks/trigger',
            body,
            schema: null,
            unsafe: true
        });
    }
    async createIssue(body) {
        const path = '/v0/issues';
        const valid = validBody(path, schemas/* CreateIssueBodySchema */.t$, body);
        const schema = schemas/* IssueResponseSchema */.g$;
        return (await this.transport.request({ method: 'POST', path, body: valid, schema, unsafe: true })).data;
    }
    /** One page of issues; `findOpenIssue` searches them all. */
    async listIssues(params = {}) {
        const query = buildIssueQuery(params);
        return this.transport.request({
            method: 'GET',
            path: '/v0/issues',
            query,
            schema: schemas/* IssueListResponseSchema */.S6
        });
    }
    async createAnnotation(body) {
        const path = '/v0/annotations';
        const valid = validBody(path, schemas/* CreateAnnotationBodySchema */.dR, body);
        const schema = schemas/* AnnotationResponseSchema */.Yb;
        return (await this.transport.request({ method: 'POST', path, body: valid, schema, unsafe: true })).data;
    }
}
function validBody(path, schema, body) {
    const parsed = schema.safeParse(body, { reportInput: true });
    if (!parsed.success)
        throw invalid(path, issuesText(parsed.error.issues));
    return parsed.data;
}
function invalid(path, problem) {
    return new errors/* AvidoRequestError */.tu(`Avido POST ${path} was not sent: the request body is invalid: ${problem}`);
}

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(5194);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-request-log/dist-src/index.js + 1 modules
var plugin_request_log_dist_src = __webpack_require__(5077);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/rest-endpoints.ts
// The REST methods the gate calls, made as @octokit/rest makes them (`octokit.request` with the route's
// method and URL as defaults). @octokit/rest builds its table of every GitHub route as it loads, which takes
// a good part of the step's start-up; the gate calls a dozen of them.
const ROUTES = {
    actions: { getWorkflowRun: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}' },
    checks: {
        create: 'POST /repos/{owner}/{repo}/check-runs',
        update: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
        listForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs'
    },
    issues: {
        createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
    },
    pulls: { list: 'GET /repos/{owner}/{repo}/pulls' },
    repos: {
        listCommits: 'GET /repos/{owner}/{repo}/commits',
        createCommitStatus: 'POST /repos/{owner}/{repo}/statuses/{sha}',
        listPullRequestsAssociatedWithCommit: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
    },
    users: { getAuthenticated: 'GET /user' }
};
/** An Octokit plugin: `octokit.rest.<scope>.<method>` for each route above. */
function gateRestEndpoints(octokit) {
    const rest = {};
    for (const [scope, methods] of Object.entries(ROUTES)) {
        const made = {};
        for (const [name, route] of Object.entries(methods)) {
            const [method, url] = route.split(' ');
            made[name] = octokit.request.defaults({ method, url });
        }
        rest[scope] = made;
    }
    return { rest: rest };
}

;// CONCATENATED MODULE: ./src/github/retry.ts


/** Answers worth no retry: refusals, and rate limits, which the throttling plugin waits out. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** A retry that would leave less than this to be answered before the deadline is not sent. */
const MIN_ATTEMPT_MS = 500;
/** Octokit's RequestError (network errors come as status 500); an AbortError (a timeout) is not one. */
function asFailedRequest(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    return e.name === 'HttpError' && typeof e.status === 'number' ? e : undefined;
}
/**
 * Whether to send failed attempt `attempt` (0 for the first) again, and after how long: 5xx answers and
 * network errors, after 1 s, 4 s, 9 s… or the Retry-After GitHub asks for; never so late that the retry
 * would start past the deadline (less `MIN_ATTEMPT_MS` to be answered in).
 */
function retryDecision(error, attempt, policy, now) {
    const failed = asFailedRequest(error);
    if (!failed || failed.status < 400 || DO_NOT_RETRY.includes(failed.status))
        return { retry: false };
    if (attempt >= policy.retries)
        return { retry: false, reason: `no retries left (${policy.retries})` };
    const asked = serverWaitMs(failed.response?.headers, now);
    if (asked !== undefined && asked > policy.maxWaitMs) {
        return { retry: false, reason: `not waiting the ${Math.ceil(asked / 1000)} s GitHub asks for` };
    }
    const delayMs = asked !== undefined && asked > 0 ? asked : (attempt + 1) ** 2 * 1000;
    if (now + delayMs + MIN_ATTEMPT_MS > policy.deadline()) {
        return {
            retry: false,
            reason: `a retry in ${Math.ceil(delayMs / 1000)} s would end past the time allowed`
        };
    }
    return { retry: true, delayMs };
}
/**
 * An Octokit plugin retrying failed requests within a deadline; it takes the place of @octokit/plugin-retry,
 * which schedules its retries whatever the time left. Options: `{ gateRetry: RetryPolicy }`.
 */
function deadlineRetry(octokit, options) {
    const policy = options.gateRetry;
    if (!policy)
        return;
    octokit.hook.wrap('request', async (request, requestOptions) => {
        const what = `${requestOptions.method} ${requestOptions.url}`;
        // A call may lower its retries, e.g. `request: { retries: 0 }` for a create that must not happen twice.
        const own = requestOptions.request?.retries;
        const retries = typeof own === 'number' ? Math.min(own, policy.retries) : policy.retries;
        for (let attempt = 0;; attempt++) {
            try {
                return await request(requestOptions);
            }
            catch (error) {
                const decision = retryDecision(error, attempt, { ...policy, retries }, Date.now());
                if (!decision.retry) {
                    if (decision.reason)
                        policy.debug(`GitHub ${what} failed; ${decision.reason}.`);
                    throw error;
                }
                policy.debug(`GitHub ${what} failed; retrying in ${decision.delayMs} ms (${attempt + 1}/${retries}).`);
                await (0,external_node_timers_promises_.setTimeout)(decision.delayMs);
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/github/octokit.ts








// What @octokit/rest adds to Octokit's core (request logging, `rest` methods, pagination), with only the
// methods the gate calls; then the gate's retries and rate-limit handling.
const GateOctokit = dist_src/* Octokit */.E.plugin(plugin_request_log_dist_src/* requestLog */.M, gateRestEndpoints, dist_bundle/* paginateRest */.ud).plugin(deadlineRetry, plugin_throttling_dist_bundle/* throttling */.A);
const DEFAULT_RETRIES = 2;
const octokit_DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_RATE_LIMIT_RETRIES = 2;
/** Past this the action reports instead of stalling: a primary limit can take up to an hour to reset. */
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60;
const NO_DEADLINE = () => Number.POSITIVE_INFINITY;
const silent = { debug: () => undefined, warn: () => undefined };
let clientCount = 0;
/**
 * Aborts after `ms`, or at the deadline if that comes first, with an `AbortError`, which Octokit passes on as
 * it is, without a retry: a write that timed out may still have landed, and repeating it could post a second
 * comment.
 */
function timeoutSignal(ms, deadline, outer) {
    const controller = new AbortController();
    const left = deadline - Date.now();
    const reason = left < ms
        ? abortError(`GitHub did not answer within the ${octokit_seconds(left)} s left of the time allowed`)
        : abortError(`GitHub did not answer within ${octokit_seconds(ms)} s`);
    setTimeout(() => controller.abort(reason), Math.min(ms, left)).unref();
    return outer instanceof AbortSignal ? AbortSignal.any([outer, controller.signal]) : controller.signal;
}
/** An Error rather than a DOMException, which Octokit would not recognise when it comes from another realm. */
function abortError(message) {
    return Object.assign(new Error(message), { name: 'AbortError' });
}
function octokit_seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}
/**
 * An Octokit for GITHUB_API_URL that waits out rate limits a bounded number of times, retries transient
 * failures, and goes through HTTPS_PROXY / HTTP_PROXY (minus NO_PROXY) like the runner's own tools.
 */
function createOctokit(options) {
    const log = options.log ?? silent;
    const maxRetries = options.rateLimit?.maxRetries ?? DEFAULT_RATE_LIMIT_RETRIES;
    const maxWait = options.rateLimit?.maxWaitSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS;
    const send = proxyAwareFetch();
    const timeoutMs = options.requestTimeoutMs ?? octokit_DEFAULT_REQUEST_TIMEOUT_MS;
    const deadline = options.deadline ?? NO_DEADLINE;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (Date.now() + retryAfter * 1000 + MIN_ATTEMPT_MS > deadline()) {
            log.warn(`GitHub ${kind} rate limit on ${what}; a wait of ${retryAfter}s would end past the time allowed, giving up.`);
            return false;
        }
        if (retryCount < maxRetries && retryAfter <= maxWait) {
            log.warn(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s (${retryCount + 1}/${maxRetries}).`);
            return true;
        }
        log.warn(`GitHub ${kind} rate limit on ${what}; not waiting ${retryAfter}s more, giving up.`);
        return false;
    };
    return new GateOctokit({
        auth: options.token,
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'avido-test-gate',
        // Failed requests are logged at debug level: callers decide what a failure means and report it once.
        log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.debug },
        request: {
            fetch: async (url, init) => {
                const end = deadline();
                if (Date.now() >= end)
                    throw abortError('No time left for GitHub calls: the time allowed is over');
                return send(url, { ...init, signal: timeoutSignal(timeoutMs, end, init.signal) });
            }
        },
        gateRetry: {
            retries: options.retries ?? DEFAULT_RETRIES,
            deadline,
            maxWaitMs: maxWait * 1000,
            debug: log.debug
        },
        throttle: {
            // Write spacing is per client: clients in one process do not queue behind each other.
            id: `avido-test-gate-${++clientCount}`,
            // Octokit spaces writes 1 s apart (3 s for those that notify). The gate makes a few writes, one after
            // another, so the spacing would only delay its result; rate-limit answers are still waited out.
            write: new (light_default()).Group({ minTime: 0 }),
            notifications: new (light_default()).Group({ minTime: 0 }),
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary')
        }
    });
}

;// CONCATENATED MODULE: ./src/github/comment.ts
/** Bounds the comments read on one pull request (100 per page). */
const MAX_COMMENT_PAGES = 50;
/**
 * The gate's earlier comment: its body holds `marker` and a bot wrote it (or `selfLogin`, the user a personal
 * token belongs to), so a person quoting the marker is never mistaken for it. Reads every page, oldest first.
 */
async function findStickyComment(gh, params) {
    let pages = 0;
    const iterator = gh.paginate.iterator(gh.rest.issues.listComments, {
        owner: params.owner,
        repo: params.repo,
        issue_number: params.issueNumber,
        per_page: 100
    });
    for await (const { data } of iterator) {
        const found = data.find(comment => comment.body?.includes(params.marker) &&
            (comment.user?.type === 'Bot' ||
                (params.selfLogin !== undefined && comment.user?.login === params.selfLogin)));
        if (found)
            return { id: found.id, body: found.body ?? '', url: found.html_url };
        if (++pages >= MAX_COMMENT_PAGES)
            break;
    }
    return undefined;
}
/** The login a personal access token belongs to; undefined for installation tokens (GITHUB_TOKEN), which GET /user refuses. */
async function getSelfLogin(gh) {
    try {
        const { data } = await gh.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        const status = error.status;
        if (status === 401 || status === 403 || status === 404)
            return undefined;
        throw error;
    }
}
/** Updates `existing` in place, or creates the comment; a comment deleted in the meantime is created anew. */
async function upsertStickyComment(gh, params) {
    const { owner, repo, body } = params;
    if (params.existing) {
        try {
            const { data } = await gh.rest.issues.updateComment({
                owner,
                repo,
                comment_id: params.existing.id,
                body
            });
            return { id: data.id, url: data.html_url, created: false };
        }
        catch (error) {
            // A 404 here means the comment is gone; were the token refused, creating it fails the same way.
            if (error.status !== 404)
                throw error;
        }
    }
    // Not retried: a 5xx or a dropped connection can come after GitHub made the comment, and a retry would
    // post a second one. The next run finds the comment, or makes it.
    const { data } = await gh.rest.issues.createComment({
        owner,
        repo,
        issue_number: params.issueNumber,
        body,
        request: { retries: 0 }
    });
    return { id: data.id, url: data.html_url, created: true };
}

// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(4646);
;// CONCATENATED MODULE: ./src/github/errors.ts


/** Every permission the gate asks of the job's token, and what each is for. */
const GITHUB_PERMISSIONS = [
    {
        name: 'pull-requests: write',
        for: 'the sticky pull request comment, and finding the pull request of a push or workflow_run',
        operations: ['comment', 'pulls']
    },
    { name: 'statuses: write', for: 'the commit status', operations: ['status'] },
    { name: 'checks: write', for: 'the check run', operations: ['check-run'] },
    {
        name: 'actions: read',
        for: 'reading when the workflow run was created, the default start of the test window',
        operations: ['workflow-run']
    }
];
const WHAT = {
    comment: 'write the pull request comment',
    status: 'post the commit status',
    'check-run': 'create or update the check run',
    'workflow-run': 'read the workflow run',
    pulls: 'list pull requests'
};
const SKIPPED_ON_FORKS = {
    comment: 'comment',
    status: 'commit status',
    'check-run': 'check run'
};
function asRequestError(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const candidate = error;
    return typeof candidate.status === 'number' && typeof candidate.message === 'string'
        ? candidate
        : undefined;
}
/** Items of a validation failure quoted in a log line; the rest are counted. */
const MAX_ITEMS = 4;
const MAX_ITEM_MESSAGE = 100;
function nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/**
 * One item of GitHub's `errors`: where (`Status.context`), GitHub's code (`too_long`) and its message when it
 * wrote one. The code `custom` only says that the message explains, so it is left out.
 */
function describeItem(item) {
    if (typeof item !== 'object' || item === null)
        return nonEmpty(item);
    const { resource, field, code, message } = item;
    const where = [nonEmpty(resource), nonEmpty(field)].filter(Boolean).join('.');
    const reason = nonEmpty(code) === 'custom' ? undefined : nonEmpty(code);
    const head = [where, reason].filter(Boolean).join(' ');
    const text = nonEmpty(message);
    const said = text && (0,shared_text/* cutText */.IN)(text, MAX_ITEM_MESSAGE);
    return head && said ? `${head}: ${said}` : head || said;
}
function describeItems(errors) {
    if (!Array.isArray(errors))
        return '';
    const items = errors.map(describeItem).filter((d) => d !== undefined);
    const more = items.length > MAX_ITEMS ? `; ${items.length - MAX_ITEMS} more` : '';
    return items.slice(0, MAX_ITEMS).join('; ') + more;
}
/**
 * GitHub's own `message`, with what its `errors` say (the field and code of a 422) in brackets; the error's
 * message would also carry the documentation URL.
 */
function githubMessage(error) {
    const data = error.response?.data;
    if (typeof data === 'object' && data !== null) {
        const { message, errors } = data;
        if (typeof message === 'string' && message) {
            const detail = describeItems(errors);
            return detail ? `${message} (${detail})` : message;
        }
    }
    return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}
/** Longest GitHub answer quoted in a log line: an HTML error page is not a message. */
const MAX_QUOTED = 200;
// The token is not known here: the shared rule's token shapes are what hides one GitHub echoes back.
const redact = (0,shared_redact/* redactor */.$p)([]);
/** GitHub's answer as one plain line: an HTML error page loses its tags, scripts and styles. */
function quoted(text) {
    const plain = text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
    return (0,shared_text/* oneLine */.TN)(redact(plain), MAX_QUOTED);
}
/**
 * True when the token is not allowed to do this: 403 "Resource not accessible by …" (missing permission, or the
 * read-only token of a fork's pull request), or a 404 on a write, which is how GitHub hides what a token may not touch.
 */
function isPermissionError(error) {
    const e = asRequestError(error);
    if (!e)
        return false;
    if (e.status === 403)
        return /resource not accessible by/i.test(githubMessage(e));
    const method = e.request?.method?.toUpperCase() ?? 'GET';
    return e.status === 404 && method !== 'GET' && method !== 'HEAD';
}
/** The permission `operation` needs, from GITHUB_PERMISSIONS. */
function requiredPermission(operation) {
    const permission = GITHUB_PERMISSIONS.find(p => p.operations.includes(operation));
    if (!permission)
        throw new Error(`No permission listed for the GitHub operation ${operation}`);
    return permission.name;
}
/** One sentence naming the permission to add, e.g. for `core.warning`. */
function missingPermissionMessage(operation, error) {
    const e = asRequestError(error);
    const answer = e ? ` (GitHub answered ${e.status} ${quoted(githubMessage(e))})` : '';
    const skipped = SKIPPED_ON_FORKS[operation];
    const fork = skipped
        ? ` Pull requests from forks always get a read-only token; there the ${skipped} is skipped.`
        : '';
    return `The GitHub token may not ${WHAT[operation]}${answer}. Add \`${requiredPermission(operation)}\` to the job's \`permissions\`.${fork}`;
}
/** One line for a log: what failed, GitHub's status and message. Never includes the token. */
function describeGitHubError(error, what) {
    const e = asRequestError(error);
    if (e?.response)
        return quoted(`${what} failed: GitHub answered ${e.status} ${githubMessage(e)}`);
    if (e)
        return quoted(`${what} failed: ${e.message}`);
    const message = error instanceof Error ? error.message : String(error);
    return quoted(`${what} failed: ${message}`);
}

;// CONCATENATED MODULE: ./src/github/pulls.ts
/** Bounds the open pull requests read when looking for a head SHA (100 per page). */
const MAX_PULL_PAGES = 10;
/** The commit's open pull request when there is exactly one (push events). */
async function findPullRequestForCommit(gh, params) {
    const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: params.owner,
        repo: params.repo,
        commit_sha: params.sha,
        per_page: 100
    });
    const open = data.filter(pull => pull.state === 'open');
    return open.length === 1 ? open[0]?.number : undefined;
}
/**
 * The open pull request whose head is this commit, for workflow_run events from forks (whose payload lists no
 * pull request). Recently updated pulls come first; undefined when none or several match.
 */
async function findOpenPullRequestByHeadSha(gh, params) {
    const matches = [];
    let pages = 0;
    const iterator = gh.paginate.iterator(gh.rest.pulls.list, {
        owner: params.owner,
        repo: params.repo,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: 100
    });
    for await (const { data } of iterator) {
        for (const pull of data)
            if (pull.head.sha.toLowerCase() === params.sha.toLowerCase())
                matches.push(pull.number);
        if (++pages >= MAX_PULL_PAGES)
            break;
    }
    return matches.length === 1 ? matches[0] : undefined;
}
/** The pull request to comment on: from the payload, or looked up as the event calls for. */
async function resolvePullRequestNumber(gh, context) {
    if (context.prNumber !== undefined)
        return context.prNumber;
    const params = { owner: context.owner, repo: context.repo, sha: context.sha };
    if (context.prLookup === 'commit')
        return findPullRequestForCommit(gh, params);
    if (context.prLookup === 'head-sha')
        return findOpenPullRequestByHeadSha(gh, params);
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/status.ts

/** A commit status description GitHub accepts: one line, at most STATUS_DESCRIPTION_MAX characters. */
function truncateDescription(text, max = shared_text/* STATUS_DESCRIPTION_MAX */.N9) {
    return (0,shared_text/* oneLine */.TN)(text, max);
}
async function postCommitStatus(gh, params) {
    const { data } = await gh.rest.repos.createCommitStatus({
        owner: params.owner,
        repo: params.repo,
        sha: params.sha,
        state: params.state,
        description: truncateDescription(params.description),
        context: params.context,
        ...(params.targetUrl ? { target_url: params.targetUrl } : {})
    });
    return { id: data.id };
}

;// CONCATENATED MODULE: ./src/github/workflow-run.ts
/**
 * The workflow run's `created_at`: unlike `run_started_at` it stays put when the run is re-run, so a re-run
 * gates the same window. Needs `actions: read`.
 */
async function getWorkflowRunCreatedAt(gh, params) {
    const { data } = await gh.rest.actions.getWorkflowRun({
        owner: params.owner,
        repo: params.repo,
        run_id: params.runId
    });
    const createdAt = data.created_at;
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
        throw new Error(`GitHub returned workflow run ${params.runId} without a valid created_at.`);
    }
    return createdAt;
}

;// CONCATENATED MODULE: ./src/github/check-runs.ts
function requestFields(fields) {
    return {
        ...(fields.status ? { status: fields.status } : {}),
        ...(fields.conclusion ? { conclusion: fields.conclusion } : {}),
        ...(fields.detailsUrl ? { details_url: fields.detailsUrl } : {}),
        ...(fields.externalId !== undefined ? { external_id: fields.externalId } : {}),
        ...(fields.startedAt ? { started_at: fields.startedAt } : {}),
        ...(fields.completedAt ? { completed_at: fields.completedAt } : {}),
        ...(fields.output ? { output: fields.output } : {})
    };
}
function written(data) {
    return {
        id: data.id,
        htmlUrl: data.html_url ?? '',
        status: data.status,
        conclusion: data.conclusion
    };
}
/** Creates a check run on `headSha`. Needs `checks: write`, and a GitHub App token (GITHUB_TOKEN is one). */
async function createCheckRun(gh, params) {
    // Not retried: a 5xx or a dropped connection can come after GitHub made the check run, and a retry would
    // leave a second one (the first stuck in progress).
    const { data } = await gh.rest.checks.create({
        owner: params.owner,
        repo: params.repo,
        head_sha: params.headSha,
        name: params.name,
        ...requestFields(params),
        request: { retries: 0 }
    });
    return written(data);
}
/** Updates a check run; only the fields given change. Safe to retry. */
async function updateCheckRun(gh, params) {
    const { data } = await gh.rest.checks.update({
        owner: params.owner,
        repo: params.repo,
        check_run_id: params.checkRunId,
        ...(params.name ? { name: params.name } : {}),
        ...requestFields(params)
    });
    return written(data);
}

;// CONCATENATED MODULE: ./src/github/commits.ts
/** GitHub answers at most this many commits per request. */
const MAX_COMMITS_PER_PAGE = 100;
/**
 * The first-parent history from `sha`: `sha` itself, its first parent, that one's first parent, and so on, at
 * most `max` commits (capped at 100), from a single request. GitHub lists history newest first with the commits
 * of merged branches interleaved, so behind a merge the chain can end before `max` when those took the room.
 */
async function listCommits(gh, params) {
    const max = Math.min(Math.max(1, Math.floor(params.max)), MAX_COMMITS_PER_PAGE);
    const { data } = await gh.rest.repos.listCommits({
        owner: params.owner,
        repo: params.repo,
        sha: params.sha,
        per_page: max
    });
    const bySha = new Map(data.map(c => [
        c.sha.toLowerCase(),
        {
            sha: c.sha,
            parents: c.parents.map(p => p.sha),
            htmlUrl: c.html_url,
            committedAt: c.commit.committer?.date ?? null
        }
    ]));
    const chain = [];
    // The first commit listed is `sha` itself (which may have been given as a branch or a short SHA).
    let next = data[0]?.sha;
    while (next !== undefined && chain.length < max) {
        const commit = bySha.get(next.toLowerCase());
        if (!commit)
            break;
        chain.push(commit);
        next = commit.parents[0];
    }
    return chain;
}

;// CONCATENATED MODULE: ./src/github/list-check-runs.ts
/**
 * The check runs named `checkName` on a commit (a SHA or a branch), newest first, from one page of at most 100:
 * a bounded read. `filter` is GitHub's: `latest` (its default) keeps only the newest run of each name, so this
 * asks for `all` unless told otherwise. Needs `checks: read`, which every token has.
 */
async function listCheckRunsForRef(gh, params) {
    const { data } = await gh.rest.checks.listForRef({
        owner: params.owner,
        repo: params.repo,
        ref: params.ref,
        check_name: params.checkName,
        filter: params.filter ?? 'all',
        ...(params.status ? { status: params.status } : {}),
        per_page: 100
    });
    return data.check_runs
        .filter(run => run.name === params.checkName)
        .map(run => ({
        id: run.id,
        name: run.name,
        headSha: run.head_sha,
        status: run.status,
        conclusion: run.conclusion,
        startedAt: run.started_at,
        completedAt: run.completed_at,
        detailsUrl: run.details_url,
        externalId: run.external_id,
        htmlUrl: run.html_url,
        appSlug: run.app?.slug,
        output: {
            title: run.output.title,
            summary: run.output.summary,
            text: run.output.text
        }
    }))
        .sort((a, b) => b.id - a.id);
}

;// CONCATENATED MODULE: ./src/github/reporter.ts








const WARNING_TITLE = 'Avido test gate';
/**
 * Every GitHub call of the gate, made so that GitHub can never decide the step's result: a refusal is one
 * warning naming the permission to add (once per kind of call), any other failure a warning, and the gate
 * carries on with the job summary and outputs.
 */
class GitHubReporter {
    gh;
    context;
    log;
    warned = new Set();
    selfLogin;
    constructor(gh, context, log) {
        this.gh = gh;
        this.context = context;
        this.log = log;
    }
    async pullRequestNumber() {
        return this.attempt('pulls', 'find the pull request for this commit', () => resolvePullRequestNumber(this.gh, this.context));
    }
    /** When this run was created, or on workflow_run events the run that triggered it. */
    async workflowRunCreatedAt() {
        const runId = this.context.triggeringRun?.id ?? this.context.runId;
        if (runId === undefined)
            return undefined;
        return this.attempt('workflow-run', 'read this workflow run', () => getWorkflowRunCreatedAt(this.gh, { owner: this.context.owner, repo: this.context.repo, runId }));
    }
    async postStatus(params) {
        const done = await this.attempt('status', 'post the commit status', async () => {
            await postCommitStatus(this.gh, {
                owner: this.context.owner,
                repo: this.context.repo,
                sha: this.context.sha,
                targetUrl: this.context.runUrl,
                ...params
            });
            return true;
        });
        return done === true;
    }
    /** Opens the gate's check run on the head commit; undefined when GitHub refused (warned once). */
    async createCheckRun(name, fields) {
        return this.attempt('check-run', 'create the check run', () => createCheckRun(this.gh, {
            owner: this.context.owner,
            repo: this.context.repo,
            headSha: this.context.sha,
            name,
            ...fields
        }));
    }
    async updateCheckRun(checkRunId, fields) {
        return this.attempt('check-run', 'update the check run', () => updateCheckRun(this.gh, { owner: this.context.owner, repo: this.context.repo, checkRunId, ...fields }));
    }
    /** The check runs named `name` on a commit, newest first. Throws: the caller decides what a failure means. */
    checkRunsOn(sha, name) {
        return listCheckRunsForRef(this.gh, {
            owner: this.context.owner,
            repo: this.context.repo,
            ref: sha,
            checkName: name,
            status: 'completed'
        });
    }
    /** The first-parent history from `sha`, newest first, at most `max` commits. Throws like `checkRunsOn`. */
    history(sha, max) {
        return listCommits(this.gh, { owner: this.context.owner, repo: this.context.repo, sha, max });
    }
    /** `{ comment: undefined }` when the gate has no comment yet; undefined when the comments could not be read. */
    async findComment(issueNumber, marker) {
        return this.attempt('comment', 'read the pull request comments', async () => {
            // A personal access token comments as its own user; GITHUB_TOKEN (a bot) cannot read /user.
            const selfLogin = await (this.selfLogin ??= getSelfLogin(this.gh));
            const comment = await findStickyComment(this.gh, {
                owner: this.context.owner,
                repo: this.context.repo,
                issueNumber,
                marker,
                ...(selfLogin ? { selfLogin } : {})
            });
            return { comment };
        });
    }
    async upsertComment(issueNumber, body, existing) {
        return this.attempt('comment', 'write the pull request comment', () => upsertStickyComment(this.gh, {
            owner: this.context.owner,
            repo: this.context.repo,
            issueNumber,
            body,
            existing
        }));
    }
    async attempt(operation, what, call) {
        try {
            return await call();
        }
        catch (error) {
            if (isPermissionError(error)) {
                this.warnOnce(operation, missingPermissionMessage(operation, error));
            }
            else {
                this.warnOnce(`${operation}:${what}`, describeGitHubError(error, what));
            }
            return undefined;
        }
    }
    warnOnce(key, message) {
        if (this.warned.has(key)) {
            this.log.debug(message);
            return;
        }
        this.warned.add(key);
        this.log.warning(message, WARNING_TITLE);
    }
}

// EXTERNAL MODULE: ./src/pipeline/outcome.ts
var pipeline_outcome = __webpack_require__(4150);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/render/outputs.ts + 1 modules
var render_outputs = __webpack_require__(2623);
;// CONCATENATED MODULE: ./src/stats/sums.ts
const FIELDS = ['tests', 'evals', 'passed', 'passedSq', 'passedEvals', 'evalsSq'];
function emptySums() {
    return { tests: 0, evals: 0, passed: 0, passedSq: 0, passedEvals: 0, evalsSq: 0 };
}
/**
 * The sums with one more test of `evals` evals, `passed` of which passed. Pure: returns a new object.
 * A passed count above evals by rounding noise only (1e-9 relative) is taken as evals; anything else out of
 * range is a programming error and throws a RangeError.
 */
function addTest(sums, passed, evals) {
    if (!Number.isFinite(passed) || !Number.isFinite(evals) || passed < 0 || evals < 0) {
        throw new RangeError(`a test needs finite, non-negative counts, got ${passed} of ${evals}`);
    }
    if (passed > evals) {
        if (passed - evals > 1e-9 * evals)
            throw new RangeError(`${passed} passed of only ${evals} evals`);
        passed = evals;
    }
    return {
        tests: sums.tests + 1,
        evals: sums.evals + evals,
        passed: sums.passed + passed,
        passedSq: sums.passedSq + passed * passed,
        passedEvals: sums.passedEvals + passed * evals,
        evalsSq: sums.evalsSq + evals * evals
    };
}
function mergeSums(a, b) {
    return {
        tests: a.tests + b.tests,
        evals: a.evals + b.evals,
        passed: a.passed + b.passed,
        passedSq: a.passedSq + b.passedSq,
        passedEvals: a.passedEvals + b.passedEvals,
        evalsSq: a.evalsSq + b.evalsSq
    };
}
/** Sums of a list of (passed, evals) pairs. */
function sumsOf(tests) {
    let sums = emptySums();
    for (const [passed, evals] of tests)
        sums = addTest(sums, passed, evals);
    return sums;
}
/** The pooled rate Σx / Σe as a fraction in [0, 1]; 0 when there are no evals. */
function rateFraction(sums) {
    return sums.evals > 0 ? Math.min(1, Math.max(0, sums.passed / sums.evals)) : 0;
}
/** Σ(xᵢ − p·eᵢ)² around the pooled rate p; rounding can make the expansion slightly negative, so it is floored at 0. */
function residualSumOfSquares(sums) {
    const p = rateFraction(sums);
    return Math.max(0, sums.passedSq - 2 * p * sums.passedEvals + p * p * sums.evalsSq);
}
function isCount(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
}
/**
 * Whether an untrusted value (e.g. read from a stored record) is a RateSums that some set of tests could have
 * produced: six finite non-negative numbers, an integer test count, x ≤ e so Σx ≤ Σe and Σx² ≤ Σxe ≤ Σe²,
 * and nothing but zeros without tests.
 */
function isRateSums(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const record = value;
    if (!FIELDS.every(field => isCount(record[field])))
        return false;
    const s = record;
    const slack = (bound) => bound * (1 + 1e-9) + 1e-9;
    if (!Number.isInteger(s.tests))
        return false;
    if (s.tests === 0)
        return FIELDS.every(field => s[field] === 0);
    return (s.passed <= slack(s.evals) &&
        s.passedSq <= slack(s.passedEvals) &&
        s.passedEvals <= slack(s.evalsSq) &&
        s.evalsSq <= slack(s.evals * s.evals));
}

;// CONCATENATED MODULE: ./src/stats/distributions.ts
/**
 * The few distribution functions the gate's error bars need: the standard normal and Student's t (CDF,
 * quantile, two-sided p-value). Computed from the regularized incomplete gamma and beta functions (continued
 * fractions, as in Numerical Recipes §6.2 and §6.4), so they hold to about 1e-12 across the range the gate uses.
 */
const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 20_000;
/** Beyond this many degrees of freedom Student's t is the normal to well under 1e-7. */
const NORMAL_DF = 1e7;
/** 97.5 % and 80 % points of the standard normal. */
const Z975 = 1.959963984540054;
const Z80 = 0.8416212335729143;
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function lnGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    const z = x - 1;
    let sum = LANCZOS[0];
    for (let i = 1; i < LANCZOS.length; i++)
        sum += LANCZOS[i] / (z + i);
    const t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
function guard(value) {
    return Math.abs(value) < TINY ? TINY : value;
}
/** Upper regularized incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
function gammaQ(a, x) {
    if (x <= 0)
        return 1;
    const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
    if (x < a + 1) {
        let term = 1 / a;
        let sum = term;
        for (let n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPS; n++) {
            term *= x / (a + n);
            sum += term;
        }
        return 1 - sum * front;
    }
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < MAX_ITERATIONS; i++) {
        const an = -i * (i - a);
        b += 2;
        d = 1 / guard(an * d + b);
        c = guard(b + an / c);
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < EPS)
            break;
    }
    return front * h;
}
function betaContinuedFraction(a, b, x) {
    let c = 1;
    let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
    let h = d;
    for (let m = 1; m < MAX_ITERATIONS; m++) {
        const m2 = 2 * m;
        const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
        d = 1 / guard(1 + even * d);
        c = guard(1 + even / c);
        h *= d * c;
        const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
        d = 1 / guard(1 + odd * d);
        c = guard(1 + odd / c);
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < EPS)
            break;
    }
    return h;
}
/** Regularized incomplete beta I_x(a, b); pass y = 1 − x when it is known more precisely than 1 − x. */
function regularizedBeta(x, a, b, y = 1 - x) {
    if (x <= 0)
        return 0;
    if (y <= 0)
        return 1;
    const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(y));
    if (x < (a + 1) / (a + b + 2))
        return (front * betaContinuedFraction(a, b, x)) / a;
    return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}
/** Standard normal CDF Φ(x). */
function normalCdf(x) {
    if (Number.isNaN(x))
        return NaN;
    const tail = 0.5 * gammaQ(0.5, (x * x) / 2);
    return x < 0 ? tail : 1 - tail;
}
const ACKLAM_A = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716
];
const ACKLAM_B = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572
];
const ACKLAM_C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
function acklamTail(q) {
    const [c0, c1, c2, c3] = ACKLAM_C;
    const [d0, d1, d2, d3] = ACKLAM_D;
    return ((((((c0 * q + c1) * q + c2) * q + c3) * q + 4.374664141464968) * q + 2.938163982698783) /
        ((((d0 * q + d1) * q + d2) * q + d3) * q + 1));
}
/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1 (Acklam's approximation, refined by one Halley step). */
function normalQuantile(p) {
    if (!(p > 0 && p < 1)) {
        if (p === 0)
            return -Infinity;
        if (p === 1)
            return Infinity;
        return NaN;
    }
    let x;
    if (p < 0.02425)
        x = acklamTail(Math.sqrt(-2 * Math.log(p)));
    else if (p > 1 - 0.02425)
        x = -acklamTail(Math.sqrt(-2 * Math.log(1 - p)));
    else {
        const q = p - 0.5;
        const r = q * q;
        const [a0, a1, a2, a3, a4] = ACKLAM_A;
        const [b0, b1, b2, b3, b4] = ACKLAM_B;
        x =
            ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + 2.506628277459239) * q) /
                (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
    }
    const error = normalCdf(x) - p;
    const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    return x - u / (1 + (x * u) / 2);
}
function checkDf(df) {
    if (!(df > 0))
        throw new RangeError(`degrees of freedom must be positive, got ${df}`);
}
/** P(|T| ≥ |t|) for Student's t with df degrees of freedom (df may be non-integer or Infinity). */
function studentTTwoSidedPValue(t, df) {
    checkDf(df);
    if (Number.isNaN(t))
        return NaN;
    if (df > NORMAL_DF)
        return 2 * normalCdf(-Math.abs(t));
    const t2 = t * t;
    return Math.min(1, regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2)));
}
/** Student's t CDF P(T ≤ t). */
function studentTCdf(t, df) {
    const tail = studentTTwoSidedPValue(t, df) / 2;
    return t < 0 ? tail : 1 - tail;
}
/** Student's t quantile for 0 < p < 1 and df > 0 (bisection on the two-sided tail). */
function studentTQuantile(p, df) {
    checkDf(df);
    if (!(p > 0 && p < 1))
        return normalQuantile(p);
    if (df > NORMAL_DF)
        return normalQuantile(p);
    if (p === 0.5)
        return 0;
    const upper = Math.max(p, 1 - p);
    const target = 2 * (1 - upper);
    let lo = 0;
    let hi = Math.max(1, 2 * normalQuantile(upper));
    while (studentTTwoSidedPValue(hi, df) > target) {
        lo = hi;
        hi *= 2;
    }
    for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (studentTTwoSidedPValue(mid, df) > target)
            lo = mid;
        else
            hi = mid;
    }
    const t = (lo + hi) / 2;
    return p > 0.5 ? t : -t;
}
const t975Cache = new Map();
/** The 97.5 % point of Student's t with df ≥ 1 degrees of freedom (→ 1.959964 as df → ∞). */
function studentT975(df) {
    if (!(df >= 1))
        throw new RangeError(`degrees of freedom must be at least 1, got ${df}`);
    let value = t975Cache.get(df);
    if (value === undefined) {
        value = studentTQuantile(0.975, df);
        if (t975Cache.size < 1000)
            t975Cache.set(df, value);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/stats/interval.ts


/** The largest standard deviation any rate in [0, 1] can have. */
const MAX_RATE_SE = 0.5;
/** The rule of three: when none of n tests failed, the failure rate is below 3/n with 95 % confidence. */
function ruleOfThreeReach(tests) {
    return Math.min(1, 3 / tests);
}
/**
 * The clustered (ratio-estimator) standard error of Σx/Σe, tests being the clusters:
 * SE = √( n/(n−1) · Σ(xᵢ − p·eᵢ)² ) / Σe with n − 1 degrees of freedom.
 * - Fewer than 2 tests or no evals: undefined.
 * - Every eval passed, or every eval failed: the residuals are all 0, so the SE is the one a normal 95 % interval
 *   as wide as the rule of three would have, (3/n)/1.96, at most 0.5; no degrees of freedom are estimated.
 * - Otherwise the SE is never taken below 1/Σe, one eval's share of the suite: when every test scored exactly
 *   the same rate the residuals vanish although the suite cannot resolve a difference finer than one eval.
 */
function rateStandardError(sums) {
    const n = sums.tests;
    if (n < 2 || !(sums.evals > 0))
        return undefined;
    if (sums.passed <= 0 || sums.passed >= sums.evals) {
        return { se: Math.min(MAX_RATE_SE, ruleOfThreeReach(n) / Z975), df: Infinity, method: 'rule-of-three' };
    }
    const clustered = Math.sqrt((n / (n - 1)) * residualSumOfSquares(sums)) / sums.evals;
    return { se: Math.max(clustered, 1 / sums.evals), df: n - 1, method: 'clustered-t' };
}
/** A pass rate with its 95 % interval: p ± t(n−1)·SE kept within [0, 100], or the rule of three at 0 % or 100 %. */
function rateInterval(sums) {
    const rate = 100 * rateFraction(sums);
    const error = rateStandardError(sums);
    if (error === undefined)
        return { rate, tests: sums.tests, method: 'none' };
    const se = 100 * error.se;
    if (error.method === 'rule-of-three') {
        const margin = 100 * ruleOfThreeReach(sums.tests);
        return rate >= 100
            ? { rate, tests: sums.tests, se, margin, low: 100 - margin, high: 100, method: error.method }
            : { rate, tests: sums.tests, se, margin, low: 0, high: margin, method: error.method };
    }
    const margin = studentT975(error.df) * se;
    return {
        rate,
        tests: sums.tests,
        se,
        margin,
        low: Math.max(0, rate - margin),
        high: Math.min(100, rate + margin),
        method: error.method
    };
}

;// CONCATENATED MODULE: ./src/stats/holm.ts
/**
 * Holm's step-down correction for m simultaneous tests: sort the p-values ascending and reject the k-th smallest
 * (k = 0, 1, …) while p ≤ α / (m − k); stop at the first that is not rejected. Controls the chance of any false
 * "significant" at α, and never rejects less than Bonferroni. Returns, in input order, which are significant.
 * A NaN p-value is never significant and still counts towards m.
 */
function holm(pValues, alpha = 0.05) {
    const m = pValues.length;
    const order = pValues
        .map((p, index) => ({ p: Number.isNaN(p) ? Infinity : p, index }))
        .sort((a, b) => a.p - b.p || a.index - b.index);
    const significant = new Array(m).fill(false);
    for (let k = 0; k < m; k++) {
        const { p, index } = order[k];
        if (!(p <= alpha / (m - k)))
            break;
        significant[index] = true;
    }
    return significant;
}

;// CONCATENATED MODULE: ./src/stats/compare.ts




const MAX_RATE_VARIANCE = MAX_RATE_SE * MAX_RATE_SE;
/**
 * Per-test residual variance s² of one side (in evals²): Σₖ RSSₖ / Σₖ (nₖ − 1) over its tasks with at least
 * 2 tests, RSSₖ = Σ(xᵢ − pₖeᵢ)² around the task's own rate. Without such a task, the residual variance of all
 * the side's tests around its overall rate. Undefined when the side has fewer than 2 tests.
 */
function pooledResidualVariance(side) {
    let rss = 0;
    let df = 0;
    let all = emptySums();
    for (const sums of side.values()) {
        all = mergeSums(all, sums);
        if (sums.tests >= 2 && sums.evals > 0) {
            rss += residualSumOfSquares(sums);
            df += sums.tests - 1;
        }
    }
    if (df > 0)
        return { variance: rss / df, df };
    if (all.tests >= 2)
        return { variance: residualSumOfSquares(all) / (all.tests - 1), df: all.tests - 1 };
    return undefined;
}
/**
 * Variance of each task's rate on one side. A task with 2 or more tests uses its own tests (the clustered SE²,
 * or the rule of three when all its evals passed or all failed). A task with a single test borrows the side's
 * pooled per-test variance: Var(pₖ) = nₖ·s² / Eₖ². When the side shows no spread at all, or has too few tests
 * to measure one, the borrowed variance is the largest a rate can have, 1/4. No variance exceeds 1/4.
 * Borrowed variances share one estimate, so they are returned together for the degrees-of-freedom sum.
 */
function sideVariances(side, keys) {
    const own = new Map();
    const borrowed = new Map();
    const pool = pooledResidualVariance(side);
    const poolUsable = pool !== undefined && pool.variance > 0;
    for (const key of keys) {
        const sums = side.get(key);
        const error = rateStandardError(sums);
        if (error !== undefined) {
            own.set(key, { variance: Math.min(MAX_RATE_VARIANCE, error.se * error.se), df: error.df });
        }
        else if (poolUsable) {
            const variance = (sums.tests * pool.variance) / (sums.evals * sums.evals);
            borrowed.set(key, Math.min(MAX_RATE_VARIANCE, variance));
        }
        else {
            own.set(key, { variance: MAX_RATE_VARIANCE, df: Infinity });
        }
    }
    return { own, borrowed, poolDf: poolUsable ? pool.df : Infinity };
}
/**
 * Welch–Satterthwaite degrees of freedom of a sum of independent variance estimates:
 * (Σ Vᵢ)² / Σ (Vᵢ² / dfᵢ). Infinity when every part has infinite df (or the sum is 0).
 */
function welchSatterthwaite(parts) {
    let total = 0;
    let denominator = 0;
    for (const { variance, df } of parts) {
        total += variance;
        if (Number.isFinite(df))
            denominator += (variance * variance) / df;
    }
    return denominator > 0 && total > 0 ? Math.max(1, (total * total) / denominator) : Infinity;
}
function direction(significant, change) {
    if (!significant || change === 0)
        return 'none';
    return change > 0 ? 'up' : 'down';
}
function present(side, key) {
    const sums = side.get(key);
    return sums !== undefined && sums.tests > 0 && sums.evals > 0;
}
/**
 * Compares the run (head) with its baseline (base), each given as per-task sums. Tasks count as present on a
 * side when they have evals there. The change and its variance Σₖ (wₖ/Σw)²·(Var headₖ + Var baseₖ) are taken
 * over the shared tasks; its 95 % interval uses Student's t with Welch–Satterthwaite degrees of freedom (the
 * normal when no part is estimated from few tests). Each task gets a two-sided p-value on the same footing, and
 * is marked significant only after Holm's correction over the tasks compared.
 */
function compareStratified(head, base) {
    const shared = [...head.keys()].filter(key => present(head, key) && present(base, key));
    const onlyInHead = [...head.keys()].filter(key => present(head, key) && !present(base, key));
    const onlyInBase = [...base.keys()].filter(key => present(base, key) && !present(head, key));
    if (shared.length === 0) {
        return { significant: false, direction: 'none', sharedTasks: [], onlyInHead, onlyInBase };
    }
    const headVar = sideVariances(head, shared);
    const baseVar = sideVariances(base, shared);
    const varianceOf = (side, key) => side.own.get(key) ?? { variance: side.borrowed.get(key), df: side.poolDf };
    const totalWeight = shared.reduce((sum, key) => sum + head.get(key).evals, 0);
    let change = 0;
    const ownParts = [];
    const pooledParts = { head: 0, base: 0 };
    let headTotals = emptySums();
    let baseTotals = emptySums();
    const rows = shared.map(key => {
        const headSums = head.get(key);
        const baseSums = base.get(key);
        headTotals = mergeSums(headTotals, headSums);
        baseTotals = mergeSums(baseTotals, baseSums);
        const diff = rateFraction(headSums) - rateFraction(baseSums);
        const share = headSums.evals / totalWeight;
        change += share * diff;
        const h = varianceOf(headVar, key);
        const b = varianceOf(baseVar, key);
        for (const [estimate, isBorrowed, side] of [
            [h, headVar.borrowed.has(key), 'head'],
            [b, baseVar.borrowed.has(key), 'base']
        ]) {
            const weighted = share * share * estimate.variance;
            if (isBorrowed)
                pooledParts[side] += weighted;
            else
                ownParts.push({ variance: weighted, df: estimate.df });
        }
        const se = Math.sqrt(h.variance + b.variance);
        const taskDf = welchSatterthwaite([h, b]);
        const pValue = se > 0 ? studentTTwoSidedPValue(diff / se, taskDf) : diff === 0 ? 1 : 0;
        return {
            key,
            head: rateInterval(headSums),
            base: rateInterval(baseSums),
            change: 100 * diff,
            se: 100 * se,
            margin: 100 * se * studentT975(Math.max(1, taskDf)),
            pValue
        };
    });
    const marks = holm(rows.map(row => row.pValue));
    const sharedTasks = rows.map((row, i) => ({
        ...row,
        significant: marks[i],
        direction: direction(marks[i], row.change)
    }));
    const parts = [
        ...ownParts,
        { variance: pooledParts.head, df: headVar.poolDf },
        { variance: pooledParts.base, df: baseVar.poolDf }
    ];
    const variance = parts.reduce((sum, part) => sum + part.variance, 0);
    const df = welchSatterthwaite(parts);
    const se = 100 * Math.sqrt(variance);
    const points = 100 * change;
    const margin = studentT975(df) * se;
    const significant = points - margin > 0 || points + margin < 0;
    return {
        change: points,
        se,
        margin,
        low: Math.max(-100, points - margin),
        high: Math.min(100, points + margin),
        significant,
        direction: direction(significant, points),
        ...(significant ? {} : { minimumDetectableDrop: (studentT975(df) + studentTQuantile(0.8, df)) * se }),
        sharedTasks,
        onlyInHead,
        onlyInBase,
        headRate: 100 * rateFraction(headTotals),
        baseRate: 100 * rateFraction(baseTotals)
    };
}

;// CONCATENATED MODULE: ./src/stats/index.ts
/** Error bars and baseline comparison for pass rates, computed from per-test running sums. */






;// CONCATENATED MODULE: ./src/judge/aggregate.ts

function percentOf(passed, total) {
    return total > 0 ? (passed / total) * 100 : 0;
}
/** Adds one test's counts to the tally of `group.id`, creating it on first sight. */
function addTo(tallies, group, passed, total) {
    let tally = tallies.get(group.id);
    if (!tally) {
        tally = { ...group, passed: 0, total: 0, tests: 0, sums: emptySums() };
        tallies.set(group.id, tally);
    }
    tally.passed += passed;
    tally.total += total;
    tally.tests += 1;
    tally.sums = addTest(tally.sums, passed, total);
}
/** Worst first (lowest pass rate), then by name and id so the order never depends on the input order. */
function toBreakdowns(tallies, badgeOf) {
    const rows = [...tallies.values()].map(tally => {
        const passRate = percentOf(tally.passed, tally.total);
        return {
            ...tally,
            failed: tally.total - tally.passed,
            passRate,
            badge: badgeOf(passRate),
            interval: rateInterval(tally.sums)
        };
    });
    return rows.sort((a, b) => a.passRate - b.passRate || compareText(a.name, b.name) || compareText(a.id, b.id));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** A creation time as ms, for ordering: Avido's timestamps may carry any offset. Unreadable ones go last. */
function createdMs(createdAt) {
    const time = Date.parse(createdAt);
    return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}
/** True when `candidate` is a worse test than `current`: lower pass rate, then created earlier, then by id. */
function isWorse(candidate, current) {
    if (!current)
        return true;
    if (candidate.passRate !== current.passRate)
        return candidate.passRate < current.passRate;
    const byTime = createdMs(candidate.createdAt) - createdMs(current.createdAt);
    if (byTime !== 0 && !Number.isNaN(byTime))
        return byTime < 0;
    return compareText(candidate.id, current.id) < 0;
}
/** Badge of an unrounded pass rate: success above `warning`, warning above `error`, else error. */
function badgeFor(rate, thresholds) {
    if (rate > thresholds.warning)
        return 'success';
    if (rate > thresholds.error)
        return 'warning';
    return 'error';
}
function failsQualityFor(result, failOn) {
    if (result === 'none' || failOn === 'never')
        return false;
    return result === 'error' || (failOn === 'warning' && result === 'warning');
}
/** A test's evals counted per eval definition: each eval's own flag, and every eval of an errored test as failed. */
function countsByDefinition(judged) {
    // A test has a few evals: a scan finds the definition sooner than a Map is built.
    const counts = [];
    for (const outcome of judged.evals) {
        let count;
        for (const known of counts)
            if (known.id === outcome.definitionId)
                count = known;
        if (!count) {
            count = { id: outcome.definitionId, name: outcome.name, type: outcome.type, passed: 0, total: 0 };
            counts.push(count);
        }
        count.passed += !judged.errored && outcome.passed ? 1 : 0;
        count.total += 1;
    }
    return counts;
}

// EXTERNAL MODULE: ./src/shared/format.ts
var format = __webpack_require__(6338);
;// CONCATENATED MODULE: ./src/judge/digest.ts



// What the report shows about single tests, kept while the tests stream past: counts per task and per eval
// definition, the first few pending tests and failing evals, and a bounded set of reasons per failing
// group. Its size depends on the number of tasks and eval definitions, never on the number of tests.
/** Pending tests listed by name; the rest are counted. */
const MAX_PENDING_KEPT = 20;
/** Failing evals the Avido issue lists; the rest are counted. */
const MAX_FAILING_EVALS_KEPT = 30;
/**
 * Distinct reasons counted per failing group. Ranking every distinct reason by frequency would need all of
 * them; past this many, further new reasons are not counted, only noted (`moreReasons`).
 */
const MAX_REASONS_KEPT = 50;
function emptyDigest() {
    return { tasks: new Map(), firstPending: [], failingEvals: [], failingEvalCount: 0 };
}
/** Earlier in the run read oldest first (by creation time, then test id, then the eval's place). */
function isBefore(a, b) {
    return comesBefore(a[0], a[1], a[2], b);
}
/** `isBefore` for a place given by its parts, so that none is made for a test that comes later. */
function comesBefore(createdAt, testId, evalIndex, b) {
    if (!b)
        return true;
    const byTime = createdMs(createdAt) - createdMs(b[0]);
    if (byTime !== 0 && !Number.isNaN(byTime))
        return byTime < 0;
    if (testId !== b[1])
        return testId < b[1];
    return evalIndex < b[2];
}
/** Why an eval failed, as the reader should see it: its explanation, else that it errored, else its score. */
function reasonOf(e) {
    const explanation = (0,shared_text/* normalizeText */.fQ)(e.explanation);
    if (explanation)
        return explanation;
    if (e.status === 'FAILED')
        return 'the eval errored in Avido';
    const score = (0,format/* formatScore */.y)(e.score);
    return score ? `score ${score}` : '';
}
const settledEval = (status) => status !== 'PENDING' && status !== 'IN_PROGRESS';
function taskOf(digest, test) {
    let task = digest.tasks.get(test.taskId);
    if (!task) {
        task = {
            taskId: test.taskId,
            firstTitle: test.taskTitle,
            errored: 0,
            pending: 0,
            settled: 0,
            settledTitle: test.taskTitle,
            countedEvals: 0,
            definitions: new Map()
        };
        digest.tasks.set(test.taskId, task);
    }
    return task;
}
function definitionOf(task, e) {
    let tally = task.definitions.get(e.definitionId);
    if (!tally) {
        tally = {
            id: e.definitionId,
            name: e.name,
            type: e.type,
            ran: 0,
            failed: 0,
            reasons: new Map(),
            moreReasons: false
        };
        task.definitions.set(e.definitionId, tally);
    }
    return tally;
}
function addReason(tally, reason, at) {
    const known = tally.reasons.get(reason);
    if (known) {
        known.count += 1;
        if (isBefore(at, known.first))
            known.first = at;
    }
    else if (tally.reasons.size < MAX_REASONS_KEPT)
        tally.reasons.set(reason, { count: 1, first: at });
    else
        tally.moreReasons = true;
}
/**
 * The definitions a test ran and failed, gathered again for each test (a test has a few evals) in lists that
 * are reused: only their first `count` entries stand for the test at hand.
 */
const ranByTest = [];
const failedByTest = [];
/** Puts `tally` among the first `count` of `list` unless it is there already; the new count. */
function gather(list, count, tally) {
    for (let index = 0; index < count; index++)
        if (list[index] === tally)
            return count;
    list[count] = tally;
    return count + 1;
}
/** Adds one judged test (each test once; tests may come in any order). */
function addToDigest(digest, test) {
    const task = taskOf(digest, test);
    for (const e of test.evals) {
        if (e.passed)
            continue;
        digest.failingEvalCount += 1;
        if (digest.failingEvals.length < MAX_FAILING_EVALS_KEPT) {
            const { name, type, score, explanation } = e;
            digest.failingEvals.push({ taskTitle: test.taskTitle, name, type, score, explanation });
        }
    }
    if (test.pending) {
        task.pending += 1;
        if (digest.firstPending.length < MAX_PENDING_KEPT) {
            const { id, taskId, taskTitle, status } = test;
            digest.firstPending.push({ id, taskId, taskTitle, status });
        }
        return;
    }
    task.settled += 1;
    if (comesBefore(test.createdAt, test.id, -1, task.settledAt)) {
        task.settledAt = [test.createdAt, test.id, -1];
        task.settledTitle = test.taskTitle;
    }
    if (test.errored) {
        task.errored += 1;
        task.countedEvals += test.total;
        return;
    }
    let ran = 0;
    let failed = 0;
    for (let index = 0; index < test.evals.length; index++) {
        const e = test.evals[index];
        const tally = definitionOf(task, e);
        ran = gather(ranByTest, ran, tally);
        if (e.passed || !settledEval(e.status))
            continue;
        failed = gather(failedByTest, failed, tally);
        const reason = reasonOf(e);
        const earliest = comesBefore(test.createdAt, test.id, index, tally.nameAt);
        if (!earliest && !reason)
            continue;
        const at = [test.createdAt, test.id, index];
        if (earliest) {
            tally.nameAt = at;
            tally.name = e.name;
            tally.type = e.type;
        }
        if (reason)
            addReason(tally, reason, at);
    }
    for (let index = 0; index < ran; index++)
        ranByTest[index].ran += 1;
    for (let index = 0; index < failed; index++)
        failedByTest[index].failed += 1;
}
/** How many things the digest holds: the measure of its memory, for tests. */
function digestSize(digest) {
    let size = digest.firstPending.length + digest.failingEvals.length;
    for (const task of digest.tasks.values()) {
        size += 1;
        for (const tally of task.definitions.values())
            size += 1 + tally.reasons.size;
    }
    return size;
}

;// CONCATENATED MODULE: ./src/judge/summary.ts



/**
 * Adds up tests judged one by one (as their pages arrived), keeping only running figures and the bounded
 * digest the report needs: what it holds does not grow with the number of tests. Pending tests are counted
 * and listed but count nowhere else.
 *
 * Result `none` means nothing was measured: no settled test carried an eval and none errored (no tests, only
 * pending ones, or tests without evals). Such a run has no pass rate to hold against the thresholds, and
 * calling it 0 % would fail the gate and file an Avido issue about a quality drop that never happened. An
 * errored test always counts as at least one failed eval, so a run with an errored test is never `none`.
 */
class RunSummary {
    tasks = new Map();
    definitions = new Map();
    digest = emptyDigest();
    passed = 0;
    total = 0;
    erroredTests = 0;
    sums = emptySums();
    worstTest;
    /** Tests added so far. */
    count = 0;
    /** Pending tests added so far. */
    pending = 0;
    add(judged) {
        this.count += 1;
        addToDigest(this.digest, judged);
        if (judged.pending) {
            this.pending += 1;
            return;
        }
        if (judged.errored)
            this.erroredTests += 1;
        this.passed += judged.passed;
        this.total += judged.total;
        this.sums = addTest(this.sums, judged.passed, judged.total);
        addTo(this.tasks, { id: judged.taskId, name: judged.taskTitle }, judged.passed, judged.total);
        for (const count of countsByDefinition(judged))
            addTo(this.definitions, count, count.passed, count.total);
        // A test with nothing measured is no candidate for "worst": it says nothing about quality.
        if (judged.total > 0 && isWorse(judged, this.worstTest))
            this.worstTest = judged;
    }
    /** How many things are kept (groups, reasons, listed tests): the measure of the memory held, for tests. */
    retained() {
        return this.tasks.size + this.definitions.size + digestSize(this.digest) + (this.worstTest ? 1 : 0);
    }
    finish(options) {
        const { thresholds, failOn } = options;
        const passRate = percentOf(this.passed, this.total);
        const result = this.total === 0 ? 'none' : badgeFor(passRate, thresholds);
        const badgeOf = (rate) => badgeFor(rate, thresholds);
        return {
            result,
            passRate,
            interval: rateInterval(this.sums),
            sums: this.sums,
            passed: this.passed,
            failed: this.total - this.passed,
            total: this.total,
            tests: this.count,
            erroredTests: this.erroredTests,
            pendingTests: this.pending,
            tasks: toBreakdowns(this.tasks, badgeOf),
            evalDefinitions: toBreakdowns(this.definitions, badgeOf),
            digest: this.digest,
            worstTest: this.worstTest,
            thresholds,
            failOn,
            failsQuality: failsQualityFor(result, failOn)
        };
    }
}
/** Adds up `judgedTests` at once (see `RunSummary`). */
function summarizeRun(judgedTests, options) {
    const summary = new RunSummary();
    for (const judged of judgedTests)
        summary.add(judged);
    return summary.finish(options);
}

;// CONCATENATED MODULE: ./src/judge/judge.ts



const count = (value) => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
function outcomeOf(evaluation, explain) {
    let explanation = '';
    try {
        explanation = explain(evaluation);
    }
    catch {
        // A result shape nobody anticipated must not stop the gate; the eval is still counted.
    }
    return {
        id: evaluation.id,
        definitionId: evaluation.definition.id,
        name: evaluation.definition.name,
        type: evaluation.definition.type,
        status: evaluation.status,
        score: evaluation.score ?? null,
        passed: evaluation.passed === true,
        explanation
    };
}
const noExplanation = () => '';
function judgeTest(test, thresholds, explain = noExplanation) {
    const evals = test.evals.map(evaluation => outcomeOf(evaluation, explain));
    const errored = test.status === 'FAILED';
    const pending = test.status === 'PENDING' || test.status === 'IN_PROGRESS';
    let passed;
    let total;
    let passRate;
    if (errored) {
        passed = 0;
        total = Math.max(1, evals.length);
        passRate = 0;
    }
    else if (test.result) {
        total = count(test.result.total);
        passed = Math.min(count(test.result.passed), total);
        const reported = test.result.passRate;
        passRate = Number.isFinite(reported) ? Math.min(100, Math.max(0, reported)) : percentOf(passed, total);
    }
    else {
        total = evals.length;
        passed = evals.filter(outcome => outcome.passed).length;
        passRate = percentOf(passed, total);
    }
    return {
        id: test.id,
        taskId: test.taskId,
        taskTitle: test.task?.title ?? test.taskId,
        runId: test.runId,
        status: test.status,
        createdAt: test.createdAt,
        passed,
        total,
        passRate,
        badge: badgeFor(passRate, thresholds),
        errored,
        pending,
        evals
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var classic_schemas = __webpack_require__(4528);
;// CONCATENATED MODULE: ./src/render/record.ts


// The record a completed gate leaves in its check run, for later runs to compare with: per-task and
// per-eval-definition running sums (enough to recompute every error bar), the filters they were measured
// with, the commit and the time. Kept in an HTML comment so that it does not show on the check run's page,
// and compact: a run of 500 tasks still fits GitHub's 65,535 characters.
const RECORD_VERSION = 1;
const MARKER = 'avido-test-gate-record';
/** A check run's output text holds at most this many characters. */
const MAX_RECORD_LENGTH = 65_535;
const MAX_KEY = 1_000;
const MAX_ID = 200;
const MAX_GROUPS = 5_000;
const pack = (s) => [s.tests, s.evals, s.passed, s.passedSq, s.passedEvals, s.evalsSq];
const unpack = ([tests, evals, passed, passedSq, passedEvals, evalsSq]) => ({
    tests,
    evals,
    passed,
    passedSq,
    passedEvals,
    evalsSq
});
const idList = classic_schemas/* array */.YOg(classic_schemas/* string */.YjP().max(MAX_ID)).max(MAX_GROUPS);
const packedSums = classic_schemas/* array */.YOg(classic_schemas/* number */.aig().finite().nonnegative()).length(6);
const recordSchema = classic_schemas/* object */.Ikc({
    v: classic_schemas/* literal */.euz(RECORD_VERSION),
    key: classic_schemas/* string */.YjP().max(MAX_KEY),
    sha: classic_schemas/* string */.YjP().regex(/^[0-9a-f]{7,64}$/i),
    at: classic_schemas/* string */.YjP().max(40),
    scope: classic_schemas/* object */.Ikc({
        taskIds: idList,
        evalDefinitionIds: idList,
        experimentVariantIds: idList,
        runTypes: idList
    }),
    overall: packedSums,
    tasks: classic_schemas/* record */.g1P(classic_schemas/* string */.YjP().max(MAX_ID), packedSums),
    defs: classic_schemas/* record */.g1P(classic_schemas/* string */.YjP().max(MAX_ID), packedSums)
});
function recordOf(judgement, run) {
    const byId = (rows) => new Map(rows.map(row => [row.id, row.sums]));
    return {
        ...run,
        overall: judgement.sums,
        tasks: byId(judgement.tasks),
        evalDefinitions: byId(judgement.evalDefinitions)
    };
}
/**
 * The record as an HTML comment; eval definitions are left out when only the tasks fit, and undefined when
 * even they do not (about 1,000 tasks): GitHub would refuse the whole check run for it.
 */
function encodeRecord(record) {
    const encode = (withDefinitions) => {
        const json = JSON.stringify({
            v: RECORD_VERSION,
            key: record.key,
            sha: record.sha,
            at: record.at,
            scope: record.scope,
            overall: pack(record.overall),
            tasks: Object.fromEntries([...record.tasks].map(([id, sums]) => [id, pack(sums)])),
            defs: withDefinitions
                ? Object.fromEntries([...record.evalDefinitions].map(([id, sums]) => [id, pack(sums)]))
                : {}
        });
        // `--` and `>` could end the comment early; inside JSON strings they have escapes that mean the same.
        return `<!-- ${MARKER} ${json.replace(/-/g, '\\u002d').replace(/>/g, '\\u003e')} -->`;
    };
    const full = encode(true);
    if (full.length <= MAX_RECORD_LENGTH)
        return full;
    const tasksOnly = encode(false);
    return tasksOnly.length <= MAX_RECORD_LENGTH ? tasksOnly : undefined;
}
/**
 * The record in a check run's text, checked field by field: a check run of the same name can be made by any
 * app with `checks: write`, so anything malformed, oversized or of another gate (`key`) reads as no record.
 */
function decodeRecord(text, key) {
    if (typeof text !== 'string' || text.length > MAX_RECORD_LENGTH)
        return undefined;
    const start = text.indexOf(`<!-- ${MARKER} `);
    if (start < 0)
        return undefined;
    const end = text.indexOf(' -->', start);
    if (end < 0)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text.slice(start + MARKER.length + 6, end));
    }
    catch {
        return undefined;
    }
    const checked = recordSchema.safeParse(parsed);
    if (!checked.success || checked.data.key !== key)
        return undefined;
    const data = checked.data;
    const groups = (entries) => {
        const sums = Object.entries(entries).map(([id, packed]) => [id, unpack(packed)]);
        return sums.every(([, s]) => isRateSums(s)) ? new Map(sums) : undefined;
    };
    const overall = unpack(data.overall);
    const tasks = groups(data.tasks);
    const evalDefinitions = groups(data.defs);
    if (!isRateSums(overall) || !tasks || !evalDefinitions)
        return undefined;
    return { key: data.key, sha: data.sha, at: data.at, scope: data.scope, overall, tasks, evalDefinitions };
}
/** A decoded record as a baseline to compare with. */
function baselineFromRecord(record) {
    return {
        source: 'base-commit',
        measuredAt: record.at,
        sha: record.sha,
        scope: record.scope,
        overall: record.overall,
        tasks: record.tasks,
        evalDefinitions: record.evalDefinitions
    };
}

;// CONCATENATED MODULE: ./src/judge/explain.ts

// An eval's own explanation as plain text (the shape of `results` depends on the eval type). Everything
// is read defensively: `results` is an untyped record from Avido and any field may be missing or mistyped.
// The text is untrusted and not escaped; the renderers escape and shorten it.
/** Longest expected/got value quoted in an OUTPUT_MATCH explanation. */
const explain_MAX_QUOTED = 80;
const RECALL_METRICS = ['Faithfulness', 'AnswerRelevancy', 'ContextPrecision', 'ContextRelevancy'];
function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function explain_text(value) {
    return typeof value === 'string' ? value.trim() : '';
}
function explain_count(value) {
    return Array.isArray(value) ? value.length : 0;
}
function join(...parts) {
    return parts.filter(Boolean).join(' · ');
}
function errorText(results) {
    const error = explain_text(results.error);
    return error ? `Error: ${error}` : '';
}
function outputMatch(results) {
    const quote = (value) => {
        const s = explain_text(value);
        return s && s.length <= explain_MAX_QUOTED && !s.includes('\n') ? `"${s}"` : '';
    };
    const expected = quote(results.expected);
    const got = quote(results.got);
    const comparison = expected && got ? `expected ${expected}, got ${got}` : '';
    return join(explain_text(results.reason), comparison);
}
function recall(results) {
    const scores = [];
    const errors = [];
    for (const name of RECALL_METRICS) {
        const metric = record(results[name]);
        if (!metric)
            continue;
        const score = (0,format/* formatScore */.y)(typeof metric.score === 'number' ? metric.score : null);
        if (score)
            scores.push(`${name} ${score}`);
        const error = explain_text(metric.error);
        if (error)
            errors.push(`${name} error: ${error}`);
    }
    return join(...scores, ...errors);
}
function fact(results) {
    const score = (0,format/* formatScore */.y)(typeof results.score === 'number' ? results.score : null);
    const classification = record(results.classification);
    const counts = classification
        ? `${explain_count(classification.FN)} missed (FN), ${explain_count(classification.FP)} unsupported (FP)`
        : '';
    return join(score ? `F1 ${score}` : '', counts, errorText(results));
}
/** The eval's explanation for its type, or '' when the type or the shape is unknown. */
function explainEval(e) {
    const results = record(e.results);
    if (!results)
        return '';
    switch (e.definition?.type) {
        case 'NATURALNESS':
        case 'STYLE':
            return explain_text(results.analysis);
        case 'CUSTOM':
            return join(explain_text(record(results.metadata)?.rationale), errorText(results));
        case 'OUTPUT_MATCH':
            return outputMatch(results);
        case 'RECALL':
            return recall(results);
        case 'FACT':
            return fact(results);
        default:
            return '';
    }
}

;// CONCATENATED MODULE: ./src/judge/verdict.ts

function qualityReason(j) {
    const rate = `${(0,format/* formatRate */.CE)(j.passRate)}%`;
    const warning = `${(0,format/* formatThreshold */.B6)(j.thresholds.warning)}%`;
    const error = `${(0,format/* formatThreshold */.B6)(j.thresholds.error)}%`;
    switch (j.result) {
        case 'none':
            return 'No tests matched, and min-tests 0 allows an empty run.';
        case 'success':
            return `${rate} is above the warning threshold of ${warning}.`;
        case 'warning':
            return j.failsQuality
                ? `${rate} is at or below the warning threshold of ${warning}, and fail-on is ${j.failOn}.`
                : `${rate} is at or below the warning threshold of ${warning} but above the error threshold of ${error}; fail-on is ${j.failOn}.`;
        case 'error':
            return j.failsQuality
                ? `${rate} is at or below the error threshold of ${error}.`
                : `${rate} is at or below the error threshold of ${error}, but fail-on is ${j.failOn}.`;
    }
}
/** The gate fails on the judged quality (`failsQuality`) or on a timeout with `on-timeout: fail`. */
function verdictOf(judgement, timedOut) {
    const timeoutFails = timedOut !== undefined && timedOut.onTimeout !== 'judge';
    const gate = judgement.failsQuality || timeoutFails ? 'fail' : 'pass';
    let reason = qualityReason(judgement);
    if (timedOut) {
        const pending = `${(0,format/* plural */.LS)(timedOut.pendingTests, 'test')} still pending`;
        reason = timeoutFails
            ? `Timed out waiting for Avido with ${pending}. Settled tests: ${reason}`
            : `Timed out with ${pending}; judged the settled tests: ${reason}`;
    }
    return { result: judgement.result, gate, reason };
}

;// CONCATENATED MODULE: ./src/render/json-report.ts

function intervalOf(interval) {
    return {
        ...(interval.margin !== undefined ? { margin: interval.margin } : {}),
        ...(interval.low !== undefined ? { low: interval.low } : {}),
        ...(interval.high !== undefined ? { high: interval.high } : {})
    };
}
function changeOf(change) {
    if (!change)
        return {};
    return {
        baseline: {
            baselinePassRate: change.base.rate,
            change: change.change,
            ...(change.se > 0 ? { changeMargin: change.margin } : {}),
            significant: change.significant
        }
    };
}
const breakdown = (changes) => (b) => ({
    id: b.id,
    name: b.name,
    ...(b.type !== undefined ? { type: b.type } : {}),
    passed: b.passed,
    failed: b.failed,
    total: b.total,
    tests: b.tests,
    passRate: b.passRate,
    badge: b.badge,
    ...intervalOf(b.interval),
    ...changeOf(changes?.find(change => change.key === b.id))
});
function baselineOf(compared) {
    const { baseline, comparison: c } = compared;
    return {
        source: baseline.source,
        ...(baseline.sha ? { sha: baseline.sha } : {}),
        ...(baseline.runIds ? { runIds: baseline.runIds } : {}),
        measuredAt: baseline.measuredAt,
        scopeDiffers: compared.scopeDiffers,
        ...(c.baseRate !== undefined ? { passRate: c.baseRate } : {}),
        ...(c.change !== undefined ? { change: c.change } : {}),
        ...(c.margin !== undefined ? { changeMargin: c.margin } : {}),
        ...(c.low !== undefined ? { low: c.low } : {}),
        ...(c.high !== undefined ? { high: c.high } : {}),
        significant: c.significant,
        regressed: compared.regressed,
        ...(c.minimumDetectableDrop !== undefined ? { minimumDetectableDrop: c.minimumDetectableDrop } : {}),
        onlyInRun: c.onlyInHead,
        onlyInBaseline: c.onlyInBase
    };
}
function buildJsonReport(input) {
    const { judgement: j, scope } = input;
    const verdict = input.verdict ?? verdictOf(j, input.timedOut);
    const workflowRun = {
        ...(input.runId !== undefined ? { id: input.runId } : {}),
        ...(input.runAttempt !== undefined ? { attempt: input.runAttempt } : {}),
        ...(input.runUrl !== undefined ? { url: input.runUrl } : {})
    };
    return {
        schemaVersion: 2,
        generatedAt: input.generatedAt,
        ...(input.repository ? { repository: `${input.repository.owner}/${input.repository.name}` } : {}),
        ...(input.sha !== undefined ? { sha: input.sha } : {}),
        ...(input.prNumber !== undefined ? { pullRequest: input.prNumber } : {}),
        ...(Object.keys(workflowRun).length ? { workflowRun } : {}),
        dryRun: input.dryRun ?? false,
        scope: {
            windowStart: scope.windowStart,
            ...(scope.windowSource !== undefined ? { windowSource: scope.windowSource } : {}),
            runIds: [...scope.runIds],
            filters: {
                taskIds: [...scope.taskIds],
                evalDefinitionIds: [...scope.evalDefinitionIds],
                experimentVariantIds: [...scope.experimentVariantIds],
                runTypes: [...scope.runTypes]
            },
            ...(scope.minTests !== undefined ? { minTests: scope.minTests } : {})
        },
        thresholds: { warning: j.thresholds.warning, error: j.thresholds.error, failOn: j.failOn },
        verdict: {
            result: verdict.result,
            gate: verdict.gate,
            reason: verdict.reason,
            timedOut: input.timedOut !== undefined,
            ...(input.timedOut ? { pendingTests: input.timedOut.pendingTests } : {})
        },
        counts: {
            passRate: j.passRate,
            passed: j.passed,
            failed: j.failed,
            total: j.total,
            tests: j.tests,
            erroredTests: j.erroredTests,
            pendingTests: j.pendingTests,
            tasks: j.tasks.length,
            ...intervalOf(j.interval)
        },
        ...(input.issue ? { issue: { id: input.issue.id, status: input.issue.status } } : {}),
        ...(input.compared ? { baseline: baselineOf(input.compared) } : {}),
        tasks: j.tasks.map(breakdown(input.compared?.comparison.sharedTasks)),
        evalDefinitions: j.evalDefinitions.map(breakdown(input.compared?.evalDefinitions)),
        ...(j.worstTest ? { worstTestId: j.worstTest.id } : {}),
        tests: (input.tests ?? []).map(reportTest)
    };
}
/** One test as the report lists it. */
function reportTest(t) {
    return {
        id: t.id,
        taskId: t.taskId,
        taskTitle: t.taskTitle,
        runId: t.runId,
        status: t.status,
        createdAt: t.createdAt,
        passRate: t.passRate,
        badge: t.badge,
        errored: t.errored,
        pending: t.pending,
        passed: t.passed,
        total: t.total,
        evals: t.evals.map(e => ({
            id: e.id,
            definitionId: e.definitionId,
            name: e.name,
            type: e.type,
            status: e.status,
            score: e.score,
            passed: e.passed,
            explanation: e.explanation
        }))
    };
}

;// CONCATENATED MODULE: ./src/pipeline/json-writer.ts
/** A string that JSON writes with escapes: quotes, backslashes, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/;
const QUOTE = 0x22;
/**
 * Writes JSON exactly as `JSON.stringify(value, null, 2)` lays it out (toJSON, boxed primitives and the
 * fields it leaves out included; cycles are not looked for), into a buffer that is handed to `drain` whenever
 * it fills and on `flush`. Only the escaped strings and numbers become strings on the way:
 * a run of 100,000 tests written this way leaves no string of its JSON behind for the collector.
 */
class IndentedJsonWriter {
    drain;
    buffer;
    used = 0;
    indents = [''];
    /** For each depth, each key's line start: newline, indent, quoted key, colon. */
    keyLines = [];
    constructor(drain, size = 65_536) {
        this.drain = drain;
        this.buffer = Buffer.allocUnsafeSlow(size);
    }
    /** Writes text as it is. */
    raw(text) {
        if (!this.ensure(text.length * 3))
            return this.drain(Buffer.from(text));
        this.used += this.buffer.write(text, this.used, 'utf8');
    }
    /**
     * Writes `value` as it stands `depth` levels into the layout (its inner lines indented from there; its first
     * line is not indented, as it follows a key or an indent already written).
     */
    value(value, depth) {
        this.write(plainOf(value, ''), depth);
    }
    /** Drops what is written and not yet drained. */
    clear() {
        this.used = 0;
    }
    /** Hands everything written so far to `drain`. */
    flush() {
        if (this.used === 0)
            return;
        this.drain(this.buffer.subarray(0, this.used));
        this.used = 0;
    }
    write(plain, depth) {
        switch (typeof plain) {
            case 'string':
                return this.string(plain);
            case 'number':
                return this.raw(Number.isFinite(plain) ? String(plain) : 'null');
            case 'boolean':
                return this.raw(plain ? 'true' : 'false');
            case 'bigint':
                throw new TypeError('Do not know how to serialize a BigInt');
            case 'object':
                if (plain === null)
                    return this.raw('null');
                return Array.isArray(plain) ? this.array(plain, depth) : this.object(plain, depth);
            default:
                // undefined, functions and symbols: null in an array; `object` leaves such fields out.
                return this.raw('null');
        }
    }
    string(text) {
        if (NEEDS_ESCAPES.test(text))
            return this.raw(JSON.stringify(text));
        if (!this.ensure(text.length * 3 + 2))
            return this.drain(Buffer.from(`"${text}"`));
        this.buffer[this.used++] = QUOTE;
        this.used += this.buffer.write(text, this.used, 'utf8');
        this.buffer[this.used++] = QUOTE;
    }
    array(items, depth) {
        if (items.length === 0)
            return this.raw('[]');
        const inner = this.indent(depth + 1);
        for (let index = 0; index < items.length; index++) {
            this.raw(index === 0 ? `[\n${inner}` : `,\n${inner}`);
            this.write(plainOf(items[index], index), depth + 1);
        }
        this.raw(`\n${this.indent(depth)}]`);
    }
    object(record, depth) {
        let written = 0;
        for (const key in record) {
            if (!Object.hasOwn(record, key))
                continue;
            const field = plainOf(record[key], key);
            if (field === undefined || typeof field === 'function' || typeof field === 'symbol')
                continue;
            this.raw(written++ === 0 ? '{' : ',');
            this.raw(this.keyLine(key, depth + 1));
            this.write(field, depth + 1);
        }
        this.raw(written === 0 ? '{}' : `\n${this.indent(depth)}}`);
    }
    keyLine(key, depth) {
        const lines = (this.keyLines[depth] ??= new Map());
        let line = lines.get(key);
        if (line === undefined)
            lines.set(key, (line = `\n${this.indent(depth)}${JSON.stringify(key)}: `));
        return line;
    }
    indent(depth) {
        return (this.indents[depth] ??= '  '.repeat(depth));
    }
    /** Makes room for `bytes` more, draining what is written when needed; false when they can never fit. */
    ensure(bytes) {
        if (this.used + bytes <= this.buffer.length)
            return true;
        this.flush();
        return bytes <= this.buffer.length;
    }
}
/** What JSON.stringify writes for `value` under `key`: what its toJSON gives, a boxed primitive unboxed. */
function plainOf(value, key) {
    let plain = value;
    if (typeof plain?.toJSON === 'function') {
        plain = plain.toJSON(String(key));
    }
    if (plain instanceof Number || plain instanceof String || plain instanceof Boolean)
        return plain.valueOf();
    return plain;
}

;// CONCATENATED MODULE: ./src/pipeline/test-spool.ts




/** Writes `value` as item `index` of the report's `tests` array: two-space indented, four spaces in. */
function writeTestsItem(writer, value, index) {
    writer.raw(index === 0 ? '    ' : ',\n    ');
    writer.value(value, 2);
}
function memorySpool() {
    let tests = [];
    return {
        restart: () => void (tests = []),
        add: test => void tests.push(test),
        close: () => ({ count: tests.length, tests }),
        discard: () => void (tests = [])
    };
}
/**
 * A spool in the file `path`. Each test's JSON is laid out straight into a buffer that is written out as it
 * fills (synchronously, since tests are added from inside a page's handling), so no string of it is left for
 * the collector. A spool that cannot write stops trying and reports it when the report is written (the
 * gate's verdict does not depend on the report file).
 */
function fileSpool(path) {
    let fd;
    let count = 0;
    let fault;
    const writer = new IndentedJsonWriter(bytes => {
        if (fault !== undefined || fd === undefined)
            return;
        try {
            (0,external_node_fs_.writeSync)(fd, bytes);
        }
        catch (error) {
            fault = error;
        }
    });
    const closeFile = () => {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
        fd = undefined;
    };
    const open = () => {
        try {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
            fd = (0,external_node_fs_.openSync)(path, 'w');
        }
        catch (error) {
            fault = error;
        }
    };
    return {
        restart: () => {
            writer.clear();
            closeFile();
            count = 0;
            fault = undefined;
            open();
        },
        add: test => {
            if (fd === undefined && fault === undefined)
                open();
            writeTestsItem(writer, reportTest(test), count++);
        },
        close: () => {
            writer.flush();
            closeFile();
            return { count, file: path, ...(fault !== undefined ? { fault } : {}) };
        },
        discard: () => {
            writer.clear();
            closeFile();
            (0,external_node_fs_.rmSync)(path, { force: true });
        }
    };
}

;// CONCATENATED MODULE: ./src/judge/scope.ts
/** Clock skew allowed between the runner and Avido when the window starts at our own trigger. */
const TRIGGER_SKEW_MS = 5_000;
/** Window used when the workflow run's creation time cannot be read. */
const FALLBACK_WINDOW_MS = 60 * 60 * 1000;
/** The time window: `since`, else the trigger time minus skew, else the workflow run's created_at, else start − 1 h. */
function resolveWindow(inputs) {
    if (inputs.since)
        return { start: inputs.since, source: 'since' };
    if (inputs.triggeredAt !== undefined) {
        return { start: new Date(inputs.triggeredAt - TRIGGER_SKEW_MS).toISOString(), source: 'trigger' };
    }
    if (inputs.workflowRunCreatedAt) {
        return { start: new Date(inputs.workflowRunCreatedAt).toISOString(), source: 'workflow-run' };
    }
    return { start: new Date(inputs.startedAt - FALLBACK_WINDOW_MS).toISOString(), source: 'fallback' };
}
function buildScope(config, window) {
    const filters = { startDate: window.start, orderBy: 'createdAt', orderDir: 'asc' };
    if (config.taskIds.length)
        filters.taskId = config.taskIds;
    if (config.evalDefinitionIds.length)
        filters.evalDefinitionId = config.evalDefinitionIds;
    if (config.experimentVariantIds.length)
        filters.experimentVariantId = config.experimentVariantIds;
    if (config.runTypes.length)
        filters.runType = config.runTypes;
    return { filters, runIds: new Set(config.runIds), windowStart: window.start, windowSource: window.source };
}
/** The client-side half of the scope: run ids, and the window again in case a server ignores startDate. */
function inScope(test, scope) {
    if (scope.runIds.size > 0 && !scope.runIds.has(test.runId))
        return false;
    return Date.parse(test.createdAt) >= Date.parse(scope.windowStart);
}

;// CONCATENATED MODULE: ./src/pipeline/wait.ts



/** A sink that keeps every test: for small runs and tests. */
function arraySink() {
    const tests = [];
    let pending = 0;
    return {
        tests,
        add: test => {
            tests.push(test);
            if (test.pending)
                pending++;
        },
        get count() {
            return tests.length;
        },
        get pending() {
            return pending;
        }
    };
}
const UNSETTLED = ['PENDING', 'IN_PROGRESS'];
/**
 * Polls until at least `minTests` tests match and none is pending. Without run ids a poll is two
 * count requests (`limit=1`), whatever the number of tests; the pages are read once, when the counts say
 * the run has settled.
 */
async function waitForRun(reader, params) {
    const { scope } = params;
    const readAll = (expectedTotal) => readScope(reader, scope, params.judge, params.newSink(), expectedTotal);
    const measure = async () => {
        if (scope.runIds.size > 0) {
            const tests = await readAll();
            return { matched: tests.count, unsettled: tests.pending, tests };
        }
        const [matched, unsettled] = await Promise.all([
            reader.countTests(scope.filters),
            reader.countTests({ ...scope.filters, status: UNSETTLED })
        ]);
        return { matched, unsettled };
    };
    let polls = 0;
    let lastTests;
    let lastError;
    for (;;) {
        polls++;
        let measurement;
        const timeLeft = params.deadline - params.now();
        lastError = undefined;
        try {
            measurement = await measure();
        }
        catch (error) {
            if (!isDeadline(error) && !isTransient(error))
                throw error;
            // A poll begun moments before the deadline says nothing about Avido; one that had time to be answered does.
            lastError = isDeadline(error) && timeLeft < params.pollIntervalMs ? undefined : error;
            if (isDeadline(error))
                break;
            await params.onPoll?.({ poll: polls, matched: 0, settled: 0, pending: 0, fault: describe(error) });
        }
        if (measurement) {
            const { matched, unsettled } = measurement;
            await params.onPoll?.({ poll: polls, matched, settled: matched - unsettled, pending: unsettled });
            lastTests = measurement.tests;
            if (matched >= params.minTests && unsettled === 0) {
                const whileReading = params.whileReading ?? (read => read());
                const tests = measurement.tests ?? (await whileReading(() => readAll(matched)));
                // A test created between the counts and the read is still running: keep waiting for it.
                if (tests.count >= params.minTests && tests.pending === 0) {
                    return { outcome: 'settled', tests, polls };
                }
                lastTests = tests;
            }
        }
        const remaining = params.deadline - params.now();
        if (remaining <= 0)
            break;
        await params.sleep(Math.min(params.pollIntervalMs, remaining));
        // A poll at the deadline could not be sent; it would only hide how the last one went.
        if (params.now() >= params.deadline)
            break;
    }
    return {
        outcome: 'timeout',
        tests: lastTests ?? params.newSink(),
        polls,
        ...(lastError ? { lastError } : {})
    };
}
/**
 * Every test in scope, judged page by page. After a timeout the caller reads what there is this way, to
 * judge it or to list what is still pending.
 */
async function readScope(reader, scope, judge, sink, expectedTotal) {
    const select = (test) => (inScope(test, scope) ? judge(test) : undefined);
    await reader.forEachTest(scope.filters, select, test => sink.add(test), { expectedTotal });
    return sink;
}
function isDeadline(error) {
    return error instanceof errors/* AvidoApiError */.ss && error.kind === 'deadline';
}
function isTransient(error) {
    if (!(error instanceof errors/* AvidoApiError */.ss))
        return false;
    if (error.kind === 'network' || error.kind === 'timeout')
        return true;
    return error.kind === 'http' && error.status !== undefined && isRetryableStatus(error.status);
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/pipeline/waiting.ts





/** Time allowed after the wait for reading every page and filing the issue (at most `timeout` as well). */
const AFTER_WAIT_BUDGET_MS = 120_000;
function thresholdsOf(config) {
    return { warning: config.warningThreshold, error: config.errorThreshold };
}
/**
 * Step 3: poll until `waitDeadline` (the gate's start plus `timeout`) the run settles or the time is up, one log line per poll and the status check's
 * progress now and then, then read every test in scope, each judged as its page arrives.
 */
async function waitForTests(deps, scope, check, waitDeadline) {
    const thresholds = thresholdsOf(deps.config);
    const judge = test => judgeTest(test, thresholds, explainEval);
    const spool = deps.spoolTests?.() ?? memorySpool();
    // Each reading starts over; only the last one is judged and reported.
    const newSink = () => {
        spool.restart();
        const summary = new RunSummary();
        return {
            summary,
            add: test => {
                summary.add(test);
                spool.add(test);
            },
            get count() {
                return summary.count;
            },
            get pending() {
                return summary.pending;
            }
        };
    };
    try {
        const waited = await waitAndRead(deps, scope, check, waitDeadline, judge, newSink);
        return { ...waited, tests: spool.close() };
    }
    catch (error) {
        spool.discard();
        throw error;
    }
}
async function waitAndRead(deps, scope, check, waitDeadline, judge, newSink) {
    const { config, log, avido } = deps;
    const waitStarted = deps.now();
    const afterWaitBudget = Math.min(AFTER_WAIT_BUDGET_MS, config.timeoutMs);
    deps.setDeadline(waitDeadline);
    const onPoll = async (progress) => {
        log.info(progressLine(progress, config.minTests, deps.now() - waitStarted));
        // A poll that finds the run settled is followed by the final status at once.
        const settled = progress.matched >= config.minTests && progress.pending === 0;
        if (progress.fault === undefined && !settled)
            await check.progress(progress.settled, progress.matched);
    };
    const result = await waitForRun(avido, {
        scope,
        judge,
        newSink,
        minTests: config.minTests,
        pollIntervalMs: config.pollIntervalMs,
        deadline: waitDeadline,
        now: deps.now,
        sleep: deps.sleep,
        onPoll,
        // Reading the pages of a run that settled just before the timeout must not fail for lack of time.
        whileReading: async (read) => {
            deps.setDeadline(deps.now() + afterWaitBudget);
            try {
                return await read();
            }
            finally {
                deps.setDeadline(waitDeadline);
            }
        }
    });
    deps.setDeadline(deps.now() + afterWaitBudget);
    if (result.outcome === 'settled') {
        log.info(`Settled after ${result.polls} poll(s): ${result.tests.count} test(s).`);
        return { summary: result.tests.summary, timedOut: false };
    }
    // Avido did not answer the last poll: reading the tests now would only wait as long again.
    if (result.lastError !== undefined)
        throw result.lastError;
    const tests = await readScope(avido, scope, judge, newSink());
    log.info(`Timed out after ${result.polls} poll(s) with ${tests.pending} test(s) pending.`);
    return { summary: tests.summary, timedOut: true };
}
function progressLine(progress, minTests, elapsedMs) {
    const elapsed = `${Math.round(elapsedMs / 1000)}s`;
    if (progress.fault)
        return `Poll ${progress.poll} (${elapsed}): Avido did not answer, trying again. ${progress.fault}`;
    if (progress.matched === 0) {
        return `Poll ${progress.poll} (${elapsed}): no matching tests yet (waiting for at least ${minTests}).`;
    }
    return `Poll ${progress.poll} (${elapsed}): ${progress.settled}/${progress.matched} settled, ${progress.pending} pending.`;
}

;// CONCATENATED MODULE: ./src/pipeline/baseline.ts







/** First-parent ancestors of the base commit tried for a record, the base itself included. */
const MAX_BASE_COMMITS = 20;
/** The filters this run is measured with, as a record stores them. */
function measuredScope(config) {
    return {
        taskIds: config.taskIds,
        evalDefinitionIds: config.evalDefinitionIds,
        experimentVariantIds: config.experimentVariantIds,
        runTypes: config.runTypes
    };
}
/**
 * The baseline the run is compared with (`baseline` input): the record on the base commit or its nearest
 * first-parent ancestor, else Avido's latest scheduled runs of the same tasks. Looked up while the run is
 * waited for. It never throws: a baseline that cannot be read is a problem to warn about, and the run is
 * judged alone.
 */
async function findBaseline(deps, scope) {
    const { config } = deps;
    if (config.baseline === 'none')
        return {};
    try {
        if (config.baseline !== 'scheduled') {
            const recorded = await recordOnBaseCommit(deps);
            if (recorded || config.baseline === 'base-commit')
                return { baseline: recorded };
        }
        return { baseline: await scheduledBaseline(deps, scope) };
    }
    catch (error) {
        return {
            problem: `Could not read the baseline to compare with (${(0,pipeline_outcome/* describeFault */.Q)(error)}); the run is judged without one.`
        };
    }
}
async function recordOnBaseCommit(deps) {
    const { github, context, config, log } = deps;
    if (!github)
        return undefined;
    if (!context.baseSha) {
        log.info(`No base commit for this ${context.eventName} event to compare with.`);
        return undefined;
    }
    const recordOn = async (sha) => {
        for (const run of await github.checkRunsOn(sha, config.statusContext)) {
            if (run.status !== 'completed')
                continue;
            const record = decodeRecord(run.output.text, config.commentKey);
            if (record)
                return baselineFromRecord({ ...record, sha });
        }
        return undefined;
    };
    const onBase = await recordOn(context.baseSha);
    if (onBase)
        return found(deps, onBase, 'the base commit');
    const history = await github.history(context.baseSha, MAX_BASE_COMMITS);
    for (const [back, commit] of history.slice(1, MAX_BASE_COMMITS).entries()) {
        const record = await recordOn(commit.sha);
        if (record)
            return found(deps, record, `${back + 1} commit(s) before the base commit`);
    }
    log.info(`No recorded result of this gate on the base commit ${(0,format/* shortSha */.Fu)(context.baseSha)} or the ${MAX_BASE_COMMITS - 1} commits before it.`);
    return undefined;
}
function found(deps, baseline, where) {
    deps.log.info(`Baseline: the gate's record on ${(0,format/* shortSha */.Fu)(baseline.sha ?? '')} (${where}), measured ${(0,format/* formatTimestamp */.Ey)(baseline.measuredAt) || baseline.measuredAt}.`);
    return baseline;
}
/** The settled tests of the newest scheduled or monitoring run of each task, before the window opened. */
async function scheduledBaseline(deps, scope) {
    const { config, log, avido } = deps;
    const end = Date.parse(scope.windowStart);
    const start = new Date(end - config.baselineMaxAgeMs).toISOString();
    const thresholds = thresholdsOf(config);
    const select = (test) => {
        if (test.status !== 'COMPLETED' && test.status !== 'FAILED')
            return undefined;
        if (Date.parse(test.createdAt) >= end)
            return undefined;
        const judged = judgeTest(test, thresholds);
        // Only what the sums need is kept: a week of monitoring can be many tests.
        const { id, taskId, runId, createdAt, passed, total } = judged;
        return { id, taskId, runId, createdAt, passed, total, definitions: countsByDefinition(judged) };
    };
    const tests = await avido.readTests({
        ...scope.filters,
        runType: ['SCHEDULED', 'MONITORING'],
        startDate: start,
        endDate: scope.windowStart
    }, select);
    // Per task, the newest run that ran it.
    const newestRun = new Map();
    for (const test of tests) {
        const newest = newestRun.get(test.taskId);
        if (!newest || test.createdAt > newest.at)
            newestRun.set(test.taskId, { runId: test.runId, at: test.createdAt });
    }
    const tasks = new Map();
    const evalDefinitions = new Map();
    let overall = emptySums();
    let measuredAt = '';
    const runIds = new Set();
    for (const test of tests) {
        if (newestRun.get(test.taskId)?.runId !== test.runId || test.total === 0)
            continue;
        runIds.add(test.runId);
        if (test.createdAt > measuredAt)
            measuredAt = test.createdAt;
        overall = addTest(overall, test.passed, test.total);
        tasks.set(test.taskId, addTest(tasks.get(test.taskId) ?? emptySums(), test.passed, test.total));
        for (const d of test.definitions) {
            evalDefinitions.set(d.id, addTest(evalDefinitions.get(d.id) ?? emptySums(), d.passed, d.total));
        }
    }
    if (tasks.size === 0) {
        log.info('No settled scheduled or monitoring run of these tasks to compare with.');
        return undefined;
    }
    log.info(`Baseline: ${runIds.size} scheduled Avido run(s) of ${tasks.size} task(s), the newest from ${(0,format/* formatTimestamp */.Ey)(measuredAt) || measuredAt}.`);
    return { source: 'scheduled', measuredAt, runIds: [...runIds].sort(), overall, tasks, evalDefinitions };
}

;// CONCATENATED MODULE: ./src/render/comment-policy.ts

/**
 * What the `comment` input does to the sticky comment. An existing comment is brought up to date in every mode but `off` (and, under
 * `changes`, whenever what it shows would change), so a stale red comment never stays on a fixed PR.
 */
function commentAction(situation) {
    const { mode, existing } = situation;
    if (mode === 'off')
        return 'skip';
    if (existing) {
        if (mode === 'changes' && !changedSince(situation))
            return 'skip';
        return 'update';
    }
    if (mode === 'failure') {
        const bad = situation.result === 'warning' || situation.result === 'error' || situation.timedOut;
        return bad ? 'create' : 'skip';
    }
    return 'create';
}
function changedSince({ previous, result, passRate }) {
    if (!previous || previous.lastResult === undefined || previous.lastPassRate === undefined)
        return true;
    return previous.lastResult !== result || (0,format/* formatRate */.CE)(previous.lastPassRate) !== (0,format/* formatRate */.CE)(passRate);
}

;// CONCATENATED MODULE: ./src/pipeline/delivery.ts

/** Step 7: the sticky comment and the final status check. A GitHub failure is a warning, never the verdict. */
async function deliver(deps, rendered, judged, pr, check) {
    // Side by side, so a comment request that hangs through the time left cannot leave the check pending.
    const [comment] = await Promise.all([writeComment(deps, rendered, judged, pr), check.close(rendered.check)]);
    return { comment };
}
async function writeComment(deps, rendered, judged, pr) {
    const { config, github, log } = deps;
    if (config.dryRun) {
        log.info('Dry run: no comment or status check written.');
        return pr.comment;
    }
    if (pr.number === undefined) {
        log.info('No pull request for this event: the report is in the job summary.');
        return undefined;
    }
    if (!github)
        return pr.comment;
    const action = commentAction({
        mode: config.comment,
        result: judged.judgement.result,
        passRate: judged.judgement.passRate,
        timedOut: judged.timedOut !== undefined,
        existing: pr.comment !== undefined,
        previous: pr.previous
    });
    if (action === 'skip') {
        log.info(`Comment: left as it is (comment: ${config.comment}).`);
        return pr.comment;
    }
    if (pr.commentsUnreadable) {
        log.info("Comment: not written, as the pull request's comments could not be read to find the gate's.");
        return undefined;
    }
    const written = await github.upsertComment(pr.number, rendered.comment(), pr.comment);
    if (!written)
        return pr.comment;
    log.info(`Comment ${written.created ? 'posted' : 'updated'}: ${written.url}`);
    return written;
}

;// CONCATENATED MODULE: ./src/avido/find-open-issue.ts


/** Pages of open issues searched at most: a bound, so a huge inbox cannot stall the caller. */
const MAX_ISSUE_SEARCH_PAGES = 50;
/**
 * The newest OPEN issue that `matches`, read 100 at a time, newest first (an issue filed meanwhile pushes
 * the others to later pages, so none is skipped). Paging goes on while pages come back full: a missing or
 * wrong total never stops it early, though a stated total that the pages have reached does. A page holding
 * only issues already seen (a server repeating itself) ends the search, as does `maxPages`.
 */
async function findOpenIssue(client, { matches, source = 'TEST', maxPages = MAX_ISSUE_SEARCH_PAGES }) {
    const seen = new Set();
    for (let page = 0; page < maxPages; page++) {
        const skip = page * MAX_PAGE_LIMIT;
        const { data, pagination } = await client.listIssues({
            status: 'OPEN',
            source,
            orderBy: 'createdAt',
            orderDir: 'desc',
            skip,
            limit: MAX_PAGE_LIMIT
        });
        const found = data.find(issue => issue.status === 'OPEN' && matches(issue));
        if (found)
            return found;
        const fresh = data.filter(issue => !seen.has(issue.id));
        for (const issue of fresh)
            seen.add(issue.id);
        if (data.length < MAX_PAGE_LIMIT || fresh.length === 0)
            return undefined;
        const total = statedTotal(pagination);
        if (total !== undefined && skip + data.length >= total)
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/render/issue-text.ts


const MAX_LISTED_TASKS = 20;
const MAX_LISTED_EVALS = 30;
const MAX_TEXT = 300;
/** The line that identifies a gate's issue across re-runs: `test-gate-key: acme/bot#pr-7`. */
function issueKey(subject) {
    const where = subject.prNumber !== undefined ? `pr-${subject.prNumber}` : `run-${subject.runId ?? subject.sha}`;
    return `${subject.owner}/${subject.repo}#${where}`;
}
function issueKeyLine(key) {
    return `test-gate-key: ${key}`;
}
function hasIssueKey(description, key) {
    if (!description)
        return false;
    const line = issueKeyLine(key);
    return description.split(/\r?\n/).some(candidate => candidate.trim() === line);
}
function issueTitle(judgement, subject) {
    const where = subject.prNumber !== undefined
        ? `PR #${subject.prNumber}`
        : subject.runId !== undefined
            ? `run ${subject.runId}`
            : `commit ${subject.sha.slice(0, 7)}`;
    return `Test gate: ${(0,format/* formatRate */.CE)(judgement.passRate)}% pass rate on ${subject.owner}/${subject.repo} ${where}`;
}
/** Markdown for the Avido inbox: the summary, what failed, where it came from, and the key line. */
function issueDescription(judgement, subject, links) {
    const key = issueKey(subject);
    const lines = [
        `The Avido test gate measured a pass rate of **${(0,format/* formatRate */.CE)(judgement.passRate)}%** ` +
            `(${judgement.passed}/${judgement.total} evals passed over ${judgement.tests} tests), ` +
            `at or below the error threshold of ${judgement.thresholds.error}%.`,
        ''
    ];
    if (judgement.erroredTests > 0)
        lines.push(`${judgement.erroredTests} test(s) errored and count as failed.`, '');
    const failingTasks = judgement.tasks.filter(task => task.badge !== 'success');
    if (failingTasks.length) {
        lines.push('## Tasks below target', '');
        for (const task of failingTasks.slice(0, MAX_LISTED_TASKS)) {
            lines.push(`- ${(0,shared_text/* oneLine */.TN)(task.name, MAX_TEXT)}: ${(0,format/* formatRate */.CE)(task.passRate)}% (${task.passed}/${task.total} evals)`);
        }
        if (failingTasks.length > MAX_LISTED_TASKS)
            lines.push(`- … and ${failingTasks.length - MAX_LISTED_TASKS} more`);
        lines.push('');
    }
    const { failingEvals, failingEvalCount } = judgement.digest;
    if (failingEvalCount) {
        lines.push('## Failing evals', '');
        for (const outcome of failingEvals.slice(0, MAX_LISTED_EVALS)) {
            const score = outcome.score === null ? '' : ` score ${outcome.score}`;
            const why = outcome.explanation ? `: ${(0,shared_text/* oneLine */.TN)(outcome.explanation, MAX_TEXT)}` : '';
            lines.push(`- ${(0,shared_text/* oneLine */.TN)(outcome.taskTitle, MAX_TEXT)} · ${(0,shared_text/* oneLine */.TN)(outcome.name, MAX_TEXT)} (${outcome.type}${score})${why}`);
        }
        if (failingEvalCount > MAX_LISTED_EVALS)
            lines.push(`- … and ${failingEvalCount - MAX_LISTED_EVALS} more`);
        lines.push('');
    }
    lines.push('## Where', '');
    if (links.prUrl)
        lines.push(`- Pull request: ${links.prUrl}`);
    lines.push(`- Commit: ${links.commitUrl}`);
    if (links.runUrl)
        lines.push(`- Workflow run: ${links.runUrl}`);
    lines.push('', issueKeyLine(key));
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/render/search.ts
/**
 * The largest n in [0, max] for which `fits(n)` holds, for a `fits` that is true up to some n and false
 * after it (a longer text as n grows); -1 when even 0 does not fit. log2(max) calls.
 */
function largestFitting(max, fits) {
    if (!fits(0))
        return -1;
    let low = 0;
    let high = max;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(mid))
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}

;// CONCATENATED MODULE: ./src/render/hidden-data.ts

const MAX_HISTORY = 20;
/** Upper bound of the encoded data block, so it always fits in a comment next to the report. */
const MAX_ENCODED_LENGTH = 20_000;
const MAX_DECODED_INPUT = 4 * MAX_ENCODED_LENGTH;
const hidden_data_MAX_KEY = 1_000;
const hidden_data_MAX_ID = 200;
const PREFIX = 'avido-test-gate';
const DATA_OPEN = `<!-- ${PREFIX}:data `;
const DATA_BLOCK = /^<!-- avido-test-gate:data ([A-Za-z0-9+/=]*) -->/;
const BADGES = ['success', 'warning', 'error'];
const RESULTS = [...BADGES, 'none'];
/**
 * The hidden marker that identifies the sticky comment for `key`. The key is URL-encoded, `-` included, so
 * nothing in it can end the HTML comment early or form a `--` (which CommonMark 0.29 does not allow there).
 */
function commentMarker(key) {
    return `<!-- ${PREFIX}:marker key=${encodeURIComponent(key).replace(/-/g, '%2D')} -->`;
}
/** The data block, `<!-- avido-test-gate:data <base64 JSON> -->`, at most MAX_ENCODED_LENGTH characters. */
function encodeHiddenData(data) {
    const clean = sanitize(data) ?? { v: 1, key: '', history: [] };
    const block = (d) => `${DATA_OPEN}${Buffer.from(JSON.stringify(d), 'utf8').toString('base64')} -->`;
    const encoded = block(clean);
    if (encoded.length <= MAX_ENCODED_LENGTH)
        return encoded;
    // Too many tasks: keep the badges that fit, the not-success ones first (their changes matter most).
    const badges = Object.entries(clean.taskBadges ?? {}).sort(([a, x], [b, y]) => Number(x === 'success') - Number(y === 'success') || (a < b ? -1 : a > b ? 1 : 0));
    const withBadges = (n) => block({ ...clean, taskBadges: Object.fromEntries(badges.slice(0, n)) });
    const kept = largestFitting(badges.length, n => withBadges(n).length <= MAX_ENCODED_LENGTH);
    if (kept >= 0)
        return withBadges(kept);
    return block({ ...clean, taskBadges: undefined, history: clean.history.slice(-5) });
}
/**
 * The hidden data in a comment body, or undefined when there is none or it is not ours / not valid.
 * With `key`, data written for another key is ignored.
 */
function decodeHiddenData(body, key) {
    if (typeof body !== 'string')
        return undefined;
    const start = body.lastIndexOf(DATA_OPEN);
    if (start < 0)
        return undefined;
    // Look no further than the largest block we would accept.
    const match = DATA_BLOCK.exec(body.slice(start, start + DATA_OPEN.length + MAX_DECODED_INPUT + 4));
    if (!match)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
    }
    catch {
        return undefined;
    }
    const data = sanitize(parsed);
    if (!data || (key !== undefined && data.key !== key))
        return undefined;
    return data;
}
/** The state to embed after this run: the previous history plus this run (a re-run replaces its entry). */
function nextHiddenData(previous, judgement, run) {
    const entry = {
        sha: run.sha,
        ...(run.runId !== undefined ? { runId: run.runId } : {}),
        ...(run.attempt !== undefined ? { attempt: run.attempt } : {}),
        passRate: judgement.passRate,
        result: judgement.result,
        at: run.at
    };
    const earlier = (previous?.key === run.key ? previous.history : []).filter(h => !(h.sha === entry.sha && h.runId === entry.runId));
    const taskBadges = Object.create(null);
    for (const task of judgement.tasks)
        taskBadges[task.id] = task.badge;
    const issueId = run.issueId ?? (previous?.key === run.key ? previous.issueId : undefined);
    return {
        v: 1,
        key: run.key,
        ...(issueId ? { issueId } : {}),
        lastPassRate: judgement.passRate,
        lastResult: judgement.result,
        taskBadges,
        history: [...earlier, entry].slice(-MAX_HISTORY)
    };
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function shortString(value, max) {
    return typeof value === 'string' && value.length <= max ? value : undefined;
}
function rate(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined;
}
function positiveInt(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
function historyEntry(value) {
    if (!isRecord(value))
        return undefined;
    const sha = shortString(value.sha, 64);
    const passRate = rate(value.passRate);
    const result = typeof value.result === 'string' && RESULTS.includes(value.result) ? value.result : undefined;
    const at = shortString(value.at, 40);
    if (sha === undefined || passRate === undefined || result === undefined || at === undefined)
        return undefined;
    const runId = positiveInt(value.runId);
    const attempt = positiveInt(value.attempt);
    return {
        sha,
        ...(runId !== undefined ? { runId } : {}),
        ...(attempt !== undefined ? { attempt } : {}),
        passRate,
        result: result,
        at
    };
}
/** A checked copy with only known, well-typed fields; undefined when `v` or `key` is wrong. */
function sanitize(value) {
    if (!isRecord(value) || value.v !== 1)
        return undefined;
    const key = shortString(value.key, hidden_data_MAX_KEY);
    if (key === undefined)
        return undefined;
    const data = { v: 1, key, history: [] };
    const issueId = shortString(value.issueId, hidden_data_MAX_ID);
    if (issueId)
        data.issueId = issueId;
    const lastPassRate = rate(value.lastPassRate);
    if (lastPassRate !== undefined)
        data.lastPassRate = lastPassRate;
    if (typeof value.lastResult === 'string' && RESULTS.includes(value.lastResult)) {
        data.lastResult = value.lastResult;
    }
    if (isRecord(value.taskBadges)) {
        // A prototype-less map: task ids such as `__proto__` or `toString` are plain keys here.
        const badges = Object.create(null);
        for (const [id, badge] of Object.entries(value.taskBadges)) {
            if (id.length <= hidden_data_MAX_ID && typeof badge === 'string' && BADGES.includes(badge))
                badges[id] = badge;
        }
        data.taskBadges = badges;
    }
    if (Array.isArray(value.history)) {
        data.history = value.history
            .slice(-MAX_HISTORY)
            .map(historyEntry)
            .filter((h) => h !== undefined);
    }
    return data;
}

;// CONCATENATED MODULE: ./src/pipeline/pull-request.ts

/** The pull request's page on GitHub, when the run has one. */
function pullRequestUrl(context, pr) {
    return pr.number === undefined
        ? undefined
        : `${context.serverUrl}/${context.owner}/${context.repo}/pull/${pr.number}`;
}
/** Step 1: the pull request this run reports on, and the gate's own comment on it. */
async function findPullRequest(deps) {
    const { github, log, context, config } = deps;
    const number = await github?.pullRequestNumber();
    if (number === undefined) {
        log.info(`No pull request for this ${context.eventName} event.`);
        return {};
    }
    log.info(`Pull request #${number}.`);
    if (!github || config.comment === 'off')
        return { number };
    const found = await github.findComment(number, commentMarker(config.commentKey));
    if (!found)
        return { number, commentsUnreadable: true };
    const { comment } = found;
    if (!comment)
        return { number };
    log.debug(`Found the gate's comment ${comment.id} on pull request #${number}.`);
    return { number, comment, previous: decodeHiddenData(comment.body, config.commentKey) };
}

;// CONCATENATED MODULE: ./src/pipeline/issue.ts





function needsIssue(judgement) {
    return judgement.result !== 'none' && judgement.passRate <= judgement.thresholds.error;
}
/**
 * Finds an OPEN issue carrying this gate's key (or the one the sticky comment remembers) before
 * filing, so that a re-run never files twice. A create that fails ambiguously (the request may have
 * landed) is followed by a second search rather than a second create.
 */
async function fileOrFindIssue(api, request) {
    const key = issueKey(request.subject);
    const existing = await findGateIssue(api, key, request.rememberedId);
    if (existing)
        return { status: 'existing', id: existing.id, key };
    if (request.dryRun)
        return { status: 'dry-run', key };
    const body = {
        title: issueTitle(request.judgement, request.subject),
        source: 'TEST',
        priority: request.priority,
        type: 'BUG',
        description: issueDescription(request.judgement, request.subject, request.links)
    };
    const worst = request.judgement.worstTest;
    if (worst) {
        body.testId = worst.id;
        body.taskId = worst.taskId;
    }
    try {
        const created = await api.createIssue(body);
        return { status: 'filed', id: created.id, key };
    }
    catch (error) {
        if (!mayHaveLanded(error))
            throw error;
        // When the search fails as well, the create's own failure is the one to report.
        const landed = await findGateIssue(api, key, undefined).catch(() => undefined);
        if (landed)
            return { status: 'filed', id: landed.id, key };
        throw error;
    }
}
function findGateIssue(api, key, rememberedId) {
    return findOpenIssue(api, {
        matches: issue => issue.id === rememberedId || hasIssueKey(issue.description, key)
    });
}
/** Only a 4xx answer proves the issue was not created; anything else may have landed on Avido's side. */
function mayHaveLanded(error) {
    if (!(error instanceof errors/* AvidoApiError */.ss))
        return false;
    return !(error.kind === 'http' && error.status !== undefined && error.status < 500);
}
/**
 * Step 5: when the run fell to the error level, file an Avido issue unless one is open for this gate. A
 * failure here is reported on its own line and costs nothing else: the verdict, the comment, the summary,
 * the status and the outputs all stand, with `issue-id` empty.
 */
async function reportIssue(deps, judged, pr) {
    const { config, context, log } = deps;
    const { judgement, timedOut } = judged;
    if (!config.createIssue || !needsIssue(judgement))
        return undefined;
    if (timedOut && config.onTimeout === 'fail')
        return undefined;
    const prUrl = pullRequestUrl(context, pr);
    try {
        const outcome = await fileOrFindIssue(deps.avido, {
            judgement,
            subject: {
                owner: context.owner,
                repo: context.repo,
                prNumber: pr.number,
                runId: context.runId,
                sha: context.sha
            },
            links: { prUrl, commitUrl: context.commitUrl, runUrl: context.runUrl },
            priority: config.issuePriority,
            rememberedId: pr.previous?.issueId,
            dryRun: config.dryRun
        });
        if (outcome.status === 'filed')
            log.info(`Filed Avido issue ${outcome.id} (${outcome.key}).`);
        if (outcome.status === 'existing')
            log.info(`Avido issue ${outcome.id} is already open for ${outcome.key}.`);
        if (outcome.status === 'dry-run')
            log.info(`Dry run: would file an Avido issue for ${outcome.key}.`);
        return { id: outcome.status === 'dry-run' ? '' : outcome.id, status: outcome.status };
    }
    catch (error) {
        log.warning(`Could not file the Avido issue for this run: ${sentence((0,pipeline_outcome/* describeFault */.Q)(error))} The verdict and the report stand.`, 'Avido test gate: issue');
        return undefined;
    }
}
/** A fault's one line, ending as a sentence so that the next one reads apart from it. */
function sentence(line) {
    return /[.!?]$/.test(line) ? line : `${line}.`;
}

;// CONCATENATED MODULE: ./src/judge/baseline.ts


function sumsByKey(rows) {
    return new Map(rows.filter(row => row.sums.evals > 0).map(row => [row.id, row.sums]));
}
function sameScope(a, b) {
    if (!a)
        return false;
    const same = (x, y) => [...x].sort().join(',') === [...y].sort().join(',');
    return (same(a.taskIds, b.taskIds) &&
        same(a.evalDefinitionIds, b.evalDefinitionIds) &&
        same(a.experimentVariantIds, b.experimentVariantIds) &&
        same(a.runTypes, b.runTypes));
}
/** The run compared with its baseline, and whether the change fails the gate under `max-regression`. */
function compareWithBaseline(judgement, baseline, options) {
    const comparison = compareStratified(sumsByKey(judgement.tasks), baseline.tasks);
    const definitions = compareStratified(sumsByKey(judgement.evalDefinitions), baseline.evalDefinitions);
    const regressed = comparison.significant && comparison.direction === 'down';
    const failsGate = regressed &&
        options.maxRegression !== undefined &&
        comparison.change !== undefined &&
        (0,format/* withoutBinaryNoise */.uM)(comparison.change) < -options.maxRegression;
    return {
        baseline,
        comparison,
        evalDefinitions: definitions.sharedTasks,
        scopeDiffers: baseline.source === 'base-commit'
            ? !sameScope(baseline.scope, options.scope)
            : comparison.onlyInHead.length > 0,
        regressed,
        failsGate
    };
}
/** `-12.5 points (95% CI -20.1 to -4.9)`. */
function describeChange(comparison) {
    if (comparison.change === undefined)
        return 'no shared task to compare';
    const ci = comparison.low !== undefined && comparison.high !== undefined
        ? ` (95% CI ${(0,format/* formatChange */.eD)(comparison.low)} to ${(0,format/* formatChange */.eD)(comparison.high)})`
        : '';
    return `${(0,format/* formatChange */.eD)(comparison.change)} points${ci}`;
}
/** Why a regression fails the gate: `the pass rate dropped by more than max-regression 5 points against …`. */
function regressionReason(result, maxRegression, baselineName) {
    const base = result.comparison.baseRate !== undefined
        ? ` (${(0,format/* formatRate */.CE)(result.comparison.baseRate)}% on the shared tasks)`
        : '';
    return (`the pass rate dropped by more than max-regression ${maxRegression} points against ` +
        `${baselineName}${base}: ${describeChange(result.comparison)}, a statistically significant drop.`);
}
/** The error line when a regression fails the gate. */
function regressionFailure(result, maxRegression, baselineName) {
    return `Avido test gate failed: ${regressionReason(result, maxRegression, baselineName)}`;
}
/** The gate's verdict once a regression has failed it: the quality verdict's reason, then the drop's. */
function regressedVerdict(quality, result, maxRegression, baselineName) {
    return {
        ...quality,
        gate: 'fail',
        reason: `${quality.reason} But ${regressionReason(result, maxRegression, baselineName)}`
    };
}

;// CONCATENATED MODULE: ./src/pipeline/judging.ts





const MAX_PENDING_LISTED = 10;
/** Step 4: add up the judged tests into the run's figures, and decide. */
function judgeWaitedRun(deps, waited, baseline) {
    const { config, log } = deps;
    const judgement = waited.summary.finish({ thresholds: thresholdsOf(config), failOn: config.failOn });
    if (judgement.result === 'none' && judgement.tests > 0) {
        log.warning(`${judgement.tests} test(s) matched but none has a settled eval to judge.`, 'Avido test gate');
    }
    const pending = judgement.pendingTests;
    const timedOut = waited.timedOut ? { pendingTests: pending, onTimeout: config.onTimeout } : undefined;
    const quality = verdictOf(judgement, timedOut);
    let verdict = quality;
    const compared = baseline && judgement.result !== 'none'
        ? compareWithBaseline(judgement, baseline, {
            scope: measuredScope(config),
            maxRegression: config.maxRegression
        })
        : undefined;
    if (compared)
        log.info(`Against ${baselineName(compared.baseline)}: ${describeChange(compared.comparison)}.`);
    let regression;
    if (compared?.failsGate && config.maxRegression !== undefined) {
        const name = baselineName(compared.baseline);
        regression = regressionFailure(compared, config.maxRegression, name);
        verdict = regressedVerdict(quality, compared, config.maxRegression, name);
    }
    log.info(verdict.reason);
    if (timedOut && config.onTimeout === 'judge') {
        log.warning(`Timed out with ${pending} test(s) still pending; judged the settled tests.`, 'Avido test gate');
    }
    let failure;
    const timedOutFails = timedOut !== undefined && config.onTimeout === 'fail';
    if (timedOutFails)
        failure = timeoutFailure(config.timeoutMs, judgement.digest.firstPending, pending);
    else if (judgement.failsQuality)
        failure = `Avido test gate failed: ${quality.reason}`;
    else if (regression)
        failure = regression;
    return {
        judgement,
        verdict,
        outcome: failure ? (timedOutFails ? 'timed-out' : 'failed') : 'passed',
        tests: waited.tests,
        ...(timedOut ? { timedOut } : {}),
        ...(compared ? { compared } : {}),
        ...(failure ? { failure } : {})
    };
}
/** `the base commit abc1234` or `the scheduled Avido run(s)`. */
function baselineName(baseline) {
    return baseline.source === 'base-commit'
        ? `the base commit ${(0,format/* shortSha */.Fu)(baseline.sha ?? '')}`
        : `the scheduled Avido run${baseline.runIds && baseline.runIds.length > 1 ? 's' : ''}`;
}
function timeoutFailure(timeoutMs, first, pending) {
    const listed = first
        .slice(0, MAX_PENDING_LISTED)
        .map(test => `${test.id} (${test.taskTitle}, ${test.status})`);
    const more = pending > MAX_PENDING_LISTED ? `, and ${pending - MAX_PENDING_LISTED} more` : '';
    const seconds = Math.round(timeoutMs / 1000);
    if (pending === 0) {
        return `Timed out after ${seconds}s waiting for Avido tests: fewer tests matched than min-tests requires.`;
    }
    return `Timed out after ${seconds}s waiting for Avido: ${pending} test(s) still pending: ${listed.join(', ')}${more}.`;
}

// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/report/cells.ts


// Small pieces every section uses: rates, links, labels and the order of rows.
/**
 * Every shown pass rate: `82.5%`, or `82.5% ± 6.1` with a margin. An interval that the range 0–100 cuts short
 * (few tests, a rate near an end) shows its bounds instead, `50.0% (0.0–100.0)`: a margin past the range says
 * nothing a reader can use.
 */
function rateCell(rate, margin, bounds) {
    const m = (0,format/* formatMargin */.wj)(margin);
    if (!m || margin === undefined)
        return `${(0,format/* formatRate */.CE)(rate)}%`;
    const { low, high } = bounds ?? {};
    const cut = (low !== undefined && rate - margin < low - 1e-9) || (high !== undefined && rate + margin > high + 1e-9);
    if (cut && low !== undefined && high !== undefined)
        return `${(0,format/* formatRate */.CE)(rate)}% (${(0,format/* formatRate */.CE)(low)}–${(0,format/* formatRate */.CE)(high)})`;
    return `${(0,format/* formatRate */.CE)(rate)}% ± ${m}`;
}
/** `workflow/job`, the shape of the default `comment-key`; anything else is shown in the heading. */
function isDefaultLookingKey(key) {
    return /^[^/]+\/[^/]+$/.test(key);
}
/** An http(s) URL safe inside `[text](url)`, or undefined. */
function safeUrl(url) {
    if (!url)
        return undefined;
    try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
            return undefined;
        return parsed.href.replace(/[()<>\s"'`\\]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    }
    catch {
        return undefined;
    }
}
/** `[text](url)` for a safe URL, else the text alone. `text` must already be Markdown-safe. */
function cells_link(text, url) {
    const href = safeUrl(url);
    return href ? `[${text}](${href})` : text;
}
/** The first text that still shows something once cleaned (an empty `**…**` would render as a rule). */
function label(fallback, ...texts) {
    return texts.find(t => (0,render_escape/* normalizeText */.fQ)(t) !== '') ?? fallback;
}
const taskName = (title, id) => label('(untitled task)', title, id);
let collator;
/** Names compared in natural order ("eval 2" before "eval 10"); the collator is built on first use. */
function naturalOrder(a, b) {
    collator ??= new Intl.Collator('en', { numeric: true });
    return collator.compare(a, b);
}
function cells_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Worst first, rows without settled evals last; names in natural order; ids break ties. */
function byBreakdownOrder(rows) {
    return [...rows].sort((a, b) => Number(a.total === 0) - Number(b.total === 0) ||
        a.passRate - b.passRate ||
        naturalOrder(a.name, b.name) ||
        cells_compareText(a.id, b.id));
}
/** A collapsed block: `<details>` with a `<summary>` line and Markdown lines inside. */
function details(summary, lines) {
    return ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>'].join('\n');
}
/** A view that always renders the same blocks (or nothing) and has nothing to give up. */
function fixed(...blocks) {
    const rendered = { blocks: blocks.filter((b) => typeof b === 'string' && b !== '') };
    return { render: () => rendered };
}

;// CONCATENATED MODULE: ./src/render/report/targets.ts


/** GitHub's limit for an issue or pull request comment body, in characters. */
const COMMENT_MAX_LENGTH = 65_536;
/** GitHub's limit for one step's job summary, in bytes. */
const SUMMARY_MAX_BYTES = 1_048_576;
/** GitHub's limit for a check run's `output.summary`, in characters. */
const CHECK_RUN_MAX_LENGTH = 65_535;
const units = (text) => text.length;
const JSON_REPORT = 'the JSON report (the `report-path` output)';
const TARGETS = {
    comment: {
        measure: units,
        hidden: true,
        prLink: false,
        keyInFooter: true,
        limit: `GitHub's limit of ${(0,format/* formatCount */.B4)(COMMENT_MAX_LENGTH)} characters for a comment`,
        fullReport: input => `in the ${cells_link('job summary', input.links.runUrl)} and in ${JSON_REPORT}`
    },
    summary: {
        measure: text => Buffer.byteLength(text, 'utf8'),
        hidden: false,
        prLink: true,
        keyInFooter: false,
        limit: "GitHub's limit of 1 MiB for a job summary",
        fullReport: () => `in ${JSON_REPORT}`
    },
    'check-run': {
        // GitHub counts a check run's summary in characters and refuses it over as many UTF-8 bytes as well.
        measure: text => Buffer.byteLength(text, 'utf8'),
        hidden: false,
        prLink: true,
        keyInFooter: false,
        limit: `GitHub's limit of ${(0,format/* formatCount */.B4)(CHECK_RUN_MAX_LENGTH)} characters for a check run summary`,
        fullReport: input => `in the ${cells_link('job summary', input.links.runUrl)} and in ${JSON_REPORT}`
    }
};

;// CONCATENATED MODULE: ./src/render/report/compose.ts


const NONE = { keep: () => 0 };
const MINIMAL_NOTES = ['details left out'];
function composeReport(sections, ctx, maxLength) {
    const measure = TARGETS[ctx.target].measure;
    const fits = (text) => measure(text) <= maxLength;
    const parts = sections.map(section => ({
        section,
        view: section.prepare(ctx),
        kept: new Map()
    }));
    const budgets = parts.map(({ kept }) => ({
        keep: id => kept.get(id) ?? Number.POSITIVE_INFINITY
    }));
    const inMode = (section, mode) => mode === 'full' || section.keep === 'never' || (mode === 'minimal' && section.keep === 'minimal');
    const compose = (mode) => {
        const render = (view, i, notes) => view.render(mode === 'full' ? budgets[i] : NONE, notes);
        const rendered = parts.map(({ section, view }, i) => inMode(section, mode) && !section.late ? render(view, i, []) : undefined);
        const notes = mode === 'full' ? rendered.flatMap(r => r?.notes ?? []) : MINIMAL_NOTES;
        const blocks = parts.flatMap(({ section, view }, i) => {
            if (!inMode(section, mode))
                return [];
            return (section.late ? render(view, i, notes) : rendered[i])?.blocks ?? [];
        });
        return blocks.join('\n\n') + '\n';
    };
    const full = compose('full');
    if (fits(full))
        return full;
    // Array.prototype.sort is stable: equal priorities keep the order of the sections.
    const steps = parts
        .flatMap(({ view, kept }) => (view.steps ?? []).map(step => ({ step, kept })))
        .sort((a, b) => a.step.priority - b.step.priority);
    for (const { step, kept } of steps) {
        const n = largestFitting(step.max, k => {
            kept.set(step.id, k);
            return fits(compose('full'));
        });
        kept.set(step.id, Math.max(0, n));
        if (n >= 0)
            return compose('full');
    }
    const minimal = compose('minimal');
    return fits(minimal) ? minimal : compose('bare');
}

;// CONCATENATED MODULE: ./src/render/trend.ts

const BARS = '▁▂▃▄▅▆▇█';
/**
 * One bar per pass rate. The scale is the runs' range widened to whole tens (at least ten points), so that a
 * move of a few points shows while a flat line stays flat: 70 → 82.5 → 71 draws on 70–90 %.
 */
function sparkline(rates) {
    const clean = rates.map(rate => (Number.isFinite(rate) ? Math.min(100, Math.max(0, rate)) : 0));
    if (!clean.length)
        return '';
    let low = Math.floor(Math.min(...clean) / 10) * 10;
    let high = Math.ceil(Math.max(...clean) / 10) * 10;
    if (high - low < 10) {
        if (high < 100)
            high = low + 10;
        else
            low = high - 10;
    }
    return clean
        .map(r => BARS[Math.min(BARS.length - 1, Math.floor(((r - low) / (high - low)) * BARS.length))])
        .join('');
}
/** `▃▅▆▇█ 40.0% → 82.5%` over the history, or '' with fewer than two runs. */
function trendText(history) {
    if (history.length < 2)
        return '';
    const rates = history.map(h => h.passRate);
    return `${sparkline(rates)} ${(0,format/* formatRate */.CE)(rates[0])}% → ${(0,format/* formatRate */.CE)(rates[rates.length - 1])}%`;
}
/** Change in points between two rates as shown (one decimal): `▲ 5.0 points`, `▼ 2.5 points`, `no change`. */
function deltaText(previousRate, currentRate) {
    const tenths = (rate) => Math.round(Number((0,format/* formatRate */.CE)(rate)) * 10);
    const delta = tenths(currentRate) - tenths(previousRate);
    if (delta === 0)
        return 'no change';
    return `${delta > 0 ? '▲' : '▼'} ${(Math.abs(delta) / 10).toFixed(1)} points`;
}
/** What changed since the run recorded in `previous`; undefined when there is no previous run to compare. */
function changeSincePrevious(previous, judgement) {
    const previousRate = previous?.lastPassRate ?? previous?.history[previous.history.length - 1]?.passRate;
    if (previous === undefined || previousRate === undefined)
        return undefined;
    const badges = previous.taskBadges ?? {};
    const tasks = [];
    for (const task of judgement.tasks) {
        if (!Object.hasOwn(badges, task.id))
            continue;
        const from = badges[task.id];
        if (from !== task.badge)
            tasks.push({ id: task.id, name: task.name, from, to: task.badge });
    }
    return {
        previousRate,
        ...(previous.lastResult ? { previousResult: previous.lastResult } : {}),
        text: deltaText(previousRate, judgement.passRate),
        tasks
    };
}

;// CONCATENATED MODULE: ./src/render/report/context.ts



/**
 * The judge counts settled tests only, so a task whose tests are all still pending has no breakdown. The
 * report lists it anyway (without a rate), so a reader of a timed-out run sees every task it waited for.
 */
function pendingOnlyTasks(tasks, digest) {
    const known = new Set(tasks.map(t => t.id));
    const extra = new Map();
    // A task with no settled test has only pending ones: its first test read is its first pending one.
    for (const task of digest.tasks.values()) {
        if (!task.pending || known.has(task.taskId))
            continue;
        extra.set(task.taskId, {
            id: task.taskId,
            name: task.firstTitle,
            passed: 0,
            total: 0,
            tests: 0,
            passRate: 0,
            badge: 'success'
        });
    }
    return [...extra.values()];
}
/** What the sections share, derived once from the input. */
function sectionContext(input, target) {
    const judgement = input.judgement;
    const tasks = [...judgement.tasks, ...pendingOnlyTasks(judgement.tasks, judgement.digest)];
    return {
        input,
        target,
        judgement,
        verdict: input.verdict ?? verdictOf(judgement, input.timedOut),
        change: changeSincePrevious(input.previous, judgement),
        tasks: byBreakdownOrder(tasks)
    };
}

;// CONCATENATED MODULE: ./src/render/report/sections/change.ts



const MAX_CHANGED_TASKS = 5;
function changeLine(change, j) {
    let line = `**Since the previous run:** ${change.text} (${(0,format/* formatRate */.CE)(change.previousRate)}% → ${(0,format/* formatRate */.CE)(j.passRate)}%)`;
    if (change.previousResult && change.previousResult !== j.result) {
        line += `, ${format/* RESULT_EMOJI */.fr[change.previousResult]} → ${format/* RESULT_EMOJI */.fr[j.result]}`;
    }
    if (change.tasks.length) {
        const listed = change.tasks
            .slice(0, MAX_CHANGED_TASKS)
            .map(t => `${(0,render_escape/* escapeInline */.VV)(taskName(t.name, t.id), 60)} ${format/* RESULT_EMOJI */.fr[t.from]} → ${format/* RESULT_EMOJI */.fr[t.to]}`);
        const more = change.tasks.length - listed.length;
        if (more > 0)
            listed.push(`and ${(0,format/* formatCount */.B4)(more)} more`);
        line += ` · badge changed for ${(0,format/* plural */.LS)(change.tasks.length, 'task')}: ${listed.join(', ')}`;
    }
    return line;
}
/** The change since the previous comment on this pull request: points, and the tasks that changed badge. */
const changeSection = {
    id: 'change',
    prepare: ({ change, judgement }) => fixed(change && changeLine(change, judgement))
};

;// CONCATENATED MODULE: ./src/render/report/sections/comparison.ts



const MAX_LISTED = 5;
/** A change as shown, by the gate's one rounding rule (the outputs and the status line use it too). */
function shownChange(change) {
    const text = (0,format/* formatChange */.eD)(change);
    return text === '0.0'
        ? { sign: 0, size: text }
        : { sign: text.startsWith('+') ? 1 : -1, size: text.slice(1) };
}
/** `▼ 4.0 ± 3.1 points`, or `no change (0.0 ± 3.1 points)`. */
function changeText(change, margin) {
    const { sign, size } = shownChange(change);
    const m = (0,format/* formatMargin */.wj)(margin);
    const points = `${size}${m ? ` ± ${m}` : ''} points`;
    return sign === 0 ? `no change (${points})` : `${sign > 0 ? '▲' : '▼'} ${points}`;
}
function comparisonLine(b) {
    const what = cells_link((0,render_escape/* escapeInline */.VV)(b.label, 120), b.url);
    if (b.change === undefined)
        return `**Compared with ${what}:** no task in common, nothing to compare.`;
    const rates = b.baseRate !== undefined && b.headRate !== undefined
        ? ` (${(0,format/* formatRate */.CE)(b.baseRate)}% → ${(0,format/* formatRate */.CE)(b.headRate)}%)`
        : '';
    const noise = b.significant ? 'significant' : 'within noise';
    const detectable = !b.significant && b.minimumDetectableDrop !== undefined
        ? `; the smallest drop this run could detect is ${(0,format/* formatRate */.CE)(b.minimumDetectableDrop)} points`
        : '';
    return `**Compared with ${what}:** ${changeText(b.change, b.margin)}${rates}, ${noise}${detectable}`;
}
function listed(names) {
    const shown = names.slice(0, MAX_LISTED).map(name => (0,render_escape/* escapeInline */.VV)(name, 60));
    if (names.length > shown.length)
        shown.push(`and ${names.length - shown.length} more`);
    return shown.join(', ');
}
/** What was not compared: other filters, and tasks on one side only. */
function scopeLine(b) {
    const parts = [];
    if (b.scopeDiffers)
        parts.push('the baseline was measured with other filters, so only the tasks both share are compared');
    if (b.onlyInRun?.length)
        parts.push(`only in this run: ${listed(b.onlyInRun)}`);
    if (b.onlyInBaseline?.length)
        parts.push(`only in the baseline: ${listed(b.onlyInBaseline)}`);
    return parts.length ? `<sub>Not compared: ${parts.join('; ')}.</sub>` : undefined;
}
/** A table cell: `▼ 46.7 ± 36.5` when the change is significant, `-8.3 ± 52.7 (noise)` when it is not. */
function rowChangeCell(row) {
    if (!row)
        return '–';
    const { sign, size } = shownChange(row.change);
    const m = (0,format/* formatMargin */.wj)(row.margin);
    const cell = `${size}${m ? ` ± ${m}` : ''}`;
    if (row.significant && sign !== 0)
        return `${sign > 0 ? '▲' : '▼'} ${cell}`;
    return `${sign > 0 ? '+' : sign < 0 ? '−' : ''}${cell} (noise)`;
}
/** The comparison with the baseline; nothing when the run has no baseline. */
const comparisonSection = {
    id: 'comparison',
    prepare: ({ input }) => {
        const b = input.baseline;
        if (!b)
            return fixed(undefined);
        const scope = scopeLine(b);
        return fixed(scope ? `${comparisonLine(b)}\n\n${scope}` : comparisonLine(b));
    }
};

;// CONCATENATED MODULE: ./src/render/report/table.ts

function tableView(spec) {
    const failingCount = spec.rows.filter(r => r.failing).length;
    const passingCount = spec.rows.length - failingCount;
    const steps = [];
    if (passingCount)
        steps.push({ id: 'passing-rows', priority: spec.priorities.passing, max: 1 });
    if (failingCount)
        steps.push({ id: 'failing-rows', priority: spec.priorities.failing, max: failingCount });
    return { steps, render: budget => renderTable(spec, budget, failingCount) };
}
function renderTable(spec, budget, failingCount) {
    if (!spec.rows.length)
        return { blocks: [] };
    const passing = budget.keep('passing-rows') > 0;
    const maxFailing = budget.keep('failing-rows');
    let shown = spec.rows.filter(r => passing || r.failing);
    const droppedPassing = spec.rows.length - shown.length;
    const droppedFailing = Math.max(0, failingCount - maxFailing);
    if (droppedFailing)
        shown = shown.slice(0, maxFailing);
    const notes = [];
    if (droppedPassing)
        notes.push(`${(0,format/* plural */.LS)(droppedPassing, `passing ${spec.noun}`)} not listed`);
    if (droppedFailing)
        notes.push(`${(0,format/* plural */.LS)(droppedFailing, `failing ${spec.noun}`)} not listed`);
    const lines = shown.map(r => r.line);
    const dropped = droppedPassing + droppedFailing;
    if (dropped) {
        const what = droppedFailing
            ? `${(0,format/* formatCount */.B4)(dropped)} more ${spec.noun}${dropped === 1 ? '' : 's'}`
            : (0,format/* plural */.LS)(dropped, `passing ${spec.noun}`);
        lines.push(`|  | … and ${what} |${'  |'.repeat(spec.columns - 2)}`);
    }
    return { blocks: [[spec.header, ...lines].join('\n')], notes };
}

;// CONCATENATED MODULE: ./src/render/report/sections/eval-definitions.ts





const MAX_NAME = 100;
const MAX_TYPE = 30;
function evalDefinitionRows(definitions, baseline) {
    return byBreakdownOrder(definitions).map(d => {
        const judged = d.total > 0;
        const cells = [
            judged ? format/* RESULT_EMOJI */.fr[d.badge] : format/* RESULT_EMOJI */.fr.none,
            (0,render_escape/* escapeCell */.kq)(label('(unnamed eval)', d.name, d.id), MAX_NAME),
            (0,render_escape/* escapeCell */.kq)(d.type ?? '', MAX_TYPE),
            judged ? rateCell(d.passRate, d.interval?.margin, d.interval) : '–',
            `${(0,format/* formatCount */.B4)(d.passed)}/${(0,format/* formatCount */.B4)(d.total)}`,
            (0,format/* formatCount */.B4)(d.tests)
        ];
        if (baseline)
            cells.splice(4, 0, rowChangeCell(baseline.get(d.id)));
        return { line: `| ${cells.join(' | ')} |`, failing: judged && d.badge !== 'success' };
    });
}
/** One row per eval definition, worst first. Its passing rows are the first detail a long report gives up. */
const evalDefinitionsSection = {
    id: 'eval-definitions',
    prepare: ({ judgement, input }) => {
        const baseline = input.baseline?.evalDefinitions;
        return tableView({
            header: baseline
                ? '|  | Eval definition | Type | Pass rate | vs baseline | Evals | Tests |\n|:-:|:--|:--|--:|--:|--:|--:|'
                : '|  | Eval definition | Type | Pass rate | Evals | Tests |\n|:-:|:--|:--|--:|--:|--:|',
            columns: baseline ? 7 : 6,
            rows: evalDefinitionRows(judgement.evalDefinitions, baseline),
            noun: 'eval definition',
            priorities: { passing: 10, failing: 50 }
        });
    }
};

;// CONCATENATED MODULE: ./src/render/report/sections/failing-groups.ts


/** Most frequent first; ties go to the reason seen first in the run read oldest first. */
function rankedReasons(reasons) {
    return [...reasons.entries()]
        .sort(([, a], [, b]) => b.count - a.count || (isBefore(a.first, b.first) ? -1 : 1))
        .map(([reason]) => reason);
}
function groupsOfTask(task) {
    if (!task.settled)
        return [];
    const { taskId, settledTitle: taskTitle } = task;
    const out = [];
    if (task.errored) {
        out.push({
            taskId,
            taskTitle,
            failedTests: task.errored,
            ofTests: task.settled,
            countedEvals: task.countedEvals,
            reasons: []
        });
    }
    const groups = [];
    for (const tally of task.definitions.values()) {
        if (!tally.failed)
            continue;
        groups.push({
            taskId,
            taskTitle,
            definition: { id: tally.id, name: tally.name, type: tally.type },
            failedTests: tally.failed,
            ofTests: tally.ran,
            reasons: rankedReasons(tally.reasons),
            ...(tally.moreReasons ? { moreReasons: true } : {})
        });
    }
    groups.sort((a, b) => b.failedTests - a.failedTests ||
        naturalOrder(a.definition.name, b.definition.name) ||
        cells_compareText(a.definition.id, b.definition.id));
    return [...out, ...groups];
}
/** The groups in the order of `taskOrder` (task ids, worst first); tasks not in it come last, oldest first. */
function groupFailingEvals(taskOrder, digest) {
    const listed = new Set(taskOrder);
    const rest = [...digest.tasks.values()]
        .filter(task => !listed.has(task.taskId) && task.settledAt)
        .sort((a, b) => (isBefore(a.settledAt, b.settledAt) ? -1 : 1));
    const ordered = [...taskOrder.flatMap(id => digest.tasks.get(id) ?? []), ...rest];
    return ordered.flatMap(groupsOfTask);
}

;// CONCATENATED MODULE: ./src/render/report/sections/failing-evals.ts




const MAX_TITLE = 100;
const MAX_EVAL_NAME = 100;
const failing_evals_MAX_TYPE = 30;
const MAX_REASON = 200;
/** Distinct reasons listed per group; the rest are counted. */
const MAX_REASONS = 3;
function groupHead(g) {
    const task = `**${(0,render_escape/* escapeInline */.VV)(taskName(g.taskTitle, g.taskId), MAX_TITLE)}**`;
    if (!g.definition) {
        const counted = (0,format/* plural */.LS)(g.countedEvals ?? g.failedTests, 'failed eval');
        return `- ${task} · ${(0,format/* formatCount */.B4)(g.failedTests)} of ${(0,format/* plural */.LS)(g.ofTests, 'test')} errored in Avido, counted as ${counted}`;
    }
    const { id, name, type } = g.definition;
    const shownType = type ? ` (${(0,render_escape/* escapeInline */.VV)(type, failing_evals_MAX_TYPE)})` : '';
    const evalName = (0,render_escape/* escapeInline */.VV)(label('(unnamed eval)', name, id), MAX_EVAL_NAME);
    return `- ${task} · ${evalName}${shownType} · failed in ${(0,format/* formatCount */.B4)(g.failedTests)} of ${(0,format/* plural */.LS)(g.ofTests, 'test')}`;
}
function groupReasons(g) {
    // Reasons that only differ past the cut would show twice.
    const distinct = [...new Set(g.reasons.map(r => (0,render_escape/* escapeInline */.VV)(r, MAX_REASON)))];
    const lines = distinct.slice(0, MAX_REASONS).map(r => `  - ${r}`);
    const more = distinct.length - Math.min(distinct.length, MAX_REASONS);
    // Past the reasons counted, only that there are more is known.
    if (g.moreReasons)
        lines.push(`  - … and ${more > 0 ? `over ${(0,format/* formatCount */.B4)(more)} more reasons` : 'more reasons'}`);
    else if (more > 0)
        lines.push(`  - … and ${(0,format/* plural */.LS)(more, 'more reason')}`);
    return lines;
}
/** Failing evals grouped by task and eval definition, collapsed; reasons go first, then groups beyond what fits. */
const failingEvalsSection = {
    id: 'failing-evals',
    prepare: ({ tasks, judgement }) => {
        const groups = groupFailingEvals(tasks.map(t => t.id), judgement.digest).map(g => ({ head: groupHead(g), reasons: groupReasons(g) }));
        const steps = [];
        const anyReasons = groups.some(g => g.reasons.length);
        if (anyReasons)
            steps.push({ id: 'reasons', priority: 30, max: 1 });
        if (groups.length)
            steps.push({ id: 'groups', priority: 40, max: groups.length });
        return {
            steps,
            render: (budget) => {
                if (!groups.length)
                    return { blocks: [] };
                const withReasons = budget.keep('reasons') > 0;
                const shown = groups.slice(0, budget.keep('groups'));
                const lines = shown.flatMap(g => (withReasons ? [g.head, ...g.reasons] : [g.head]));
                const more = groups.length - shown.length;
                if (more > 0)
                    lines.push(`- … and ${(0,format/* formatCount */.B4)(more)} more`);
                const notes = [];
                if (!withReasons && anyReasons)
                    notes.push('explanations left out');
                if (more > 0)
                    notes.push(`${(0,format/* plural */.LS)(more, 'group')} of failing evals not listed`);
                const summary = `❌ Failing evals (${(0,format/* formatCount */.B4)(judgement.failed)})`;
                return { blocks: [details(summary, lines)], notes };
            }
        };
    }
};

;// CONCATENATED MODULE: ./src/render/report/sections/footer.ts




/** The settings the run was judged with, the comment key and when the report was made. */
const footerSection = {
    id: 'footer',
    prepare: ({ input, target, judgement: j }) => {
        const parts = [
            'Avido test gate',
            `success above ${(0,format/* formatThreshold */.B6)(j.thresholds.warning)}%, error at or below ${(0,format/* formatThreshold */.B6)(j.thresholds.error)}%`,
            `fail-on ${j.failOn}`,
            TARGETS[target].keyInFooter ? `key ${(0,render_escape/* escapeCode */.tn)(input.commentKey, 120)}` : '',
            (0,format/* formatTimestamp */.Ey)(input.generatedAt)
        ].filter(Boolean);
        return fixed(`<sub>${parts.join(' · ')}</sub>`);
    }
};

;// CONCATENATED MODULE: ./src/render/report/sections/heading.ts



function headline(input) {
    const j = input.judgement;
    const key = isDefaultLookingKey(input.commentKey) ? '' : ` (${(0,render_escape/* escapeInline */.VV)(input.commentKey, 80)})`;
    const gate = `Avido test gate${key}`;
    if (input.timedOut && input.timedOut.onTimeout !== 'judge') {
        return `## ⏱️ ${gate}: timed out with ${(0,format/* plural */.LS)(input.timedOut.pendingTests, 'test')} pending`;
    }
    if (j.result === 'none')
        return `## ${format/* RESULT_EMOJI */.fr.none} ${gate}: no tests matched`;
    return `## ${format/* RESULT_EMOJI */.fr[j.result]} ${gate}: ${rateCell(j.passRate, j.interval?.margin, j.interval)} passed`;
}
function countsLine(j, tasks) {
    const extra = [
        j.erroredTests > 0 ? `${(0,format/* formatCount */.B4)(j.erroredTests)} errored` : '',
        j.pendingTests > 0 ? `${(0,format/* formatCount */.B4)(j.pendingTests)} pending` : ''
    ].filter(Boolean);
    const tests = (0,format/* plural */.LS)(j.tests, 'test') + (extra.length ? ` (${extra.join(', ')})` : '');
    return `**${(0,format/* formatCount */.B4)(j.passed)}/${(0,format/* plural */.LS)(j.total, 'eval')} passed** · ${tests} · ${(0,format/* plural */.LS)(tasks, 'task')}`;
}
const DRY_RUN = '🧪 **Dry run**: judged only; no comment, commit status, Avido issue, trigger or annotation was written.';
/** The heading with the overall badge and rate, the counts, the verdict and the dry-run line. */
const headingSection = {
    id: 'heading',
    keep: 'minimal',
    prepare: ({ input, judgement: j, verdict, tasks }) => fixed(headline(input), (j.result !== 'none' || j.tests > 0) && countsLine(j, tasks.length), `${verdict.gate === 'pass' ? '✅ **Gate passed**' : '❌ **Gate failed**'}: ${verdict.reason}`, input.dryRun && DRY_RUN)
};

;// CONCATENATED MODULE: ./src/render/report/sections/hidden.ts



/** The comment's marker, by which the next run finds it; never cut. */
const markerSection = {
    id: 'marker',
    keep: 'never',
    prepare: ({ input, target }) => fixed(TARGETS[target].hidden && commentMarker(input.commentKey))
};
/** The comment's hidden data (history, badges), read by the next run; never cut. */
const hiddenDataSection = {
    id: 'hidden-data',
    keep: 'never',
    prepare: ({ input, target }) => fixed(TARGETS[target].hidden && encodeHiddenData(input.hiddenData))
};

;// CONCATENATED MODULE: ./src/render/report/sections/issue.ts


function issueLine(issue) {
    const id = (0,render_escape/* escapeCode */.tn)(issue.id, 80);
    switch (issue.status) {
        case 'filed':
            return `🐞 Filed Avido issue ${id}: the pass rate is at or below the error threshold.`;
        case 'existing':
            return `🐞 Avido issue ${id} is already open for this gate; no new issue was filed.`;
        case 'dry-run':
            return '🐞 Dry run: an Avido issue would have been filed.';
    }
}
/** The Avido issue filed (or found open) for this run. */
const issueSection = {
    id: 'issue',
    prepare: ({ input }) => fixed(input.issue && issueLine(input.issue))
};

;// CONCATENATED MODULE: ./src/render/report/sections/links.ts



/** The workflow run, the commit, and the pull request where the reader is not on it already. */
const linksSection = {
    id: 'links',
    prepare: ({ input, target }) => {
        const links = [
            safeUrl(input.links.runUrl) ? cells_link('Workflow run', input.links.runUrl) : '',
            `Commit ${cells_link(`\`${(0,format/* shortSha */.Fu)(input.sha) || 'unknown'}\``, input.links.commitUrl)}`,
            TARGETS[target].prLink && input.links.prUrl ? cells_link('Pull request', input.links.prUrl) : ''
        ].filter(Boolean);
        return fixed(`🔗 ${links.join(' · ')}`);
    }
};

;// CONCATENATED MODULE: ./src/render/report/sections/notice.ts

function shortenedNotice(notes, input, target) {
    const spec = TARGETS[target];
    return `> ✂️ **Shortened** to fit ${spec.limit}: ${notes.join('; ')}. The full report is ${spec.fullReport(input)}.`;
}
/** What the other sections left out to fit the limit, and where the full report is; nothing when complete. */
const noticeSection = {
    id: 'notice',
    keep: 'minimal',
    late: true,
    prepare: ({ input, target }) => ({
        render: (_budget, notes) => ({ blocks: notes.length ? [shortenedNotice(notes, input, target)] : [] })
    })
};

;// CONCATENATED MODULE: ./src/render/report/sections/pending.ts



const pending_MAX_TITLE = 100;
const pending_MAX_PENDING_LISTED = 20;
function pendingList(digest, pendingTests) {
    if (!pendingTests)
        return '';
    const lines = digest.firstPending
        .slice(0, pending_MAX_PENDING_LISTED)
        .map(t => `- **${(0,render_escape/* escapeInline */.VV)(taskName(t.taskTitle, t.taskId), pending_MAX_TITLE)}** · test ${(0,render_escape/* escapeCode */.tn)(t.id, 60)} · ${t.status === 'IN_PROGRESS' ? 'in progress' : 'pending'}`);
    if (pendingTests > lines.length)
        lines.push(`- … and ${(0,format/* formatCount */.B4)(pendingTests - lines.length)} more`);
    return details(`⏳ Pending tests (${(0,format/* formatCount */.B4)(pendingTests)})`, lines);
}
/** The tests still pending or in progress (a timed-out run), collapsed, at most 20 listed. */
const pendingSection = {
    id: 'pending',
    prepare: ({ judgement }) => fixed(pendingList(judgement.digest, judgement.pendingTests))
};

;// CONCATENATED MODULE: ./src/render/report/sections/tasks.ts





const tasks_MAX_TITLE = 100;
function testsCell(tests, errored, pending) {
    const extra = [
        errored ? `${(0,format/* formatCount */.B4)(errored)} errored` : '',
        pending ? `${(0,format/* formatCount */.B4)(pending)} pending` : ''
    ]
        .filter(Boolean)
        .join(', ');
    return (0,format/* formatCount */.B4)(tests) + (extra ? ` (${extra})` : '');
}
function taskRows(tasks, digest, change, baseline) {
    const counts = digest.tasks;
    const changed = new Map(change?.tasks.map(t => [t.id, t]));
    return tasks.map(task => {
        const c = counts.get(task.id) ?? { errored: 0, pending: 0 };
        const moved = changed.get(task.id);
        // A task with nothing settled yet has no rate (its badge would read as a 0 % error).
        const judged = task.total > 0;
        const cells = [
            judged ? format/* RESULT_EMOJI */.fr[task.badge] : c.pending ? '⏳' : format/* RESULT_EMOJI */.fr.none,
            (0,render_escape/* escapeCell */.kq)(taskName(task.name, task.id), tasks_MAX_TITLE),
            judged ? rateCell(task.passRate, task.interval?.margin, task.interval) : '–',
            `${(0,format/* formatCount */.B4)(task.passed)}/${(0,format/* formatCount */.B4)(task.total)}`,
            testsCell(task.tests, c.errored, c.pending)
        ];
        if (baseline) {
            const row = baseline.get(task.id);
            cells.splice(3, 0, row ? `${(0,format/* formatRate */.CE)(row.baseRate)}%` : '–', rowChangeCell(row));
        }
        if (change)
            cells.push(moved ? `${format/* RESULT_EMOJI */.fr[moved.from]} → ${format/* RESULT_EMOJI */.fr[moved.to]}` : '');
        return { line: `| ${cells.join(' | ')} |`, failing: judged && task.badge !== 'success' };
    });
}
/** One row per task, worst first; the change column only when there is a previous run. */
const tasksSection = {
    id: 'tasks',
    prepare: ({ tasks, judgement, change, input }) => {
        const baseline = input.baseline?.tasks;
        const names = [
            '',
            'Task',
            'Pass rate',
            ...(baseline ? ['Baseline', 'vs baseline'] : []),
            'Evals',
            'Tests'
        ];
        const aligns = [':-:', ':--', '--:', ...(baseline ? ['--:', '--:'] : []), '--:', '--:'];
        if (change) {
            names.push('Badge change');
            aligns.push(':-:');
        }
        return tableView({
            header: `| ${names.join(' | ')} |\n|${aligns.join('|')}|`,
            columns: names.length,
            rows: taskRows(tasks, judgement.digest, change, baseline),
            noun: 'task',
            priorities: { passing: 20, failing: 60 }
        });
    }
};

;// CONCATENATED MODULE: ./src/render/report/sections/trend.ts



/** The pass rate over the runs kept in the hidden data (this pull request's, when there is one). */
const trendSection = {
    id: 'trend',
    prepare: ({ input }) => {
        const trend = trendText(input.hiddenData.history);
        const scope = input.prNumber !== undefined ? ' on this pull request' : '';
        const runs = (0,format/* plural */.LS)(input.hiddenData.history.length, 'run');
        return fixed(trend && `📈 **Trend** over the last ${runs}${scope}: ${trend}`);
    }
};

;// CONCATENATED MODULE: ./src/render/report/order.ts













/**
 * The sections of the report, top to bottom. A section is one file under sections/ and one entry here; what it
 * gives up to fit the limit, and when, is its own (its steps and their priorities).
 */
const REPORT_SECTIONS = [
    markerSection,
    headingSection,
    comparisonSection,
    changeSection,
    tasksSection,
    evalDefinitionsSection,
    failingEvalsSection,
    pendingSection,
    issueSection,
    linksSection,
    trendSection,
    noticeSection,
    footerSection,
    hiddenDataSection
];

;// CONCATENATED MODULE: ./src/render/markdown.ts



// The pull request comment, the job summary and the check run summary: pure functions of the judged run.
// Everything from Avido goes through escape.ts. The report is a list of sections (report/order.ts), each of
// which says what detail it can give up; the body always fits `maxLength`: passing rows go first, then the
// explanations, then failing evals beyond what fits, then failing rows, and a notice says what is missing and
// where the full report is. The marker and the hidden data of a comment are never cut.


/** The report for `opts.target`, within `opts.maxLength` (see RenderOptions for the unit). */
function renderReport(input, opts) {
    return composeReport(REPORT_SECTIONS, sectionContext(input, opts.target), opts.maxLength);
}

;// CONCATENATED MODULE: ./src/render/baseline-view.ts

function rowChanges(changes) {
    return new Map(changes.map(c => [
        c.key,
        {
            baseRate: c.base.rate,
            change: c.change,
            ...(c.se > 0 ? { margin: c.margin } : {}),
            significant: c.significant
        }
    ]));
}
/** What the report shows of the comparison: the baseline named and linked, the change, the rows. */
function baselineView(compared, judgement, context) {
    const { baseline, comparison: c } = compared;
    const when = (0,format/* formatTimestamp */.Ey)(baseline.measuredAt);
    const label = baseline.source === 'base-commit'
        ? `base commit ${(0,format/* shortSha */.Fu)(baseline.sha ?? '')}`
        : `scheduled Avido run${(baseline.runIds?.length ?? 0) > 1 ? 's' : ''}${when ? ` of ${when}` : ''}`;
    const names = new Map(judgement.tasks.map(task => [task.id, task.name]));
    return {
        label,
        ...(baseline.source === 'base-commit' && baseline.sha
            ? { url: `${context.serverUrl}/${context.owner}/${context.repo}/commit/${baseline.sha}` }
            : {}),
        ...(c.headRate !== undefined ? { headRate: c.headRate } : {}),
        ...(c.baseRate !== undefined ? { baseRate: c.baseRate } : {}),
        ...(c.change !== undefined ? { change: c.change } : {}),
        ...(c.margin !== undefined ? { margin: c.margin } : {}),
        significant: c.significant,
        ...(c.minimumDetectableDrop !== undefined ? { minimumDetectableDrop: c.minimumDetectableDrop } : {}),
        scopeDiffers: compared.scopeDiffers,
        onlyInRun: c.onlyInHead.map(id => names.get(id) ?? id),
        onlyInBaseline: c.onlyInBase,
        tasks: rowChanges(c.sharedTasks),
        evalDefinitions: rowChanges(compared.evalDefinitions)
    };
}

;// CONCATENATED MODULE: ./src/render/status-text.ts


// Commit status descriptions: plain text (GitHub shows them verbatim), one line, at most STATUS_DESCRIPTION_MAX characters.
const fit = (text) => (0,shared_text/* oneLine */.TN)(text, shared_text/* STATUS_DESCRIPTION_MAX */.N9);
/** `Waiting for Avido: 12/40 tests settled`. */
function pendingDescription(settled, total) {
    if (total <= 0)
        return 'Waiting for Avido: no tests yet';
    return fit(`Waiting for Avido: ${(0,format/* formatCount */.B4)(settled)}/${(0,format/* formatCount */.B4)(total)} tests settled`);
}
/** `▼ 4.0 vs base` for a significant change, `-1.5 vs base (noise)` for one within noise. */
function status_text_changeText(compared) {
    const { change, significant } = compared.comparison;
    if (change === undefined)
        return '';
    const versus = compared.baseline.source === 'base-commit' ? 'vs base' : 'vs scheduled';
    const shown = (0,format/* formatChange */.eD)(change);
    if (!significant || shown === '0.0')
        return ` · ${shown} ${versus} (noise)`;
    return ` · ${change > 0 ? '▲' : '▼'} ${shown.slice(1)} ${versus}`;
}
/** ` ± 6.1`; at 0 % or 100 % the rule of three's bound, ` (≥ 92.5%)`; '' with fewer than 2 tests. */
function marginText(judgement) {
    const { margin, method, low, high } = judgement.interval;
    if (margin === undefined)
        return '';
    if (method === 'rule-of-three') {
        return judgement.passed > 0 ? ` (≥ ${(0,format/* formatRate */.CE)(low ?? 0)}%)` : ` (≤ ${(0,format/* formatRate */.CE)(high ?? 100)}%)`;
    }
    return ` ± ${(0,format/* formatMargin */.wj)(margin)}`;
}
/** `82.5% ± 6.1 passed (33/40 evals) · ▼ 4.0 vs base · success`. */
function finalDescription(judgement, compared) {
    if (judgement.result === 'none')
        return 'No Avido tests matched · none';
    const errored = judgement.erroredTests > 0 ? `, ${(0,format/* plural */.LS)(judgement.erroredTests, 'errored test')}` : '';
    const rate = `${(0,format/* formatRate */.CE)(judgement.passRate)}%${marginText(judgement)}`;
    const change = compared ? status_text_changeText(compared) : '';
    return fit(`${rate} passed (${(0,format/* formatCount */.B4)(judgement.passed)}/${(0,format/* formatCount */.B4)(judgement.total)} evals${errored})${change} · ${judgement.result}`);
}
/** `Timed out after 15m: 12/40 tests settled`. */
function timeoutDescription(settled, total, after) {
    const when = after ? ` after ${after}` : '';
    return fit(`Timed out${when}: ${(0,format/* formatCount */.B4)(settled)}/${(0,format/* formatCount */.B4)(total)} tests settled`);
}
/** `Avido test gate error: <message>`, the message cut to fit. */
function errorDescription(message) {
    return fit(`Error: ${message}`);
}

;// CONCATENATED MODULE: ./src/pipeline/rendering.ts








/** Step 6: every text the gate shows, from the judged run. Pure: nothing is written here. */
function renderRun(deps, judged, pr, issue, scope) {
    const { config, context } = deps;
    const { judgement, verdict, timedOut } = judged;
    const generatedAt = new Date(deps.now()).toISOString();
    const shownIssue = issue && issue.status !== 'dry-run' ? issue.id : undefined;
    const hiddenData = nextHiddenData(pr.previous, judgement, {
        key: config.commentKey,
        sha: context.sha,
        runId: context.runId,
        attempt: context.runAttempt,
        issueId: shownIssue,
        at: generatedAt
    });
    const prUrl = pullRequestUrl(context, pr);
    const baseline = judged.compared && baselineView(judged.compared, judgement, context);
    const reportInput = {
        ...(baseline ? { baseline } : {}),
        judgement,
        commentKey: config.commentKey,
        repo: { owner: context.owner, name: context.repo },
        sha: context.sha,
        prNumber: pr.number,
        links: { runUrl: context.runUrl, commitUrl: context.commitUrl, prUrl },
        issue,
        previous: pr.previous,
        hiddenData,
        timedOut,
        verdict,
        dryRun: config.dryRun,
        generatedAt
    };
    const settled = judgement.tests - judgement.pendingTests;
    const timeoutFails = judged.outcome === 'timed-out';
    const title = timedOut
        ? timeoutDescription(settled, judgement.tests)
        : finalDescription(judgement, judged.compared);
    // Only a run judged whole is a baseline for later runs.
    const record = timedOut || judgement.result === 'none'
        ? undefined
        : encodeRecord(recordOf(judgement, {
            key: config.commentKey,
            sha: context.sha,
            at: generatedAt,
            scope: measuredScope(config)
        }));
    return {
        comment: () => renderReport(reportInput, { maxLength: COMMENT_MAX_LENGTH, target: 'comment' }),
        summary: renderReport(reportInput, { maxLength: SUMMARY_MAX_BYTES, target: 'summary' }),
        report: buildJsonReport({
            judgement,
            scope: {
                windowStart: scope.windowStart,
                windowSource: scope.windowSource,
                runIds: config.runIds,
                taskIds: config.taskIds,
                evalDefinitionIds: config.evalDefinitionIds,
                experimentVariantIds: config.experimentVariantIds,
                runTypes: config.runTypes,
                minTests: config.minTests
            },
            verdict,
            timedOut,
            generatedAt,
            repository: { owner: context.owner, name: context.repo },
            sha: context.sha,
            prNumber: pr.number,
            runId: context.runId,
            runAttempt: context.runAttempt,
            runUrl: context.runUrl,
            issue,
            dryRun: config.dryRun,
            ...(judged.compared ? { compared: judged.compared } : {}),
            ...(judged.tests?.tests ? { tests: judged.tests.tests } : {})
        }),
        check: {
            state: verdict.gate === 'pass' ? 'success' : timeoutFails ? 'error' : 'failure',
            conclusion: verdict.gate === 'fail'
                ? timeoutFails
                    ? 'timed_out'
                    : 'failure'
                : judgement.result === 'none'
                    ? 'neutral'
                    : 'success',
            title,
            summary: () => renderReport(reportInput, { maxLength: CHECK_RUN_MAX_LENGTH, target: 'check-run' }),
            ...(record ? { text: record } : {})
        }
    };
}

;// CONCATENATED MODULE: ./src/pipeline/scope.ts

/** Step 2: trigger the tasks and record the annotation (unless dry-run), then fix which tests count. */
async function prepareScope(deps, startedAt) {
    return buildScope(deps.config, await resolveRunWindow(deps, startedAt));
}
/** The window's start: `since`, else the trigger time, else the workflow run's creation, else an hour ago. */
async function resolveRunWindow(deps, startedAt) {
    const { config, log } = deps;
    let triggeredAt;
    if (config.trigger) {
        if (config.dryRun) {
            log.info(`Dry run: would trigger ${config.taskIds.length} Avido task(s).`);
        }
        else {
            triggeredAt = deps.now();
            await deps.avido.triggerTasks(config.taskIds);
            log.info(`Triggered ${config.taskIds.length} Avido task(s).`);
        }
    }
    if (config.annotationTitle) {
        if (config.dryRun) {
            log.info(`Dry run: would record the Avido annotation "${config.annotationTitle}".`);
        }
        else {
            const annotation = await deps.avido.createAnnotation({
                title: config.annotationTitle,
                description: annotationDescription(deps.context)
            });
            log.info(`Recorded Avido annotation ${annotation.id}.`);
        }
    }
    let workflowRunCreatedAt;
    if (!config.since && triggeredAt === undefined) {
        workflowRunCreatedAt =
            deps.context.triggeringRun?.createdAt ?? (await deps.github?.workflowRunCreatedAt());
    }
    const window = resolveWindow({
        since: config.since,
        triggeredAt,
        workflowRunCreatedAt,
        startedAt
    });
    if (window.source === 'fallback') {
        log.warning('Could not read when this workflow run was created, so the gate counts tests created in the last hour. ' +
            'Grant `actions: read` to the job (or set `since`) for an exact window.', 'Avido test gate: window');
    }
    log.info(`Counting tests created at or after ${window.start} (${describeSource(window, deps.context.triggeringRun !== undefined)}).`);
    return window;
}
function describeSource(window, triggeringRun) {
    switch (window.source) {
        case 'since':
            return 'from the since input';
        case 'trigger':
            return 'the trigger time less 5 s of clock skew';
        case 'workflow-run':
            return triggeringRun
                ? 'the creation time of the workflow run that triggered this one'
                : "this workflow run's creation time";
        case 'fallback':
            return 'one hour before the gate started';
    }
}
function annotationDescription(context) {
    const parts = [`Commit ${context.sha} of ${context.owner}/${context.repo}`];
    if (context.prNumber !== undefined)
        parts.push(`pull request #${context.prNumber}`);
    if (context.runUrl)
        parts.push(`workflow run ${context.runUrl}`);
    return `${parts.join(', ')}.`;
}

// EXTERNAL MODULE: ./src/render/aborted.ts
var aborted = __webpack_require__(8159);
;// CONCATENATED MODULE: ./src/pipeline/status-check.ts


/** The refresh rate of the status check's progress while the gate waits. */
const PROGRESS_EVERY_MS = 30_000;
/**
 * The status check on the head commit, as a check run, a commit status, or both (`status-check`): opened
 * when the gate starts (`in_progress` / `pending`), given progress at most every 30 s, and closed exactly
 * once with the verdict. `abort` closes it when anything fails, so a check never stays pending.
 */
class StatusCheck {
    deps;
    opened = false;
    closed = false;
    lastProgressAt = 0;
    checkRun;
    constructor(deps) {
        this.deps = deps;
    }
    /** The check run, once created. */
    get run() {
        return this.checkRun;
    }
    get writable() {
        return this.deps.github !== undefined && !this.deps.config.dryRun;
    }
    async open() {
        if (!this.writable)
            return;
        const { config, github, context } = this.deps;
        this.opened = true;
        this.lastProgressAt = this.deps.now();
        const title = 'Waiting for Avido test results';
        if (config.statusCheck.checkRun) {
            const created = await github?.createCheckRun(config.statusContext, {
                status: 'in_progress',
                startedAt: new Date(this.deps.now()).toISOString(),
                ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
                output: { title, summary: 'The gate is waiting for the Avido run to settle.' }
            });
            if (created)
                this.checkRun = { id: created.id, url: created.htmlUrl };
        }
        if (config.statusCheck.commitStatus)
            await this.postStatus('pending', title);
    }
    async progress(settled, matched) {
        if (!this.opened || this.closed)
            return;
        if (this.deps.now() - this.lastProgressAt < PROGRESS_EVERY_MS)
            return;
        this.lastProgressAt = this.deps.now();
        const title = pendingDescription(settled, matched);
        if (this.checkRun) {
            await this.deps.github?.updateCheckRun(this.checkRun.id, {
                output: { title, summary: `${title}.` }
            });
        }
        if (this.deps.config.statusCheck.commitStatus)
            await this.postStatus('pending', title);
    }
    async close(final) {
        if (!this.opened || this.closed)
            return;
        this.closed = true;
        if (this.checkRun) {
            await this.deps.github?.updateCheckRun(this.checkRun.id, {
                status: 'completed',
                conclusion: final.conclusion,
                completedAt: new Date(this.deps.now()).toISOString(),
                output: {
                    title: final.title,
                    summary: final.summary?.() ?? final.title,
                    ...(final.text ? { text: final.text } : {})
                }
            });
        }
        if (this.deps.config.statusCheck.commitStatus)
            await this.postStatus(final.state, final.title);
    }
    /** Closes a check that was opened and not yet closed, saying what went wrong. */
    async abort(reason) {
        const title = errorDescription(reason);
        await this.close({
            state: 'error',
            conclusion: 'failure',
            title,
            summary: () => (0,aborted/* abortedSummary */.u)(reason)
        });
    }
    async postStatus(state, description) {
        await this.deps.github?.postStatus({ state, description, context: this.deps.config.statusContext });
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run-gate.ts












/** However the time went, the final comment and status check get this long to be written. */
const DELIVERY_GRACE_MS = 3_000;
/**
 * The gate, step by step. It is the one place that talks to both Avido and GitHub, and it never throws:
 * whatever happens ends in one outcome, and a status check it opened is always closed.
 */
async function runGate(deps) {
    const { config, log } = deps;
    const check = new StatusCheck(deps);
    const startedAt = deps.now();
    // Triggering, annotating and GitHub's calls come out of the same time allowance as the wait.
    const deadline = startedAt + config.timeoutMs;
    deps.setDeadline(deadline);
    const forDelivery = () => deps.setDeadline(Math.max(deadline, deps.now() + DELIVERY_GRACE_MS));
    let spooled;
    try {
        await check.open();
        const pr = await log.group('1. Pull request', () => findPullRequest(deps));
        const scope = await log.group('2. Scope', () => prepareScope(deps, startedAt));
        // The baseline is looked up while the run is waited for, so it adds nothing once the run has settled.
        const baseline = findBaseline(deps, scope);
        const waited = await log.group('3. Waiting for Avido', () => waitForTests(deps, scope, check, deadline));
        spooled = waited.tests;
        const judged = await log.group('4. Judging', async () => {
            const { baseline: found, problem } = await baseline;
            if (problem)
                log.warning(problem, 'Avido test gate: baseline');
            return judgeWaitedRun(deps, waited, found);
        });
        const issue = await log.group('5. Avido issue', () => reportIssue(deps, judged, pr));
        const rendered = renderRun(deps, judged, pr, issue, scope);
        forDelivery();
        const delivered = await log.group('6. Report', () => deliver(deps, rendered, judged, pr, check));
        const outputs = (0,render_outputs/* buildOutputs */.J)(judged.judgement, {
            issueId: issue?.id || undefined,
            commentId: delivered.comment?.id,
            commentUrl: delivered.comment?.url,
            checkRun: check.run,
            reportPath: deps.reportPath,
            gate: judged.verdict.gate,
            compared: judged.compared
        });
        return {
            verdict: judged.outcome,
            reason: judged.failure ?? judged.verdict.reason,
            outputs,
            summary: rendered.summary,
            report: rendered.report,
            reportTests: waited.tests
        };
    }
    catch (error) {
        const reason = (0,pipeline_outcome/* describeFault */.Q)(error);
        log.debug(error instanceof Error && error.stack ? error.stack : reason);
        if (spooled?.file)
            (0,external_node_fs_.rmSync)(spooled.file, { force: true });
        forDelivery();
        await check.abort(reason).catch(() => undefined);
        return (0,pipeline_outcome/* abortedOutcome */.o)(reason, {
            'check-run-id': check.run ? String(check.run.id) : '',
            'check-run-url': check.run?.url ?? ''
        });
    }
}

;// CONCATENATED MODULE: ./src/pipeline/write-json-report.ts





const COPY_CHUNK = 65_536;
/**
 * Writes what `JSON.stringify(report, null, 2)` would, with the tests given in `spooled` (else those of the
 * report) laid out in a buffer written as it fills, or copied from the spool's file in small chunks: a run of
 * 10,000 tests never becomes one 8 MB string, which would be the largest part of the action's peak memory.
 */
async function writeJsonReport(path, report, spooled) {
    if (spooled?.fault !== undefined)
        throw spooled.fault;
    const { tests: kept, ...head } = report;
    const count = spooled?.count ?? kept.length;
    const opening = JSON.stringify({ ...head, tests: [] }, null, 2);
    const file = await (0,promises_.open)(path, 'w');
    try {
        if (count === 0)
            return void (await file.write(opening));
        await file.write(`${opening.slice(0, -'[]\n}'.length)}[\n`);
        if (spooled?.tests)
            writeTests(file, spooled.tests, reportTest);
        else if (spooled?.file)
            await copyFile(file, spooled.file);
        else
            writeTests(file, kept, test => test);
        await file.write('\n  ]\n}');
    }
    finally {
        await file.close();
    }
}
/** The tests as the report lists them, laid out in a buffer written to the file as it fills. */
function writeTests(file, tests, toValue) {
    const writer = new IndentedJsonWriter(bytes => void (0,external_node_fs_.writeSync)(file.fd, bytes));
    tests.forEach((test, index) => writeTestsItem(writer, toValue(test), index));
    writer.flush();
}
async function copyFile(file, from) {
    const source = await (0,promises_.open)(from, 'r');
    try {
        const buffer = Buffer.allocUnsafe(COPY_CHUNK);
        for (;;) {
            const { bytesRead } = await source.read(buffer, 0, COPY_CHUNK, null);
            if (bytesRead === 0)
                break;
            await file.write(buffer, 0, bytesRead);
        }
    }
    finally {
        await source.close();
    }
}

// EXTERNAL MODULE: ./src/main/runner-commands.ts
var runner_commands = __webpack_require__(7518);
;// CONCATENATED MODULE: ./src/main/step.ts
// First: it sets the V8 memory flags, which apply to what is compiled and allocated after them.














const GITHUB_REQUEST_TIMEOUT_MS = 30_000;
/** The action's log; every line is redacted, since a server may echo a secret in what it answers. */
function runnerLog(redact) {
    return {
        info: message => (0,runner_commands/* info */.pq)(redact(message)),
        debug: message => (0,runner_commands/* debug */.Yz)(redact(message)),
        warning: (message, title) => (0,runner_commands/* warning */.$e)(redact(message), title),
        group: runner_commands/* group */.Os
    };
}
/** Wires the Avido and GitHub clients to the gate, and turns its outcome into the step's. */
async function runValidStep({ config, context, secrets }) {
    const redact = (0,shared_redact/* redactor */.$p)(secrets);
    const log = runnerLog(redact);
    const reportPath = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'avido-test-gate', 'report.json');
    const outcome = await gate(config, context, secrets, log, reportPath);
    try {
        if (outcome.report) {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(reportPath), { recursive: true });
            await writeJsonReport(reportPath, outcome.report, outcome.reportTests);
        }
    }
    catch (error) {
        log.warning(`Could not write the JSON report to ${reportPath}: ${(0,pipeline_outcome/* describeFault */.Q)(error)}`, 'Avido test gate');
        outcome.outputs['report-path'] = '';
    }
    finally {
        if (outcome.reportTests?.file)
            await (0,promises_.rm)(outcome.reportTests.file, { force: true });
    }
    for (const [name, value] of Object.entries(outcome.outputs))
        (0,runner_commands/* setOutput */.uH)(name, value);
    await (0,runner_commands/* appendSummary */.fe)(redact(outcome.summary));
    if (outcome.verdict !== 'passed')
        (0,runner_commands/* setFailed */.C1)(redact(outcome.reason));
}
/** The clients and the gate: one outcome, whatever fails on the way. */
async function gate(config, context, secrets, log, reportPath) {
    try {
        let deadline = Date.now() + config.timeoutMs;
        const avido = new AvidoClient({
            baseUrl: config.baseUrl,
            apiKey: config.apiKey,
            applicationId: config.applicationId,
            otherSecrets: secrets,
            debug: log.debug
        });
        const github = config.githubToken
            ? new GitHubReporter(createOctokit({
                token: config.githubToken,
                apiUrl: context.apiUrl,
                requestTimeoutMs: Math.min(GITHUB_REQUEST_TIMEOUT_MS, config.timeoutMs),
                // GitHub's calls, retries included, come out of the gate's one time allowance.
                deadline: () => deadline,
                log: { debug: log.debug, warn: log.debug }
            }), context, log)
            : undefined;
        try {
            return await runGate({
                config,
                context,
                avido,
                github,
                log,
                now: Date.now,
                sleep: external_node_timers_promises_.setTimeout,
                reportPath,
                // The report's tests are written beside it as they are judged, and copied into it at the end.
                spoolTests: () => fileSpool((0,external_node_path_.join)((0,external_node_path_.dirname)(reportPath), `report-tests-${process.pid}.part`)),
                setDeadline: end => {
                    deadline = end;
                    avido.setDeadline(end);
                }
            });
        }
        finally {
            await avido.close();
        }
    }
    catch (error) {
        // The gate reports its own faults; one that escapes it (or a client that cannot be made) sets no output.
        return { ...(0,pipeline_outcome/* abortedOutcome */.o)((0,pipeline_outcome/* describeFault */.Q)(error)), outputs: {} };
    }
}


/***/ }),

/***/ 4077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_4__);
// Node's own modules that the step loads, loaded here before the flags are set: Node compiles its
// modules afresh, without their code cache, once the flags have changed. (undici, used only behind a proxy,
// loads more of them after.)





// Memory settings for large runs: they change heuristics of V8's collector and compilers, never behaviour.
// main/step.ts imports it first, once the inputs are valid; it must also be evaluated before undici, which
// compiles its WebAssembly HTTP parser as it loads (http/load.ts loads it first). `npm run bench` shows their
// effect on the peak memory of large runs.
const FLAGS = [
    // The young generation keeps its first size. Grown (up to 2 × 32 MiB) it would stay mostly empty.
    '--semi-space-growth-factor=1',
    // The old generation may grow by 30 % between full collections, not by V8's up to fourfold: each page of
    // tests is garbage once judged, and is collected before it piles up.
    '--heap-growing-percent=30',
    // Behind a proxy, undici's WebAssembly HTTP parser stays on the baseline compiler. Optimising it takes
    // about 10 MiB that is never given back, and parsing headers is not what a run waits for.
    '--liftoff-only',
    '--no-wasm-tier-up',
    '--no-wasm-dynamic-tiering'
];
for (const flag of FLAGS)
    (0,node_v8__WEBPACK_IMPORTED_MODULE_4__.setFlagsFromString)(flag);


/***/ })

};
