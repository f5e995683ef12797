import { avidoFailure as failure } from '../support/avido-failure.js'
import { useEmulatorClients } from '../support/fake-clock-client.js'
import { startProxy, type LocalProxy } from '../reliability/local-proxy.js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { Agent } from 'undici'
import type { HttpSender } from '../../src/http/node-http.js'
import { startAvidoEmulator } from '../../emulators/avido/index.js'

// Transport behaviour against the Avido emulator's fault injection: headers, redirects, secrets in
// answers, x-should-retry, slow and oversized bodies, resets, and which requests may be sent twice.

const KEY = 'avido_prod_SECRET_key_123'
const APP = 'app-42'
const START = Date.UTC(2025, 0, 1)

const { emu, setup: made, calls } = useEmulatorClients(KEY, APP, START)
type Setup = (extra?: Parameters<typeof made>[0]) => ReturnType<typeof made>

// Node's own http/https carry the calls; undici carries them when a proxy is set. Both are held to the same
// behaviour.
const SENDERS: [string, Setup][] = [
  ['Node http', (extra = {}) => made({ sender: undefined, ...extra })],
  ['undici', (extra = {}) => made({ sender: new Agent() as unknown as HttpSender, ...extra })]
]
const setup: Setup = (extra = {}) => made({ sender: undefined, ...extra })

