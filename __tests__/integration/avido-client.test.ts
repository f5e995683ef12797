import { avidoFailure as failure } from '../support/avido-failure.js'
import { fakeClockClient } from '../support/fake-clock-client.js'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startAvidoEmulator, type AvidoEmulator, type RecordedRequest } from '../../emulators/avido/index.js'
import type { AvidoClient } from '../../src/avido/client.js'
import { type AvidoClientOptions } from '../../src/avido/client.js'
import { AvidoRequestError } from '../../src/avido/errors.js'

// The client against the Avido emulator over loopback: every endpoint, and each fault the emulator can
// play. Waits go through a fake sleep that advances a fake clock, so retries cost no real time.

const KEY = 'avido_test_0123456789abcdef'
const APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const UNKNOWN_ID = '11111111-2222-4333-8444-555555555555'
const START = Date.UTC(2025, 4, 1, 12)

let emu: AvidoEmulator
const clients: AvidoClient[] = []

beforeAll(async () => {
  emu = await startAvidoEmulator({ apiKey: KEY, applicationId: APP })
})
beforeEach(() => emu.reset())
afterEach(async () => {
  await Promise.all(clients.splice(0).map(client => client.close()))
})
afterAll(() => emu.close())

function setup(extra: Partial<AvidoClientOptions> = {}) {
  const made = fakeClockClient(START, { baseUrl: emu.url, apiKey: KEY, applicationId: APP, ...extra })
  clients.push(made.client)
  return made
}

const calls = (method: string, path: string): RecordedRequest[] =>
  emu.requests.filter(r => r.method === method && r.path === path)

