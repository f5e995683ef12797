import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { TestListResponseSchema, TestResponseSchema } from '../../src/avido/schemas.js'
import { createClock, startAvidoEmulator, type AvidoEmulator } from '../../emulators/avido/index.js'
import { call, listTestsPath } from '../../emulators/avido/testing.js'

let emulator: AvidoEmulator

beforeEach(async () => {
  emulator = await startAvidoEmulator({ clock: createClock({ frozen: true }) })
  emulator.seed.tests(30)
})
afterEach(async () => {
  await emulator.close()
})

const list = (query = '') => call(emulator.url, 'GET', listTestsPath(query))

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise(resolve => setTimeout(resolve, 5))
  expect(condition()).toBe(true)
}

describe('status faults', () => {
  it('answers 429 with retry headers, then normally', async () => {
    emulator.inject('GET /v0/tests', {
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '2', 'retry-after-ms': '1500' }
    })
    const limited = await list()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(limited.headers.get('retry-after-ms')).toBe('1500')
    expect(limited.json).toEqual({ message: 'Injected 429' })
    expect((await list()).status).toBe(200)
  })

  it('serves an HTML 502 page and a JSON body as given', async () => {
    emulator.inject('GET /v0/tests', {
      kind: 'status',
      status: 502,
      body: '<html><body>Bad gateway</body></html>'
    })
    emulator.inject('GET /v0/tests', { kind: 'status', status: 503, body: { message: 'Maintenance' } })
    const html = await list()
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(html.text).toContain('Bad gateway')
    const json = await list()
    expect([json.status, json.json]).toEqual([503, { message: 'Maintenance' }])
  })

  it('consumes faults in order per route, honours times, and leaves other routes alone', async () => {
    emulator.inject('GET /v0/tests', { kind: 'status', status: 500 }, { times: 2 })
    emulator.inject('GET /v0/tests', { kind: 'status', status: 503 })
    const other = await call(emulator.url, 'GET', '/v0/runs')
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await list()).status)
    expect(other.status).toBe(200)
    expect(statuses).toEqual([500, 500, 503, 200])
  })

  it('applies a fault with times: Infinity until cleared, before authentication', async () => {
    emulator.inject('GET /v0/runs', { kind: 'status', status: 503 }, { times: Infinity })
    for (let i = 0; i < 3; i++)
      expect((await call(emulator.url, 'GET', '/v0/runs', { headers: {} })).status).toBe(503)
    emulator.clearFaults()
    expect((await call(emulator.url, 'GET', '/v0/runs')).status).toBe(200)
  })

  it("matches ':id' routes and '*' for every route", async () => {
    const [test] = emulator.seed.tests(1)
    emulator.inject('GET /v0/tests/:id', { kind: 'status', status: 500 })
    expect((await call(emulator.url, 'GET', `/v0/tests/${test?.id}`)).status).toBe(500)
    expect((await call(emulator.url, 'GET', `/v0/tests/${test?.id}`)).status).toBe(200)
    emulator.inject('*', { kind: 'status', status: 502 }, { times: 2 })
    expect(
      (await call(emulator.url, 'POST', '/v0/issues', { body: { title: 't', source: 'API' } })).status
    ).toBe(502)
    expect((await list()).status).toBe(502)
    expect((await list()).status).toBe(200)
  })

  it('rejects unknown routes and list-only faults on other routes', () => {
    expect(() => emulator.inject('GET /v0/test', { kind: 'hang' })).toThrow(/Unknown route/)
    expect(() => emulator.inject('GET /v0/tests/:id', { kind: 'lieTotal' })).toThrow(/list route/)
    expect(() => emulator.inject('GET /v0/tests', { kind: 'hang' }, { times: 0 })).toThrow(/times/)
  })
})

