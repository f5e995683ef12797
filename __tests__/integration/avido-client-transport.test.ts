import { avidoFailure as failure } from '../support/avido-failure.js'
import { fakeClockClient } from '../support/fake-clock-client.js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { Agent } from 'undici'
import type { AvidoClient } from '../../src/avido/client.js'
import { type AvidoClientOptions } from '../../src/avido/client.js'

// Transport behaviour that needs a server doing exactly one odd thing: a plain loopback server whose
// handler each test sets.

const KEY = 'avido_prod_SECRET_key_123'
const APP = 'app-42'
const ISSUE = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Gate',
  status: 'OPEN',
  source: 'TEST',
  priority: 'HIGH'
}

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}
type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void

let server: Server
let base: string
let handler: Handler
let seen: Seen[] = []
const clients: AvidoClient[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', chunk => (body += chunk))
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      seen.push(entry)
      handler(req, res, entry)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  seen = []
  server.closeAllConnections()
  await Promise.all(clients.splice(0).map(client => client.close()))
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

function client(extra: Partial<AvidoClientOptions> = {}) {
  const options = { baseUrl: base, apiKey: KEY, applicationId: APP, dispatcher: new Agent(), ...extra }
  const made = fakeClockClient(Date.UTC(2025, 0, 1), options)
  clients.push(made.client)
  return made
}

describe('Avido transport against a plain loopback server', () => {
  it('tolerates a trailing slash in the base URL and sends JSON with both auth headers', async () => {
    handler = (_req, res) => json(res, 201, { data: ISSUE })
    const { client: c } = client({ baseUrl: `${base}//` })
    await c.createIssue({ title: 'Gate', source: 'TEST', priority: 'HIGH' })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.url).toBe('/v0/issues')
    expect(seen[0]?.headers).toMatchObject({
      'x-api-key': KEY,
      'x-application-id': APP,
      accept: 'application/json',
      'content-type': 'application/json'
    })
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ title: 'Gate', source: 'TEST', priority: 'HIGH' })
  })

  it('does not follow redirects (the key would travel with them)', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: 'http://example.invalid/steal' })
      res.end()
    }
    const error = await failure(client().client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 302 Found')
    expect(seen).toHaveLength(1)
  })

  it('keeps the key out of messages, properties and debug lines even when the server echoes it', async () => {
    handler = (req, res) => json(res, 401, { message: `Invalid API key ${req.headers['x-api-key']}` })
    const { client: c, lines } = client()
    const error = await failure(c.listTests({}))
    expect(error.status).toBe(401)
    expect(error.avidoMessage).toBe('Invalid API key ***')
    const everything =
      JSON.stringify({ ...error, message: error.message, stack: error.stack }) + lines.join('\n')
    expect(everything).not.toContain(KEY)
    expect(lines.join('\n')).not.toMatch(/x-api-key|x-application-id/i)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^avido GET \/v0\/tests\?passRateStatuses=success,warning,error → 401 \(\d+ ms, attempt 1\)$/
    )
  })

  it('honours x-should-retry on an answer that is normally final, and false on one that is not', async () => {
    let calls = 0
    handler = (_req, res) =>
      ++calls === 1
        ? json(res, 400, { message: 'try again' }, { 'x-should-retry': 'true' })
        : json(res, 200, { data: [], pagination: { total: 0 } })
    const { client: c, slept } = client()
    expect(await c.countTests({})).toBe(0)
    expect(slept).toEqual([500])

    calls = 0
    handler = (_req, res) => json(res, 503, { message: 'down' }, { 'x-should-retry': 'false' })
    const error = await failure(c.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 503: down')
  })

  it('stops reading a chunked body past the size cap', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let sent = 0
      const pump = (): void => {
        while (sent < 200 && res.write(chunk)) sent++
        if (sent < 200 && !res.destroyed) res.once('drain', pump)
      }
      res.on('error', () => undefined)
      pump()
    }
    const error = await failure(client({ maxResponseBytes: 256 * 1024 }).client.listTests({}))
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe(
      'Avido GET /v0/tests sent a response larger than the 0.3 MiB limit; reading stopped'
    )
    expect(seen).toHaveLength(1)
  })

  it('retries a GET whose connection was reset, and counts requests and retries', async () => {
    let calls = 0
    handler = (req, res) =>
      ++calls < 3 ? req.socket.destroy() : json(res, 200, { data: [], pagination: {} })
    const { client: c, slept } = client()
    await c.listTests({})
    expect(c.stats).toEqual({ requests: 3, retries: 2 })
    expect(slept).toEqual([500, 1000])
  })

  it('gives up after maxRetries with the cause and the attempts in the message', async () => {
    handler = req => req.socket.destroy()
    const error = await failure(client({ maxRetries: 2 }).client.getRun('r1'))
    expect(error.message).toBe('Avido GET /v0/runs/r1 could not be reached: connection reset (3 attempts)')
    expect(error.kind).toBe('network')
  })
})