describe.each(SENDERS)('Avido transport over %s', (_name, setup) => {
  it('tolerates a trailing slash in the base URL and sends JSON with both auth headers', async () => {
    const { client } = setup({ baseUrl: `${emu().url}//` })
    await client.createIssue({ title: 'Gate', source: 'TEST', priority: 'HIGH' })
    const [sent] = emu().requests
    expect(emu().requests).toHaveLength(1)
    expect(sent?.path).toBe('/v0/issues')
    expect(sent?.headers).toMatchObject({
      'x-api-key': KEY,
      'x-application-id': APP,
      accept: 'application/json',
      'content-type': 'application/json'
    })
    expect(sent?.body).toEqual({ title: 'Gate', source: 'TEST', priority: 'HIGH' })
  })

  it('does not follow redirects (the key would travel with them)', async () => {
    const location = { location: 'http://example.invalid/steal' }
    emu().inject('GET /v0/tests', { kind: 'status', status: 302, headers: location, body: '' })
    const error = await failure(setup().client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 302 Found')
    expect(emu().requests).toHaveLength(1)
  })

  it('keeps the key out of messages, properties and debug lines even when the server echoes it', async () => {
    emu().inject('GET /v0/tests', {
      kind: 'status',
      status: 401,
      body: { message: `Invalid API key ${KEY}` }
    })
    const { client, lines } = setup()
    const error = await failure(client.countTests({}))
    expect(error.status).toBe(401)
    expect(error.avidoMessage).toBe('Invalid API key ***')
    const everything =
      JSON.stringify({ ...error, message: error.message, stack: error.stack }) + lines.join('\n')
    expect(everything).not.toContain(KEY)
    expect(lines.join('\n')).not.toMatch(/x-api-key|x-application-id/i)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^avido GET \/v0\/tests\?limit=1&passRateStatuses=success,warning,error → 401 \(\d+ ms, attempt 1\)$/
    )
  })

  it('honours x-should-retry on an answer that is normally final, and false on one that is not', async () => {
    const retry = { 'x-should-retry': 'true' }
    emu().inject('GET /v0/tests', { kind: 'status', status: 400, headers: retry, body: { message: 'again' } })
    const { client, slept } = setup()
    expect(await client.countTests({})).toBe(0)
    expect(slept).toEqual([500])

    const final = { 'x-should-retry': 'false' }
    emu().inject('GET /v0/tests', { kind: 'status', status: 503, headers: final, body: { message: 'down' } })
    const error = await failure(client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 503: down')
  })

  it('times out a body that arrives too slowly, then retries', async () => {
    emu().seed.tests(2)
    emu().inject('GET /v0/tests', { kind: 'slowBody', ms: 2_000 })
    const { client } = setup({ requestTimeoutMs: 300 })
    expect(await client.countTests({})).toBe(2)
    expect(calls('GET', '/v0/tests')).toHaveLength(2)
  })

  it('stops reading a streamed body past the size cap, and does not retry', async () => {
    emu().inject('GET /v0/tests', { kind: 'oversize', bytes: 13 * 1024 * 1024 }, { times: Infinity })
    const error = await failure(setup({ maxResponseBytes: 256 * 1024 }).client.countTests({}))
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe(
      'Avido GET /v0/tests sent a response larger than the 0.3 MiB limit; reading stopped'
    )
    expect(emu().requests).toHaveLength(1)
  })

  it('retries a GET whose connection was reset', async () => {
    emu().inject('GET /v0/tests', { kind: 'reset' }, { times: 2 })
    const { client, slept } = setup()
    await client.countTests({})
    expect(calls('GET', '/v0/tests')).toHaveLength(3)
    expect(slept).toEqual([500, 1000])
  })

  it('gives up after maxRetries with the cause and the attempts in the message', async () => {
    emu().inject('GET /v0/issues', { kind: 'reset' }, { times: Infinity })
    const error = await failure(setup({ maxRetries: 2 }).client.listIssues())
    expect(error.message).toBe('Avido GET /v0/issues could not be reached: connection reset (3 attempts)')
    expect(error.kind).toBe('network')
  })
})

/** A client that read once and was closed: a request still to come is refused, and nothing more is sent. */
async function expectClosedClientRefuses(): Promise<void> {
  emu().seed.tests(2)
  const { client } = setup()
  expect(await client.countTests({})).toBe(2)
  await client.close()
  await expect(client.countTests({})).rejects.toThrow('The HTTP client is closed')
  expect(emu().requests).toHaveLength(1)
}

describe('closing', () => {
  it('refuses, once closed, a request still to come (a sibling page reader), and sends nothing', () =>
    expectClosedClientRefuses())
})

describe.each(SENDERS)(
  'unsafe requests (trigger, create) over %s after an ambiguous failure',
  (_name, setup) => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>'
    it.each([
      ['a reset after the request was sent', { kind: 'reset' } as const, 'network'],
      ['a 500', { kind: 'status', status: 500, body: { message: 'oops' } } as const, 'http'],
      ['an HTML 502 page', { kind: 'status', status: 502, body: html } as const, 'http'],
      ['a 503 without Retry-After', { kind: 'status', status: 503 } as const, 'http'],
      ['malformed JSON on 2xx', { kind: 'malformed' } as const, 'schema'],
      ['a non-JSON body on 2xx', { kind: 'malformed', body: 'OK' } as const, 'schema']
    ])('are not repeated after %s', async (_name, fault, kind) => {
      emu().inject('POST /v0/issues', fault, { times: Infinity })
      const error = await failure(setup().client.createIssue({ title: 'Gate', source: 'TEST' }))
      expect(error.kind).toBe(kind)
      expect(emu().requests).toHaveLength(1)
    })

    it('are not repeated after a timeout', async () => {
      emu().inject('POST /v0/tasks/trigger', { kind: 'hang' })
      const error = await failure(setup({ requestTimeoutMs: 150 }).client.triggerTasks(['t1']))
      expect(error.kind).toBe('timeout')
      expect(error.message).toBe('Avido POST /v0/tasks/trigger did not answer within 0.2 s (1 attempt)')
      expect(emu().requests).toHaveLength(1)
    })

    it.each([
      ['429', { 'retry-after': '2' }, 429, [2000]],
      ['429 without a wait', {}, 429, [500]],
      ['503 with Retry-After', { 'retry-after': '1' }, 503, [1000]],
      ['503 with retry-after-ms', { 'retry-after-ms': '40' }, 503, [40]],
      ['500 with x-should-retry: true', { 'x-should-retry': 'true' }, 500, [500]]
    ])('are repeated after %s, which proves nothing was done', async (_name, headers, status, waits) => {
      const tasks = [emu().seed.task().id, emu().seed.task().id]
      emu().inject('POST /v0/tasks/trigger', { kind: 'status', status, headers, body: { message: 'busy' } })
      const { client, slept } = setup()
      await client.triggerTasks(tasks)
      expect(calls('POST', '/v0/tasks/trigger').map(r => r.body)).toEqual([
        { taskIds: tasks },
        { taskIds: tasks }
      ])
      expect(emu().triggers).toHaveLength(1)
      expect(slept).toEqual(waits)
    })

    it('are repeated when the connection was refused (nothing was sent)', async () => {
      const gone = await startAvidoEmulator()
      await gone.close()
      const { client, slept } = setup({ baseUrl: gone.url, maxRetries: 2 })
      const error = await failure(client.triggerTasks(['t1']))
      expect(error.message).toBe(
        'Avido POST /v0/tasks/trigger could not be reached: connection refused (3 attempts)'
      )
      expect(slept).toHaveLength(2)
    })
  }
)

describe('proxy environment variables', () => {
  const saved = { ...process.env }
  let proxy: LocalProxy

  beforeAll(async () => {
    proxy = await startProxy()
  })

  afterEach(() => {
    proxy.seen.length = 0
    for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  afterAll(() => proxy.close())

  it('sends Avido calls through HTTP_PROXY when no sender is given', async () => {
    delete process.env.NO_PROXY
    delete process.env.no_proxy
    process.env.HTTP_PROXY = proxy.url
    emu().seed.tests(7)
    expect(await setup().client.countTests({})).toBe(7)
    expect(proxy.seen).toHaveLength(1)
    expect(proxy.seen[0]).toContain(new URL(emu().url).host)
    expect(emu().requests[0]?.headers['x-api-key']).toBe(KEY)
  })

  it('refuses, once closed, a request still to come, and sends nothing', async () => {
    process.env.HTTP_PROXY = proxy.url
    await expectClosedClientRefuses()
  })

  it('goes direct for hosts in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url
    process.env.NO_PROXY = '127.0.0.1'
    emu().seed.tests(3)
    expect(await setup().client.countTests({})).toBe(3)
    expect(proxy.seen).toEqual([])
  })
})
