import { avidoFailure as failure } from '../support/avido-failure.js'
import { useEmulatorClients } from '../support/fake-clock-client.js'
import { describe, expect, it } from '@jest/globals'
import type { AvidoClient } from '../../src/avido/client.js'

// How the client copes with each fault the Avido emulator can play. Waits go through a fake sleep that
// advances a fake clock, so retries cost no real time.

const KEY = 'avido_test_0123456789abcdef'
const APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const START = Date.UTC(2025, 4, 1, 12)

const { emu, setup, calls } = useEmulatorClients(KEY, APP, START)

describe('faults', () => {
  it('waits as a 429 Retry-After asks, then succeeds', async () => {
    emu().seed.tests(2)
    emu().inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '2' } })
    const { client, slept, lines } = setup()
    expect(await client.countTests({})).toBe(2)
    expect(slept).toEqual([2000])
    expect(calls('GET', '/v0/tests')).toHaveLength(2)
    expect(lines[0]).toMatch(/→ 429 \(\d+ ms, attempt 1\); retry in 2000 ms$/)
    expect(lines[1]).toMatch(/→ 200 \(\d+ ms, attempt 2\)$/)
  })

  it('waits as retry-after-ms asks', async () => {
    emu().inject('GET /v0/issues', { kind: 'status', status: 503, headers: { 'retry-after-ms': '150' } })
    const { client, slept } = setup()
    await client.listIssues()
    expect(slept).toEqual([150])
  })

  it('retries a 503 with an HTML body with growing backoff, then names the status only', async () => {
    const html = '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>'
    emu().inject('GET /v0/tests', { kind: 'status', status: 503, body: html }, { times: Infinity })
    const { client, slept } = setup()
    const error = await failure(client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 503 Service Unavailable (5 attempts)')
    expect(error).toMatchObject({ kind: 'http', status: 503 })
    expect(error.avidoMessage).toBeUndefined()
    expect(slept).toEqual([500, 1000, 2000, 4000])
  })

  it('retries after a connection reset', async () => {
    emu().seed.tests(1)
    emu().inject('GET /v0/tests', { kind: 'reset' }, { times: 2 })
    const { client } = setup()
    expect(await client.countTests({})).toBe(1)
    expect(calls('GET', '/v0/tests')).toHaveLength(3)
  })

  it('gives up on a connection that keeps resetting', async () => {
    emu().inject('GET /v0/tests', { kind: 'reset' }, { times: Infinity })
    const error = await failure(setup({ maxRetries: 2 }).client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests could not be reached: connection reset (3 attempts)')
  })

  it('times a hung request out and retries it', async () => {
    emu().seed.tests(4)
    emu().inject('GET /v0/tests', { kind: 'hang' })
    const { client } = setup({ requestTimeoutMs: 200 })
    expect(await client.countTests({})).toBe(4)
    expect(calls('GET', '/v0/tests')).toHaveLength(2)
  })

  it('reports a request that keeps hanging as a timeout', async () => {
    emu().inject('GET /v0/issues', { kind: 'hang' }, { times: Infinity })
    const error = await failure(setup({ requestTimeoutMs: 150, maxRetries: 1 }).client.listIssues())
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('Avido GET /v0/issues did not answer within 0.2 s (2 attempts)')
  })

  it('retries malformed JSON like a server fault, then fails with kind schema', async () => {
    emu().seed.tests(1)
    emu().inject('GET /v0/tests', { kind: 'malformed' })
    const { client } = setup()
    expect(await client.countTests({})).toBe(1)

    emu().inject('GET /v0/tests', { kind: 'malformed' }, { times: Infinity })
    const error = await failure(setup({ maxRetries: 1 }).client.countTests({}))
    expect(error.kind).toBe('schema')
    expect(error.message).toMatch(
      /^Avido GET \/v0\/tests returned a body that is not valid JSON \(content-type application\/json/
    )
    expect(error.message).toMatch(/\(2 attempts\)$/)
  })

  it.each([
    [
      'GET /v0/tests',
      (c: AvidoClient) => c.countTests({}),
      'GET /v0/tests',
      'data[0].status: expected one of PENDING|IN_PROGRESS|COMPLETED|FAILED; data[0].runId: missing (expected string)'
    ],
    [
      'POST /v0/issues',
      (c: AvidoClient) => c.createIssue({ title: 'Gate', source: 'TEST' }),
      'POST /v0/issues',
      'data.status: expected one of OPEN|RESOLVED|REJECTED'
    ]
  ])(
    'names endpoint and field when %s breaks the documented shape, without retrying',
    async (route, call, shown, detail) => {
      emu().seed.tests(1)
      emu().inject(route, { kind: 'schema' })
      const { client } = setup()
      const error = await failure(call(client))
      expect(error.kind).toBe('schema')
      expect(error.message).toContain(`Avido ${shown}`)
      expect(error.message).toContain(`returned data that does not match the documented shape: ${detail}`)
      expect(emu().requests).toHaveLength(1)
    }
  )

  it.each([false, true])(
    'caps an oversize body (Content-Length sent: %s) and does not retry',
    async contentLength => {
      emu().inject(
        'GET /v0/tests',
        { kind: 'oversize', bytes: 3 * 1024 * 1024, contentLength },
        { times: Infinity }
      )
      const { client } = setup({ maxResponseBytes: 1024 * 1024 })
      const error = await failure(client.countTests({}))
      expect(error.kind).toBe('too-large')
      expect(error.message).toBe(
        'Avido GET /v0/tests sent a response larger than the 1 MiB limit; reading stopped'
      )
      expect(emu().requests).toHaveLength(1)
    }
  )
})

describe('a wait Avido asks for holds every request of the client', () => {
  const realTime = { now: Date.now, sleep: (ms: number) => new Promise<void>(r => setTimeout(r, ms)) }
  const arrivals = (): number[] => calls('GET', '/v0/tests').map(request => request.at)

  it('a request in flight beside a 429 retries only once the Retry-After has passed', async () => {
    emu().seed.tests(3)
    emu().inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    // Its own backoff would retry this one after 0.5 s.
    emu().inject('GET /v0/tests', { kind: 'status', status: 503 })
    const { client } = setup(realTime)
    const counts = await Promise.all([client.countTests({}), client.countTests({ status: ['COMPLETED'] })])
    expect(counts).toEqual([3, 3])
    const [limited, ...later] = arrivals()
    expect(later).toHaveLength(3)
    for (const at of later.slice(1)) expect(at - (limited ?? 0)).toBeGreaterThanOrEqual(990)
  })

  it('a request started while the hold lasts is sent only once it has passed', async () => {
    emu().seed.tests(1)
    emu().inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after-ms': '800' } })
    const { client, lines } = setup(realTime)
    const first = client.countTests({})
    await new Promise(resolve => setTimeout(resolve, 150))
    const second = client.countTests({ status: ['COMPLETED'] })
    expect(await Promise.all([first, second])).toEqual([1, 1])
    const [limited, ...later] = arrivals()
    expect(later).toHaveLength(2)
    for (const at of later) expect(at - (limited ?? 0)).toBeGreaterThanOrEqual(790)
    expect(lines.some(line => /status=COMPLETED.* → held \d+ ms: Avido asked to wait$/.test(line))).toBe(true)
  })

  it('holds other routes too, on the fake clock', async () => {
    emu().inject('GET /v0/issues', { kind: 'status', status: 503, headers: { 'retry-after-ms': '700' } })
    const { client, slept } = setup({ maxRetries: 0 })
    expect((await failure(client.listIssues())).status).toBe(503)
    expect(await client.countTests({})).toBe(0)
    expect(slept).toEqual([700])
  })

  it('fails a held request at once, unsent, when the hold ends past the deadline', async () => {
    emu().inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '30' } })
    const { client, slept } = setup({ deadline: START + 10_000 })
    expect((await failure(client.countTests({}))).kind).toBe('deadline')
    const error = await failure(client.listIssues())
    expect(error.kind).toBe('deadline')
    expect(error.message).toBe(
      'Avido GET /v0/issues was not sent: Avido asked to wait 30 s, which would pass the deadline'
    )
    expect(slept).toEqual([])
    expect(emu().requests).toHaveLength(1)
  })
})
