import { normaliseBaseUrl } from './connection.js'
import type { z } from 'zod'
import { issuesText, networkErrorText, statusText, wasNeverSent } from './describe-failure.js'
import { AvidoApiError, attemptsText, cleanServerText, type AvidoErrorKind } from './errors.js'
import { inPlaceCheck } from './in-place-check.js'
import { BodyBuffers, declaredLength, readBodyCapped } from './read-body.js'
import {
  hasServerWait,
  headerValue,
  honouredServerWaitMs,
  retryDelayMs,
  shouldRetryResponse,
  type HeaderSource
} from './retry.js'
import { ErrorResponseSchema } from './schemas.js'
import { proxyAwareSender } from '../http/load.js'
import type { HttpResponse, HttpSender } from '../http/node-http.js'
import { redactor } from '../shared/redact.js'

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_RETRIES = 4
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
/** Error bodies are only read for Avido's `message`. */
const ERROR_BODY_BYTES = 64 * 1024
/** setTimeout fires at once beyond this. */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface TransportOptions {
  baseUrl: string
  apiKey: string
  applicationId: string
  /** Absolute time on `now` (epoch ms) past which no attempt runs and no retry wait ends. */
  deadline?: number
  requestTimeoutMs?: number
  maxRetries?: number
  maxResponseBytes?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Receives one line per attempt: method, path with query, outcome, duration, attempt. Never headers. */
  debug?: (line: string) => void
  /** Defaults to Node's own http/https, or undici through HTTPS_PROXY / HTTP_PROXY (minus NO_PROXY). */
  sender?: HttpSender
  /** Other secrets (the GitHub token) kept out of errors and debug lines, as the key is. */
  otherSecrets?: readonly string[]
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestSpec<T> {
  method: HttpMethod
  /** Path under the base URL, e.g. `/v0/tests`. */
  path: string
  query?: URLSearchParams
  body?: unknown
  /** Shape of the 2xx JSON body; `null` when no body is expected (204). */
  schema: z.ZodType<T> | null
  /**
   * The request does something that must not happen twice (trigger, create). It is retried only after an
   * answer that proves nothing was done: 429, 503 with a Retry-After, `x-should-retry: true`, or a
   * connection that was never made. A timeout or a reset after sending may have landed, so it is final.
   */
  unsafe?: boolean
}

export interface AvidoTransport {
  request<T>(spec: RequestSpec<T>): Promise<T>
  setDeadline(deadline: number | undefined): void
  /** Closes the connection pool when the transport created it. */
  close(): Promise<void>
}

interface Failure {
  kind: AvidoErrorKind
  detail: string
  retryable: boolean
  status?: number
  avidoMessage?: string
  headers?: HeaderSource
}

type Attempt<T> = { ok: true; value: T; status: number } | { ok: false; failure: Failure }

export function createAvidoTransport(options: TransportOptions): AvidoTransport {
  return new Transport(options)
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`
const mebibytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`

class Transport implements AvidoTransport {
  private readonly baseUrl: string
  private readonly headers: Record<string, string>
  private readonly requestTimeoutMs: number
  private readonly maxRetries: number
  private readonly maxResponseBytes: number
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private deadline: number | undefined
  /**
   * Avido's Retry-After (or retry-after-ms) holds every request of this client until then, not only the one
   * it answered: pages read in parallel would otherwise knock again while the server is still refusing.
   */
  private heldUntil = 0
  private sender: HttpSender | undefined
  private readonly ownsSender: boolean
  /** A server could echo the key (or another secret) back; it never leaves this object. */
  private readonly redact: (text: string) => string
  private readonly bodyBuffers = new BodyBuffers()

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl)
    this.headers = {
      'x-api-key': options.apiKey,
      'x-application-id': options.applicationId,
      accept: 'application/json',
      'user-agent': 'avido-test-gate'
    }
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
    this.deadline = options.deadline
    this.sender = options.sender
    this.ownsSender = options.sender === undefined
    this.redact = redactor([options.apiKey, ...(options.otherSecrets ?? [])])
  }

  setDeadline(deadline: number | undefined): void {
    this.deadline = deadline
  }

  async close(): Promise<void> {
    // The closed pool stays in place, so a request still to come (a sibling page reader) is refused, not sent.
    if (this.ownsSender && this.sender) await this.sender.close()
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const query = spec.query?.toString() ?? ''
    const url = `${this.baseUrl}${spec.path}${query ? `?${query}` : ''}`
    const shown = `${spec.method} ${spec.path}${query ? `?${query.replaceAll('%2C', ',')}` : ''}`
    let retries = 0
    for (;;) {
      await this.awaitHold(spec, shown)
      const remaining = this.deadline === undefined ? Infinity : this.deadline - this.now()
      if (remaining <= 0) {
        this.log(`${shown} → not sent: the deadline has passed`)
        throw this.error(spec, {
          kind: 'deadline',
          detail: 'was not sent: the deadline has passed',
          retryable: false
        })
      }
      const started = performance.now()
      const clipped = remaining < this.requestTimeoutMs
      const result = await this.attempt(spec, url, Math.min(this.requestTimeoutMs, remaining), clipped)
      const took = `${Math.round(performance.now() - started)} ms, attempt ${retries + 1}`
      if (result.ok) {
        this.log(`${shown} → ${result.status} (${took})`)
        return result.value
      }
      const { failure } = result
      const outcome = failure.kind === 'http' ? String(failure.status) : failure.detail
      const serverWait = honouredServerWaitMs(failure.headers, this.now())
      if (serverWait !== undefined) this.heldUntil = Math.max(this.heldUntil, this.now() + serverWait)
      if (!failure.retryable || retries >= this.maxRetries) {
        this.log(`${shown} → ${outcome} (${took})`)
        throw this.error(spec, failure, retries + 1)
      }
      const own = retryDelayMs(retries, failure.headers, this.random, this.now())
      const wait = Math.round(Math.max(own, this.heldUntil - this.now()))
      if (this.deadline !== undefined && this.now() + wait >= this.deadline) {
        this.log(`${shown} → ${outcome} (${took}); no retry: a ${wait} ms wait would pass the deadline`)
        throw this.error(
          spec,
          {
            ...failure,
            kind: 'deadline',
            detail: `ran out of time: waiting ${seconds(wait)} to retry would pass the deadline (last: ${failure.detail})`
          },
          retries + 1
        )
      }
      this.log(`${shown} → ${outcome} (${took}); retry in ${wait} ms`)
      await this.sleep(wait)
      retries++
    }
  }

  /** Waits out a hold Avido asked for on any request; fails at once when it ends past the deadline. */
  private async awaitHold(spec: RequestSpec<unknown>, shown: string): Promise<void> {
    for (let wait = this.heldUntil - this.now(); wait > 0; wait = this.heldUntil - this.now()) {
      if (this.deadline !== undefined && this.heldUntil >= this.deadline) {
        this.log(`${shown} → not sent: Avido asked to wait ${wait} ms, past the deadline`)
        throw this.error(spec, {
          kind: 'deadline',
          detail: `was not sent: Avido asked to wait ${seconds(wait)}, which would pass the deadline`,
          retryable: false
        })
      }
      this.log(`${shown} → held ${Math.round(wait)} ms: Avido asked to wait`)
      await this.sleep(Math.round(wait))
    }
  }

  private async attempt<T>(spec: RequestSpec<T>, url: string, timeoutMs: number, clipped: boolean) {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(
      () => {
        timedOut = true
        controller.abort()
      },
      Math.min(timeoutMs, MAX_TIMER_MS)
    )
    this.sender ??= proxyAwareSender()
    try {
      const hasBody = spec.body !== undefined
      const { origin, pathname, search } = new URL(url)
      const response = await this.sender.request({
        origin,
        path: pathname + search,
        method: spec.method,
        headers: hasBody ? { ...this.headers, 'content-type': 'application/json' } : this.headers,
        body: hasBody ? JSON.stringify(spec.body) : undefined,
        signal: controller.signal
      })
      return await this.readResponse(spec, response)
    } catch (error) {
      if (timedOut && clipped)
        return fail('deadline', 'ran out of time: no answer before the deadline', false)
      if (timedOut) return fail('timeout', `did not answer within ${seconds(timeoutMs)}`, !spec.unsafe)
      const retryable = !spec.unsafe || wasNeverSent(error)
      return fail('network', `could not be reached: ${networkErrorText(error)}`, retryable)
    } finally {
      clearTimeout(timer)
    }
  }

  private async readResponse<T>(spec: RequestSpec<T>, response: HttpResponse): Promise<Attempt<T>> {
    const { statusCode: status, headers, body } = response
    if (status < 200 || status >= 300) {
      const read = await readBodyCapped(body, ERROR_BODY_BYTES)
      const avidoMessage = messageOf(read.text)
      const retryable =
        shouldRetryResponse(status, headers) && (!spec.unsafe || this.provesNothingDone(status, headers))
      return fail('http', statusText(status, avidoMessage), retryable, { status, avidoMessage, headers })
    }

    const tooLarge = `sent a response larger than the ${mebibytes(this.maxResponseBytes)} limit; reading stopped`
    const declared = declaredLength(headers['content-length'])
    if (declared !== undefined && declared > this.maxResponseBytes) {
      body.on('error', () => undefined).destroy()
      return fail('too-large', tooLarge, false, { status })
    }
    const read = await readBodyCapped(body, this.maxResponseBytes, this.bodyBuffers)
    if (read.truncated) return fail('too-large', tooLarge, false, { status })
    if (spec.schema === null) return { ok: true, value: undefined as T, status }

    // A 2xx that is not JSON is a server fault; it is retried like a 5xx unless the request did something.
    if (read.text.trim() === '')
      return fail('schema', 'returned an empty body where JSON was expected', !spec.unsafe)
    let data: unknown
    try {
      // Avido's data ends up in comments, summaries, reports and issues: a secret echoed in it goes no further.
      data = JSON.parse(this.redact(read.text))
    } catch {
      const type = cleanServerText(headerValue(headers, 'content-type') ?? 'none', 60)
      const detail = `returned a body that is not valid JSON (content-type ${type}, ${read.text.length} characters)`
      return fail('schema', detail, !spec.unsafe, { status })
    }
    // Most pages already have the documented shape: taken as they are, they are not copied again.
    if (inPlaceCheck(spec.schema)?.(data)) return { ok: true, value: data as T, status }
    const parsed = spec.schema.safeParse(data, { reportInput: true })
    if (!parsed.success) {
      const detail = `returned data that does not match the documented shape: ${issuesText(parsed.error.issues)}`
      return fail('schema', detail, false, { status })
    }
    return { ok: true, value: parsed.data, status }
  }

  private provesNothingDone(status: number, headers: HeaderSource): boolean {
    if (headerValue(headers, 'x-should-retry')?.trim().toLowerCase() === 'true') return true
    return status === 429 || (status === 503 && hasServerWait(headers, this.now()))
  }

  private error(spec: RequestSpec<unknown>, failure: Failure, attempts = 1): AvidoApiError {
    const counted = failure.kind === 'network' || failure.kind === 'timeout' || attempts > 1
    const detail = counted ? `${failure.detail} (${attemptsText(attempts)})` : failure.detail
    return new AvidoApiError({
      kind: failure.kind,
      method: spec.method,
      path: spec.path,
      detail: this.redact(detail),
      status: failure.status,
      avidoMessage: failure.avidoMessage === undefined ? undefined : this.redact(failure.avidoMessage)
    })
  }

  private log(line: string): void {
    this.options.debug?.(`avido ${this.redact(line)}`)
  }
}

function fail(
  kind: AvidoErrorKind,
  detail: string,
  retryable: boolean,
  extra: Pick<Failure, 'status' | 'avidoMessage' | 'headers'> = {}
): { ok: false; failure: Failure } {
  return { ok: false, failure: { kind, detail, retryable, ...extra } }
}

function messageOf(text: string): string | undefined {
  try {
    const parsed = ErrorResponseSchema.safeParse(JSON.parse(text))
    const message = parsed.success ? cleanServerText(parsed.data.message) : ''
    return message || undefined
  } catch {
    return undefined
  }
}