describe('every endpoint', () => {
  it('lists, counts and reads tests with the filters on the wire', async () => {
    const task = emu.seed.task()
    const seeded = emu.seed.tests(3, i => ({ taskId: task.id, passRate: [100, 75, 0][i] }))
    emu.seed.tests(2)
    const { client } = setup()
    const filters = { taskId: [task.id], status: ['COMPLETED' as const], startDate: new Date(0) }

    expect(await client.countTests(filters)).toBe(3)
    const page = await client.listTests(
      { ...filters, passRateStatuses: ['success', 'warning'] },
      { limit: 10 }
    )
    expect(page.data.map(t => t.id).sort()).toEqual(
      seeded
        .slice(0, 2)
        .map(t => t.id)
        .sort()
    )
    const one = await client.getTest(seeded[2]?.id ?? '')
    expect(one).toMatchObject({ id: seeded[2]?.id, taskId: task.id, result: { passRate: 0 } })

    const [count, list] = calls('GET', '/v0/tests')
    expect(count?.query).toEqual({
      limit: ['1'],
      status: ['COMPLETED'],
      startDate: ['1970-01-01T00:00:00.000Z'],
      passRateStatuses: ['success,warning,error'],
      taskId: [task.id]
    })
    expect(list?.query.passRateStatuses).toEqual(['success,warning'])
  })

  it('lists and reads runs', async () => {
    const run = emu.seed.run({ type: 'EXPERIMENT', tests: 2 })
    const { client } = setup()
    const runs = await client.listRuns({ startDate: '2000-01-01T00:00:00Z', orderDir: 'asc', limit: 5 })
    expect(runs.data.map(r => r.id)).toContain(run.id)
    expect(await client.getRun(run.id)).toMatchObject({ id: run.id, type: 'EXPERIMENT' })
  })

  it('triggers tasks (204, no body)', async () => {
    const task = emu.seed.task()
    const { client } = setup()
    await expect(client.triggerTasks([task.id])).resolves.toBeUndefined()
    expect(emu.triggers.map(t => t.taskIds)).toEqual([[task.id]])
    expect(calls('POST', '/v0/tasks/trigger')[0]?.body).toEqual({ taskIds: [task.id] })
  })

  it('creates, lists and finds issues', async () => {
    emu.seed.issue({ title: 'Older', description: 'nothing here' })
    const { client } = setup()
    const issue = await client.createIssue({
      title: 'Test gate: 40.0% pass rate',
      source: 'TEST',
      priority: 'HIGH',
      type: 'BUG',
      description: 'test-gate-key: acme/bot#pr-7'
    })
    expect(issue).toMatchObject({ title: 'Test gate: 40.0% pass rate', status: 'OPEN', priority: 'HIGH' })
    expect(emu.issues).toHaveLength(2)

    const open = await client.listIssues({ status: 'OPEN', source: 'TEST', limit: 100 })
    expect(open.data).toHaveLength(2)
    const found = await client.findIssues({ status: 'OPEN' }, i =>
      Boolean(i.description?.includes('acme/bot#pr-7'))
    )
    expect(found?.id).toBe(issue.id)
    expect(await client.findIssues({ status: 'OPEN' }, () => false)).toBeUndefined()
    expect(calls('GET', '/v0/issues')[0]?.query).toMatchObject({ status: ['OPEN'], source: ['TEST'] })
  })

  it('creates annotations, tasks and human annotations', async () => {
    const { client } = setup()
    const annotation = await client.createAnnotation({
      title: 'Deploy abc123',
      createdAt: '2025-05-01T12:00:00Z'
    })
    expect(annotation).toMatchObject({ title: 'Deploy abc123', createdAt: '2025-05-01T12:00:00.000Z' })
    const task = await client.createTask({
      title: 'Block a card',
      description: 'The user wants to block a card'
    })
    expect(task.title).toBe('Block a card')
    const human = await client.createHumanAnnotation({
      traceId: UNKNOWN_ID,
      verdict: false,
      source: 'TRACE_PAGE',
      critique: 'The answer ignored the question entirely.'
    })
    expect(human).toMatchObject({ traceId: UNKNOWN_ID, verdict: false, source: 'TRACE_PAGE' })
    const queued = await client.createHumanAnnotation({
      traceId: UNKNOWN_ID,
      verdict: true,
      source: 'REVIEW_QUEUE',
      queueItemId: UNKNOWN_ID
    })
    expect(queued.queueItemId).toBe(UNKNOWN_ID)
  })

  it.each([
    [
      { verdict: false, source: 'TRACE_PAGE', critique: 'too short' },
      /critique: needs at least 20 characters/
    ],
    [{ verdict: false, source: 'TRACE_PAGE' }, /critique: needs at least 20 characters/],
    [{ verdict: true, source: 'REVIEW_QUEUE' }, /queueItemId: required when source is REVIEW_QUEUE/],
    [
      { verdict: true, source: 'TEST_PAGE', queueItemId: UNKNOWN_ID },
      /queueItemId: only allowed with source/
    ],
    [{ verdict: true, source: 'ELSEWHERE' }, /source: expected one of REVIEW_QUEUE\|TRACE_PAGE\|TEST_PAGE/]
  ])('refuses a human annotation %j without sending it', async (body, message) => {
    const { client } = setup()
    const sent = client.createHumanAnnotation({ traceId: UNKNOWN_ID, ...body } as never)
    await expect(sent).rejects.toThrow(AvidoRequestError)
    await expect(sent).rejects.toThrow(message)
    expect(emu.requests).toHaveLength(0)
  })

  it('refuses invalid bodies and queries before any request', async () => {
    const { client } = setup()
    await expect(client.createIssue({ title: '', source: 'TEST' })).rejects.toThrow(/title: /)
    await expect(client.triggerTasks([])).rejects.toThrow(/at least one non-empty task id/)
    await expect(client.listTests({ startDate: '2025-01-01T00:00:00+02:00' })).rejects.toThrow(/ending in Z/)
    expect(emu.requests).toHaveLength(0)
  })

  it('sends both auth headers and Accept on every call, and Content-Type only with a body', async () => {
    const task = emu.seed.task()
    const [test] = emu.seed.tests(1)
    const run = emu.seed.run({ tests: 1 })
    const { client } = setup()
    await client.countTests({})
    await client.listAllTests({})
    await client.getTest(test?.id ?? '')
    await client.listRuns()
    await client.getRun(run.id)
    await client.triggerTasks([task.id])
    await client.createIssue({ title: 'x', source: 'API' })
    await client.listIssues()
    await client.createAnnotation({ title: 'a' })
    await client.createTask({ title: 't', description: 'd' })
    await client.createHumanAnnotation({ traceId: UNKNOWN_ID, verdict: true, source: 'TEST_PAGE' })
    expect(emu.requests).toHaveLength(11)
    for (const request of emu.requests) {
      expect(request.headers).toMatchObject({
        'x-api-key': KEY,
        'x-application-id': APP,
        accept: 'application/json'
      })
      expect(request.headers['content-type']).toBe(request.method === 'POST' ? 'application/json' : undefined)
    }
  })
})