describe('unsafe requests (trigger, create) after an ambiguous failure', () => {
  it.each([
    ['a reset after the request was sent', (req: IncomingMessage) => req.socket.destroy(), 'network'],
    ['a 500', (_req: IncomingMessage, res: ServerResponse) => json(res, 500, { message: 'oops' }), 'http'],
    ['a 502', (_req: IncomingMessage, res: ServerResponse) => json(res, 502, {}), 'http'],
    ['a 503 without Retry-After', (_req: IncomingMessage, res: ServerResponse) => json(res, 503, {}), 'http'],
    ['malformed JSON on 2xx', (_req: IncomingMessage, res: ServerResponse) => res.end('{"data":'), 'schema']
  ])('are not repeated after %s', async (_name, handle, kind) => {
    handler = handle
    const error = await failure(client().client.createIssue({ title: 'Gate', source: 'TEST' }))
    expect(error.kind).toBe(kind)
    expect(seen).toHaveLength(1)
  })

  it('are not repeated after a timeout', async () => {
    handler = () => undefined
    const error = await failure(client({ requestTimeoutMs: 150 }).client.triggerTasks(['t1']))
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('Avido POST /v0/tasks/trigger did not answer within 0.2 s (1 attempt)')
    expect(seen).toHaveLength(1)
  })

  it.each([
    ['429', { 'retry-after': '2' }, 429, [2000]],
    ['429 without a wait', {}, 429, [500]],
    ['503 with Retry-After', { 'retry-after': '1' }, 503, [1000]],
    ['503 with retry-after-ms', { 'retry-after-ms': '40' }, 503, [40]],
    ['500 with x-should-retry: true', { 'x-should-retry': 'true' }, 500, [500]]
  ])('are repeated after %s, which proves nothing was done', async (_name, headers, status, waits) => {
    let calls = 0
    handler = (_req, res) =>
      ++calls === 1 ? json(res, status, { message: 'busy' }, headers) : res.writeHead(204).end()
    const { client: c, slept } = client()
    await c.triggerTasks(['t1', 't2'])
    expect(seen.map(s => s.body)).toEqual([
      JSON.stringify({ taskIds: ['t1', 't2'] }),
      JSON.stringify({ taskIds: ['t1', 't2'] })
    ])
    expect(slept).toEqual(waits)
  })

  it('are repeated when the connection was refused (nothing was sent)', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    const { client: c, slept } = client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2 })
    const error = await failure(c.triggerTasks(['t1']))
    expect(error.message).toBe(
      'Avido POST /v0/tasks/trigger could not be reached: connection refused (3 attempts)'
    )
    expect(slept).toHaveLength(2)
  })
})

describe('proxy environment variables', () => {
  const saved = { ...process.env }
  let proxy: Server
  let tunnels: string[] = []

  beforeAll(async () => {
    proxy = createServer()
    proxy.on('connect', (req, clientSocket, head) => {
      tunnels.push(req.url ?? '')
      const [host, port] = (req.url ?? '').split(':')
      const upstream = connect(Number(port), host, () => {
        clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(clientSocket)
        clientSocket.pipe(upstream)
      })
      upstream.on('error', () => clientSocket.destroy())
      clientSocket.on('error', () => upstream.destroy())
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
  })

  afterEach(() => {
    tunnels = []
    for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  afterAll(async () => {
    proxy.closeAllConnections()
    await new Promise(resolve => proxy.close(resolve))
  })

  const proxyUrl = (): string => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

  it('sends Avido calls through HTTP_PROXY when no dispatcher is given', async () => {
    delete process.env.NO_PROXY
    delete process.env.no_proxy
    process.env.HTTP_PROXY = proxyUrl()
    handler = (_req, res) => json(res, 200, { data: [], pagination: { total: 7 } })
    expect(await client({ dispatcher: undefined }).client.countTests({})).toBe(7)
    expect(tunnels).toEqual([new URL(base).host])
    expect(seen[0]?.headers['x-api-key']).toBe(KEY)
  })

  it('goes direct for hosts in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxyUrl()
    process.env.NO_PROXY = '127.0.0.1'
    handler = (_req, res) => json(res, 200, { data: [], pagination: { total: 3 } })
    expect(await client({ dispatcher: undefined }).client.countTests({})).toBe(3)
    expect(tunnels).toEqual([])
  })
})
