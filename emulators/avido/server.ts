import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  DEFAULT_LIE_TOTAL,
  MALFORMED_BODY,
  breakSchema,
  oversizeChunks,
  reshapeEnvelope,
  type Fault,
  type FaultQueues
} from './faults.js'
import { matchRoute, routeKey, type Route } from './router.js'
import type { EmulatorState } from './state.js'
import { ApiError, parseQuery, type Query } from './validation.js'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string[]>
  headers: Record<string, string>
  /** Parsed JSON body; the raw text when it was not JSON; undefined when empty. */
  body: unknown
  /** The emulator clock when the request arrived. */
  at: number
}

export interface ServerDeps {
  state: EmulatorState
  routes: Route[]
  faults: FaultQueues
  requests: RecordedRequest[]
  apiKey?: string
  applicationId?: string
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge())
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const flatHeaders = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? '')
    ])
  )

function send(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string | number> = {}
) {
  res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

const sendJson = (
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {}
) =>
  send(res, status, JSON.stringify(payload), {
    'content-type': 'application/json; charset=utf-8',
    ...headers
  })

function authProblem(headers: Record<string, string>, deps: ServerDeps): string | undefined {
  const key = headers['x-api-key'] ?? ''
  const app = headers['x-application-id'] ?? ''
  if (key === '') return 'Missing x-api-key header'
  if (app === '') return 'Missing x-application-id header'
  if (deps.apiKey !== undefined && key !== deps.apiKey) return 'Invalid API key'
  if (deps.applicationId !== undefined && app !== deps.applicationId) return 'Invalid application id'
  return undefined
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise(resolve => {
    if (signal.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

const drained = (res: ServerResponse): Promise<void> =>
  new Promise(resolve => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })

async function streamOversize(
  res: ServerResponse,
  fault: Extract<Fault, { kind: 'oversize' }>
): Promise<void> {
  const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8' }
  if (fault.contentLength) headers['content-length'] = fault.bytes
  res.writeHead(200, headers)
  for (const chunk of oversizeChunks(fault.bytes)) {
    if (res.destroyed) return
    if (!res.write(chunk)) await drained(res)
  }
  if (!res.destroyed) res.end()
}

/** The answer in two halves, `ms` apart: the client has its status and headers long before the body. */
async function sendSlowly(
  res: ServerResponse,
  status: number,
  payload: unknown,
  ms: number,
  signal: AbortSignal
): Promise<void> {
  const text = Buffer.from(JSON.stringify(payload))
  const half = Math.floor(text.length / 2)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': text.length })
  res.write(text.subarray(0, half))
  if ((await sleep(ms, signal)) && !res.destroyed) res.end(text.subarray(half))
}

/** Faults that replace the answer; returns true when the request is done with. */
async function applyLeadingFault(fault: Fault, res: ServerResponse, signal: AbortSignal): Promise<boolean> {
  switch (fault.kind) {
    case 'status': {
      const { body } = fault
      if (body === undefined)
        sendJson(res, fault.status, { message: `Injected ${fault.status}` }, fault.headers)
      else if (typeof body === 'string') {
        const type = body.trimStart().startsWith('<')
          ? 'text/html; charset=utf-8'
          : 'text/plain; charset=utf-8'
        send(res, fault.status, body, { 'content-type': type, ...fault.headers })
      } else sendJson(res, fault.status, body, fault.headers)
      return true
    }
    case 'delay':
      return !(await sleep(fault.ms, signal))
    case 'hang':
      return true
    case 'reset':
      res.socket?.destroy()
      return true
    case 'malformed':
      send(res, 200, fault.body ?? MALFORMED_BODY, { 'content-type': 'application/json; charset=utf-8' })
      return true
    case 'oversize':
      await streamOversize(res, fault)
      return true
    default:
      return false
  }
}

/** Faults that bend a normal 2xx answer. */
function applyTrailingFault(fault: Fault | undefined, payload: unknown, query: Query): unknown {
  if (fault === undefined || typeof payload !== 'object' || payload === null) return payload
  const body = payload as { pagination?: { skip: number; limit: number; total: number; totalPages: number } }
  switch (fault.kind) {
    case 'schema':
      return (fault.mutate ?? breakSchema)(payload)
    case 'lieTotal':
      if (body.pagination) {
        body.pagination.total = fault.total ?? DEFAULT_LIE_TOTAL
        body.pagination.totalPages = Math.ceil(body.pagination.total / body.pagination.limit)
      }
      return body
    case 'repeatPage':
      if (body.pagination) body.pagination.skip = Number(query.skip?.[0] ?? 0) || 0
      return body
    case 'startOver':
      if (body.pagination) {
        body.pagination.skip = Number(query.skip?.[0] ?? 0) || 0
        body.pagination.total = 2 * fault.after
        body.pagination.totalPages = Math.ceil(body.pagination.total / body.pagination.limit)
      }
      return body
    case 'envelope':
      return reshapeEnvelope(body, fault.shape)
    default:
      return payload
  }
}

/** The query a list route answers: the one asked, or the one a paging fault puts in its place. */
function listingQuery(fault: Fault | undefined, query: Query): Query {
  if (fault?.kind === 'repeatPage') return { ...query, skip: ['0'] }
  if (fault?.kind !== 'startOver') return query
  const skip = Number(query.skip?.[0] ?? 0) || 0
  return { ...query, skip: [String(skip % fault.after)] }
}

export function startServer(deps: ServerDeps, host: string, port: number): Promise<RunningServer> {
  const lifetime = new AbortController()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://emulator')
    const raw = await readBody(req)
    let body: unknown
    let invalidJson = false
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        invalidJson = true
        body = raw
      }
    }
    const query = parseQuery(url.searchParams)
    const headers = flatHeaders(req.headers)
    deps.requests.push({ method, path: url.pathname, query, headers, body, at: deps.state.clock.now() })

    const match = matchRoute(deps.routes, method, url.pathname)
    const fault = match ? deps.faults.take(routeKey(match.route)) : undefined
    if (fault && (await applyLeadingFault(fault, res, lifetime.signal))) return

    const problem = authProblem(headers, deps)
    if (problem !== undefined) return sendJson(res, 401, { message: problem })
    if (match === undefined) return sendJson(res, 404, { message: `Not found: ${method} ${url.pathname}` })
    if (invalidJson) return sendJson(res, 400, { message: 'Invalid JSON body' })

    const routeQuery = listingQuery(fault, query)
    const response = match.route.handle({
      params: match.params,
      query: routeQuery,
      body,
      now: deps.state.clock.now()
    })
    if (response.status === 204) {
      res.writeHead(204)
      res.end()
      return
    }
    const payload = response.status < 300 ? applyTrailingFault(fault, response.body, query) : response.body
    if (fault?.kind === 'slowBody')
      return sendSlowly(res, response.status, payload, fault.ms, lifetime.signal)
    sendJson(res, response.status, payload)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (error instanceof ApiError) return sendJson(res, error.status, { message: error.message })
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { message: 'Request body too large' })
      sendJson(res, 500, {
        message: `Emulator error: ${error instanceof Error ? error.message : String(error)}`
      })
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const { port: actual } = server.address() as AddressInfo
      const shownHost = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${shownHost}:${actual}`,
        close: () =>
          new Promise<void>(done => {
            lifetime.abort()
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}