describe('listAllTests', () => {
  const inFlightAtOnce = (requests: RecordedRequest[]): number => {
    const times = requests.map(r => r.at).sort((a, b) => a - b)
    return times.filter(t => t - (times[0] ?? 0) < 200).length
  }

  it.each([
    ['after a first page', undefined, 2],
    ['all at once with the expected total', 250, 3]
  ])(
    'reads 250 tests in 3 pages of 100, %s, with pages in flight together',
    async (_name, expectedTotal, together) => {
      emu.seed.tests(250)
      // Each answer takes 300 ms, so requests arriving within 200 ms of each other were in flight together.
      emu.inject('GET /v0/tests', { kind: 'delay', ms: 300 }, { times: Infinity })
      const { client } = setup()
      const tests = await client.listAllTests({ runType: ['MANUAL'] }, { expectedTotal })

      expect(tests).toHaveLength(250)
      expect(new Set(tests.map(t => t.id)).size).toBe(250)
      expect(tests.map(t => t.createdAt)).toEqual([...tests.map(t => t.createdAt)].sort())
      const pages = calls('GET', '/v0/tests')
      expect(pages.map(p => p.query.skip?.[0]).sort()).toEqual(['0', '100', '200'])
      for (const page of pages) {
        expect(page.query).toMatchObject({
          limit: ['100'],
          orderBy: ['createdAt'],
          orderDir: ['asc'],
          runType: ['MANUAL']
        })
      }
      const laterPages = expectedTotal === undefined ? pages.slice(1) : pages
      expect(inFlightAtOnce(laterPages)).toBeGreaterThanOrEqual(together)
      expect(client.stats).toEqual({ requests: 3, retries: 0 })
    }
  )

  it('ends with the rows really present when the total lies', async () => {
    emu.seed.tests(250)
    emu.inject('GET /v0/tests', { kind: 'lieTotal', total: 1000 }, { times: Infinity })
    const { client, lines } = setup()
    const tests = await client.listAllTests({})
    expect(tests).toHaveLength(250)
    expect(calls('GET', '/v0/tests').length).toBeLessThanOrEqual(4 + 4)
    expect(lines.join('\n')).toMatch(/stopped early: page \d+ came back empty although the total is 1000/)
  })

  it('fails clearly when the reported total is beyond the page bound', async () => {
    emu.seed.tests(30)
    emu.inject('GET /v0/tests', { kind: 'lieTotal' }, { times: Infinity })
    const { client } = setup()
    const error = await failure(client.listAllTests({}))
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe(
      'Avido GET /v0/tests lists 1000000 tests, more than the 20000 this client reads; narrow the filters'
    )
    expect(calls('GET', '/v0/tests')).toHaveLength(1)
  })

  it('fails clearly when a page repeats the first', async () => {
    emu.seed.tests(250)
    emu.inject('GET /v0/tests', { kind: 'repeatPage' }, { times: Infinity })
    const { client } = setup()
    const error = await failure(client.listAllTests({}))
    expect(error.kind).toBe('schema')
    expect(error.message).toMatch(/^Avido GET \/v0\/tests sent page [23] with only tests already read/)
    expect(calls('GET', '/v0/tests').length).toBeLessThanOrEqual(3)
  })
})

describe('readTests', () => {
  it('hands each test to select once, in createdAt order, and keeps only what it returns', async () => {
    emu.seed.tests(250)
    const { client } = setup()
    const seen: string[] = []
    const picked = await client.readTests({}, test => {
      seen.push(test.id)
      return seen.length % 2 === 0 ? undefined : { id: test.id, createdAt: test.createdAt }
    })
    expect(new Set(seen).size).toBe(250)
    expect(picked).toHaveLength(125)
    expect(picked.map(p => p.createdAt)).toEqual([...picked.map(p => p.createdAt)].sort())
    expect(Object.keys(picked[0] ?? {})).toEqual(['id', 'createdAt'])
    expect(calls('GET', '/v0/tests')).toHaveLength(3)
  })
})