describe('connection faults', () => {
  it('delays an answer by the given milliseconds', async () => {
    emulator.inject('GET /v0/tests', { kind: 'delay', ms: 150 })
    const started = Date.now()
    const res = await list()
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('destroys the socket on reset', async () => {
    emulator.inject('GET /v0/tests', { kind: 'reset' })
    await expect(list()).rejects.toThrow()
    expect((await list()).status).toBe(200)
  })

  it('hangs until close() ends the connection', async () => {
    const hung = await startAvidoEmulator()
    try {
      hung.inject('GET /v0/tests', { kind: 'hang' })
      let settled = false
      const pending = call(hung.url, 'GET', listTestsPath()).finally(() => (settled = true))
      await waitFor(() => hung.requests.length === 1)
      await new Promise(resolve => setTimeout(resolve, 100))
      expect(settled).toBe(false)
      const closing = Date.now()
      await hung.close()
      await expect(pending).rejects.toThrow()
      expect(Date.now() - closing).toBeLessThan(1000)
    } finally {
      await hung.close()
    }
  })

  it('lets close() cut a pending delay short', async () => {
    const slow = await startAvidoEmulator()
    try {
      slow.inject('GET /v0/tests', { kind: 'delay', ms: 60_000 })
      const pending = call(slow.url, 'GET', listTestsPath())
      await waitFor(() => slow.requests.length === 1)
      const closing = Date.now()
      await slow.close()
      await expect(pending).rejects.toThrow()
      expect(Date.now() - closing).toBeLessThan(1000)
    } finally {
      await slow.close()
    }
  })
})

describe('payload faults', () => {
  it('answers 200 with invalid JSON when malformed', async () => {
    emulator.inject('GET /v0/tests', { kind: 'malformed' })
    const res = await list()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(() => JSON.parse(res.text)).toThrow()
  })

  it('breaks the documented shape with a schema fault', async () => {
    const [test] = emulator.seed.tests(1)
    emulator.inject('GET /v0/tests', { kind: 'schema' })
    emulator.inject('GET /v0/tests/:id', { kind: 'schema' })
    emulator.inject('GET /v0/tests', { kind: 'schema', mutate: () => ({ data: [{ id: 1 }] }) })
    const broken = await list()
    expect(broken.status).toBe(200)
    expect(typeof broken.json.data[0].status).toBe('number')
    expect(broken.json.data[0]).not.toHaveProperty('runId')
    expect(TestListResponseSchema.safeParse(broken.json).success).toBe(false)
    const single = await call(emulator.url, 'GET', `/v0/tests/${test?.id}`)
    expect(TestResponseSchema.safeParse(single.json).success).toBe(false)
    expect((await list()).json).toEqual({ data: [{ id: 1 }] })
    expect(TestListResponseSchema.safeParse((await list()).json).success).toBe(true)
  })

  it('lies about pagination.total with lieTotal', async () => {
    emulator.inject('GET /v0/tests', { kind: 'lieTotal' }, { times: Infinity })
    const res = await list('limit=100')
    expect(res.json.data).toHaveLength(30)
    expect(res.json.pagination).toMatchObject({ total: 1_000_000, totalPages: 10_000 })
    emulator.clearFaults()
    emulator.inject('GET /v0/tests', { kind: 'lieTotal', total: 500 })
    expect((await list('limit=100')).json.pagination).toMatchObject({ total: 500, totalPages: 5 })
  })

  it('returns the first page for every skip with repeatPage', async () => {
    const first = (await list('limit=10')).json.data.map((t: { id: string }) => t.id)
    emulator.inject('GET /v0/tests', { kind: 'repeatPage' }, { times: Infinity })
    const second = await list('limit=10&skip=10')
    expect(second.json.data.map((t: { id: string }) => t.id)).toEqual(first)
    expect(second.json.pagination).toMatchObject({ skip: 10, total: 30 })
  })

  it('starts the listing over past `after` with startOver, stating twice as many rows', async () => {
    const first = (await list('limit=10')).json.data.map((t: { id: string }) => t.id)
    emulator.inject('GET /v0/tests', { kind: 'startOver', after: 20 }, { times: Infinity })
    const again = await list('limit=10&skip=20')
    expect(again.json.data.map((t: { id: string }) => t.id)).toEqual(first)
    expect(again.json.pagination).toMatchObject({ skip: 20, total: 40, totalPages: 4 })
  })

  it('streams an oversize body of exactly the asked size', async () => {
    emulator.inject('GET /v0/tests', { kind: 'oversize', bytes: 3_000_000 })
    emulator.inject('GET /v0/tests', { kind: 'oversize', bytes: 50_000, contentLength: true })
    const big = await list()
    expect(big.status).toBe(200)
    expect(Buffer.byteLength(big.text)).toBe(3_000_000)
    expect(big.headers.get('content-length')).toBeNull()
    expect(Array.isArray(JSON.parse(big.text).data)).toBe(true)
    const declared = await list()
    expect(declared.headers.get('content-length')).toBe('50000')
    expect(declared.text).toHaveLength(50_000)
  })

  it('stops streaming when the client gives up', async () => {
    emulator.inject('GET /v0/tests', { kind: 'oversize', bytes: 500_000_000 })
    const controller = new AbortController()
    const res = await fetch(`${emulator.url}${listTestsPath()}`, {
      headers: { 'x-api-key': 'k', 'x-application-id': 'a' },
      signal: controller.signal
    })
    const reader = res.body?.getReader()
    let received = 0
    while (received < 1_000_000) received += (await reader?.read())?.value?.length ?? 0
    controller.abort()
    expect((await list()).status).toBe(200)
  })
})

describe('envelope and body faults', () => {
  it.each([
    ['totalCount', { totalCount: 30 }],
    ['noTotals', { skip: 0, limit: 25 }],
    ['empty', {}],
    ['absent', undefined]
  ] as const)('reshapes the list envelope as %s, rows untouched', async (shape, pagination) => {
    emulator.inject('GET /v0/tests', { kind: 'envelope', shape })
    const res = await list()
    expect(res.json.data).toHaveLength(25)
    expect(res.json.pagination).toEqual(pagination)
    expect('pagination' in res.json).toBe(pagination !== undefined)
    expect((await list()).json.pagination.total).toBe(30)
  })

  it('refuses an envelope fault on a route that is not a list', () => {
    expect(() => emulator.inject('POST /v0/issues', { kind: 'envelope', shape: 'absent' })).toThrow(
      /needs a list route/
    )
  })

  it('sends half the body, then the rest after the delay', async () => {
    emulator.inject('GET /v0/tests', { kind: 'slowBody', ms: 300 })
    const started = Date.now()
    const res = await list()
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(res.json.data).toHaveLength(25)
  })
})