describe('faults', () => {
  it('waits as a 429 Retry-After asks, then succeeds', async () => {
    emu.seed.tests(2)
    emu.inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '2' } })
    const { client, slept, lines } = setup()
    expect(await client.countTests({})).toBe(2)
    expect(slept).toEqual([2000])
    expect(client.stats).toEqual({ requests: 2, retries: 1 })
    expect(lines[0]).toMatch(/→ 429 \(\d+ ms, attempt 1\); retry in 2000 ms$/)
    expect(lines[1]).toMatch(/→ 200 \(\d+ ms, attempt 2\)$/)
  })

  it('waits as retry-after-ms asks', async () => {
    emu.inject('GET /v0/runs', { kind: 'status', status: 503, headers: { 'retry-after-ms': '150' } })
    const { client, slept } = setup()
    await client.listRuns()
    expect(slept).toEqual([150])
  })

  it('retries a 503 with an HTML body with growing backoff, then names the status only', async () => {
    const html = '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>'
    emu.inject('GET /v0/tests', { kind: 'status', status: 503, body: html }, { times: Infinity })
    const { client, slept } = setup()
    const error = await failure(client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 503 Service Unavailable (5 attempts)')
    expect(error).toMatchObject({ kind: 'http', status: 503 })
    expect(error.avidoMessage).toBeUndefined()
    expect(slept).toEqual([500, 1000, 2000, 4000])
  })

  it('retries after a connection reset', async () => {
    emu.seed.tests(1)
    emu.inject('GET /v0/tests', { kind: 'reset' }, { times: 2 })
    const { client } = setup()
    expect(await client.countTests({})).toBe(1)
    expect(client.stats).toEqual({ requests: 3, retries: 2 })
  })

  it('gives up on a connection that keeps resetting', async () => {
    emu.inject('GET /v0/tests', { kind: 'reset' }, { times: Infinity })
    const error = await failure(setup({ maxRetries: 2 }).client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests could not be reached: connection reset (3 attempts)')
  })

  it('times a hung request out and retries it', async () => {
    emu.seed.tests(4)
    emu.inject('GET /v0/tests', { kind: 'hang' })
    const { client } = setup({ requestTimeoutMs: 200 })
    expect(await client.countTests({})).toBe(4)
    expect(calls('GET', '/v0/tests')).toHaveLength(2)
  })

  it('reports a request that keeps hanging as a timeout', async () => {
    emu.inject('GET /v0/tests/:id', { kind: 'hang' }, { times: Infinity })
    const error = await failure(setup({ requestTimeoutMs: 150, maxRetries: 1 }).client.getTest(UNKNOWN_ID))
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe(`Avido GET /v0/tests/${UNKNOWN_ID} did not answer within 0.2 s (2 attempts)`)
  })

  it('retries malformed JSON like a server fault, then fails with kind schema', async () => {
    emu.seed.tests(1)
    emu.inject('GET /v0/tests', { kind: 'malformed' })
    const { client } = setup()
    expect(await client.countTests({})).toBe(1)

    emu.inject('GET /v0/tests', { kind: 'malformed' }, { times: Infinity })
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
      'GET /v0/tests/:id',
      (c: AvidoClient, id: string) => c.getTest(id),
      'GET /v0/tests/',
      'test.status: expected one of PENDING|IN_PROGRESS|COMPLETED|FAILED; test.runId: missing (expected string)'
    ]
  ])(
    'names endpoint and field when %s breaks the documented shape, without retrying',
    async (route, call, shown, detail) => {
      const [test] = emu.seed.tests(1)
      emu.inject(route, { kind: 'schema' })
      const { client } = setup()
      const error = await failure(call(client, test?.id ?? ''))
      expect(error.kind).toBe('schema')
      expect(error.message).toContain(`Avido ${shown}`)
      expect(error.message).toContain(`returned data that does not match the documented shape: ${detail}`)
      expect(client.stats.requests).toBe(1)
    }
  )

  it.each([false, true])(
    'caps an oversize body (Content-Length sent: %s) and does not retry',
    async contentLength => {
      emu.inject(
        'GET /v0/tests',
        { kind: 'oversize', bytes: 3 * 1024 * 1024, contentLength },
        { times: Infinity }
      )
      const { client } = setup({ maxResponseBytes: 1024 * 1024 })
      const error = await failure(client.listTests({}))
      expect(error.kind).toBe('too-large')
      expect(error.message).toBe(
        'Avido GET /v0/tests sent a response larger than the 1 MiB limit; reading stopped'
      )
      expect(client.stats).toEqual({ requests: 1, retries: 0 })
    }
  )
})

describe('final answers', () => {
  it.each([
    [400, { message: 'Invalid query parameter passRateStatuses' }],
    [403, { message: 'Forbidden for this application' }],
    [404, { message: 'Resource not found' }]
  ])('%i is not retried and carries Avido’s message', async (status, body) => {
    emu.inject('GET /v0/tests', { kind: 'status', status, body })
    const { client, slept } = setup()
    const error = await failure(client.countTests({}))
    expect(error.message).toBe(`Avido GET /v0/tests answered ${status}: ${body.message}`)
    expect(error).toMatchObject({
      kind: 'http',
      status,
      avidoMessage: body.message,
      method: 'GET',
      path: '/v0/tests'
    })
    expect(slept).toEqual([])
    expect(calls('GET', '/v0/tests')).toHaveLength(1)
  })

  it('401 from a wrong key is not retried and never shows the key', async () => {
    const wrongKey = 'avido_prod_wrong_key_987'
    const { client } = setup({ apiKey: wrongKey })
    const error = await failure(client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests answered 401: Invalid API key')
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrongKey)
    expect(emu.requests).toHaveLength(1)
  })

  it('404 from the emulator itself for an unknown test', async () => {
    const error = await failure(setup().client.getTest(UNKNOWN_ID))
    expect(error.status).toBe(404)
    expect(error.message).toMatch(new RegExp(`^Avido GET /v0/tests/${UNKNOWN_ID} answered 404: .+`))
  })

  it('404 for an unknown task on trigger', async () => {
    const error = await failure(setup().client.triggerTasks([UNKNOWN_ID]))
    expect(error.message).toBe('Avido POST /v0/tasks/trigger answered 404: Task not found')
  })
})

describe('deadline', () => {
  it('fails fast instead of sleeping when Retry-After reaches past the deadline', async () => {
    emu.inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '30' } })
    const { client, slept } = setup({ deadline: START + 10_000 })
    const error = await failure(client.countTests({}))
    expect(error.kind).toBe('deadline')
    expect(error.status).toBe(429)
    expect(error.message).toBe(
      'Avido GET /v0/tests ran out of time: waiting 30 s to retry would pass the deadline (last: answered 429: Injected 429)'
    )
    expect(slept).toEqual([])
    expect(emu.requests).toHaveLength(1)
  })

  it('sleeps within the deadline, then stops before a wait would cross it', async () => {
    emu.inject('GET /v0/tests', { kind: 'status', status: 503 }, { times: Infinity })
    const { client, slept, now } = setup({ deadline: START + 2_000 })
    const error = await failure(client.countTests({}))
    expect(error.kind).toBe('deadline')
    expect(slept).toEqual([500, 1000])
    expect(now()).toBeLessThanOrEqual(START + 2_000)
  })

  it('cuts a hung attempt at the deadline', async () => {
    emu.inject('GET /v0/tests', { kind: 'hang' })
    const { client } = setup({ deadline: START + 200 })
    const error = await failure(client.countTests({}))
    expect(error.kind).toBe('deadline')
    expect(error.message).toBe('Avido GET /v0/tests ran out of time: no answer before the deadline')
  })

  it('sends nothing once the deadline has passed, and setDeadline moves it', async () => {
    emu.seed.tests(1)
    const { client } = setup({ deadline: START - 1 })
    const error = await failure(client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests was not sent: the deadline has passed')
    expect(emu.requests).toHaveLength(0)
    client.setDeadline(START + 60_000)
    expect(await client.countTests({})).toBe(1)
  })
})
