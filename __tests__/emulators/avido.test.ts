import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createClock, startAvidoEmulator, type AvidoEmulator } from '../../emulators/avido/index.js'
import { TEST_HEADERS, call, listTestsPath } from '../../emulators/avido/testing.js'

const T0 = Date.parse('2025-03-01T12:00:00.000Z')
const TASK = '11111111-2222-4333-8444-555555555555'
const UNKNOWN = '99999999-8888-4777-a666-555555555555'

let emulator: AvidoEmulator

beforeEach(async () => {
  emulator = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }) })
})
afterEach(async () => {
  await emulator.close()
})

describe('authentication', () => {
  it.each([
    ['no headers', {}, 'x-api-key'],
    ['no application id', { 'x-api-key': 'k' }, 'x-application-id'],
    ['no api key', { 'x-application-id': 'a' }, 'x-api-key'],
    ['empty api key', { 'x-api-key': '', 'x-application-id': 'a' }, 'x-api-key'],
    ['empty application id', { 'x-api-key': 'k', 'x-application-id': '' }, 'x-application-id']
  ])('answers 401 with %s', async (_name, headers, named) => {
    const res = await call(emulator.url, 'GET', listTestsPath(), { headers })
    expect(res.status).toBe(401)
    expect(res.json.message).toContain(named)
  })

  it('accepts any non-empty pair when none is configured', async () => {
    const res = await call(emulator.url, 'GET', listTestsPath(), {
      headers: { 'x-api-key': 'x', 'x-application-id': 'y' }
    })
    expect(res.status).toBe(200)
  })

  it('checks configured values', async () => {
    const strict = await startAvidoEmulator({ apiKey: 'secret', applicationId: 'app-1' })
    try {
      const wrongKey = await call(strict.url, 'GET', listTestsPath(), {
        headers: { 'x-api-key': 'nope', 'x-application-id': 'app-1' }
      })
      const wrongApp = await call(strict.url, 'GET', listTestsPath(), {
        headers: { 'x-api-key': 'secret', 'x-application-id': 'app-2' }
      })
      const right = await call(strict.url, 'GET', listTestsPath(), {
        headers: { 'x-api-key': 'secret', 'x-application-id': 'app-1' }
      })
      expect([wrongKey.status, wrongApp.status, right.status]).toEqual([401, 401, 200])
      expect(wrongKey.json.message).toBe('Invalid API key')
      expect(wrongApp.json.message).toBe('Invalid application id')
    } finally {
      await strict.close()
    }
  })
})

describe('GET /v0/tests query validation', () => {
  const uuidV0 = '123e4567-e89b-02d3-a456-426614174000'
  it.each([
    ['', 'passRateStatuses'],
    ['passRateStatuses=', 'passRateStatuses'],
    ['passRateStatuses=success,great', 'passRateStatuses'],
    ['passRateStatuses=success,,error', 'passRateStatuses'],
    ['passRateStatuses=success&limit=0', 'limit'],
    ['passRateStatuses=success&limit=101', 'limit'],
    ['passRateStatuses=success&limit=abc', 'limit'],
    ['passRateStatuses=success&limit=2.5', 'limit'],
    ['passRateStatuses=success&limit=', 'limit'],
    ['passRateStatuses=success&limit=1&limit=2', 'limit'],
    ['passRateStatuses=success&skip=-1', 'skip'],
    ['passRateStatuses=success&skip=1.5', 'skip'],
    ['passRateStatuses=success&taskId=not-a-uuid', 'taskId'],
    [`passRateStatuses=success&taskId=${TASK},${uuidV0}`, 'taskId'],
    ['passRateStatuses=success&evalDefinitionId=abc', 'evalDefinitionId'],
    ['passRateStatuses=success&experimentVariantId=abc', 'experimentVariantId'],
    ['passRateStatuses=success&startDate=2024-01-01T00:00:00%2B00:00', 'startDate'],
    ['passRateStatuses=success&startDate=2024-01-01', 'startDate'],
    ['passRateStatuses=success&startDate=2024-01-01T00:00:00.000', 'startDate'],
    ['passRateStatuses=success&endDate=2024-02-30T00:00:00Z', 'endDate'],
    ['passRateStatuses=success&endDate=2023-02-29T00:00:00Z', 'endDate'],
    ['passRateStatuses=success&status=DONE', 'status'],
    ['passRateStatuses=success&status=COMPLETED&status=done', 'status'],
    ['passRateStatuses=success&runType=NIGHTLY', 'runType'],
    ['passRateStatuses=success&orderDir=up', 'orderDir'],
    ['passRateStatuses=success&orderBy=title', 'orderBy'],
    [`passRateStatuses=success&tagId=${Array.from({ length: 101 }, (_, i) => `t${i}`).join(',')}`, 'tagId']
  ])('rejects ?%s naming %s', async (query, named) => {
    const res = await call(emulator.url, 'GET', `/v0/tests?${query}`)
    expect(res.status).toBe(400)
    expect(res.json.message).toContain(named)
  })

  it.each([
    'passRateStatuses=success&limit=100&skip=0',
    'passRateStatuses=error&startDate=2024-02-29T00:00:00Z&endDate=2024-12-31T23:59:59.999999Z',
    'passRateStatuses=warning&startDate=2024-01-01T00:00Z',
    'passRateStatuses=success&taskId=00000000-0000-0000-0000-000000000000&tagId=none',
    'passRateStatuses=success&status=PENDING,IN_PROGRESS&runType=MONITORING&orderBy=modifiedAt&orderDir=asc'
  ])('accepts ?%s', async query => {
    expect((await call(emulator.url, 'GET', `/v0/tests?${query}`)).status).toBe(200)
  })

  it('validates the list queries of runs and issues too', async () => {
    const cases: [string, string][] = [
      ['/v0/runs?limit=500', 'limit'],
      ['/v0/runs?orderBy=name', 'orderBy'],
      ['/v0/runs?startDate=yesterday', 'startDate'],
      ['/v0/issues?status=CLOSED', 'status'],
      ['/v0/issues?source=EMAIL', 'source'],
      ['/v0/issues?priority=URGENT', 'priority'],
      ['/v0/issues?type=FEATURE', 'type'],
      ['/v0/issues?skip=-3', 'skip']
    ]
    for (const [path, named] of cases) {
      const res = await call(emulator.url, 'GET', path)
      expect({ path, status: res.status }).toEqual({ path, status: 400 })
      expect(res.json.message).toContain(named)
    }
  })
})

describe('body validation', () => {
  const long = 'The agent answered an unrelated policy question.'
  it.each([
    ['/v0/issues', {}, 'title'],
    ['/v0/issues', { title: '' }, 'title'],
    ['/v0/issues', { title: 'x' }, 'source'],
    ['/v0/issues', { title: 'x', source: 'USER' }, 'source'],
    ['/v0/issues', { title: 'x', source: 'TEST', priority: 'URGENT' }, 'priority'],
    ['/v0/issues', { title: 'x', source: 'TEST', type: 'FEATURE' }, 'type'],
    ['/v0/issues', { title: 'x', source: 'TEST', taskId: 'task-1' }, 'taskId'],
    ['/v0/issues', { title: 'x', source: 'TEST', testId: 12 }, 'testId'],
    ['/v0/issues', { title: 'x', source: 'TEST', description: 5 }, 'description'],
    ['/v0/annotations', {}, 'title'],
    ['/v0/annotations', { title: 'Deploy', createdAt: '2024-08-04T09:19:00+02:00' }, 'createdAt'],
    ['/v0/annotations', { title: 'Deploy', traceStepId: 'step-1' }, 'traceStepId'],
    ['/v0/human-annotations', { verdict: true, source: 'TRACE_PAGE' }, 'traceId'],
    ['/v0/human-annotations', { traceId: 'trace_1', verdict: true, source: 'TRACE_PAGE' }, 'traceId'],
    ['/v0/human-annotations', { traceId: TASK, source: 'TRACE_PAGE' }, 'verdict'],
    ['/v0/human-annotations', { traceId: TASK, verdict: 'no', source: 'TRACE_PAGE' }, 'verdict'],
    ['/v0/human-annotations', { traceId: TASK, verdict: true, source: 'EMAIL' }, 'source'],
    ['/v0/human-annotations', { traceId: TASK, verdict: false, source: 'TRACE_PAGE' }, 'critique'],
    [
      '/v0/human-annotations',
      { traceId: TASK, verdict: false, source: 'TEST_PAGE', critique: 'x'.repeat(19) },
      'critique'
    ],
    [
      '/v0/human-annotations',
      { traceId: TASK, verdict: true, source: 'TEST_PAGE', critique: 'x'.repeat(2049) },
      'critique'
    ],
    [
      '/v0/human-annotations',
      { traceId: TASK, verdict: true, source: 'TRACE_PAGE', queueItemId: TASK },
      'queueItemId'
    ],
    [
      '/v0/human-annotations',
      { traceId: TASK, verdict: false, source: 'REVIEW_QUEUE', critique: long },
      'queueItemId'
    ],
    ['/v0/tasks', {}, 'title'],
    ['/v0/tasks', { title: 'Block a card' }, 'description'],
    ['/v0/tasks', { title: '', description: 'd' }, 'title'],
    ['/v0/tasks', { title: 't', description: 'd', type: 'ADVERSARY' }, 'type'],
    ['/v0/tasks', { title: 't', description: 'd', topicId: 'topic' }, 'topicId'],
    ['/v0/tasks/trigger', {}, 'taskIds'],
    ['/v0/tasks/trigger', { taskIds: [] }, 'taskIds'],
    ['/v0/tasks/trigger', { taskIds: TASK }, 'taskIds'],
    ['/v0/tasks/trigger', { taskIds: ['task-1'] }, 'taskIds']
  ])('POST %s %j is rejected naming %s', async (path, body, named) => {
    const res = await call(emulator.url, 'POST', path, { body })
    expect(res.status).toBe(400)
    expect(res.json.message).toContain(named)
  })

  it.each(['/v0/issues', '/v0/annotations', '/v0/human-annotations', '/v0/tasks', '/v0/tasks/trigger'])(
    'POST %s answers 400 to invalid JSON, a missing body and a non-object body',
    async path => {
      const invalid = await call(emulator.url, 'POST', path, { body: '{"title": ' })
      const missing = await call(emulator.url, 'POST', path)
      const array = await call(emulator.url, 'POST', path, { body: [] })
      expect([invalid.status, missing.status, array.status]).toEqual([400, 400, 400])
      expect(invalid.json.message).toBe('Invalid JSON body')
    }
  )

  it('answers 404 "Task not found" for an unknown task id and triggers nothing', async () => {
    emulator.seed.task({ id: TASK, title: 'Known' })
    const res = await call(emulator.url, 'POST', '/v0/tasks/trigger', { body: { taskIds: [TASK, UNKNOWN] } })
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ message: 'Task not found' })
    expect(emulator.triggers).toHaveLength(0)
  })
})

describe('unknown paths and ids', () => {
  it.each([
    ['GET', '/v0/nope', 404],
    ['GET', '/v1/tests', 404],
    ['DELETE', '/v0/tests', 404],
    ['GET', `/v0/tests/${UNKNOWN}`, 404],
    ['GET', `/v0/runs/${UNKNOWN}`, 404],
    ['GET', `/v0/tasks/${UNKNOWN}`, 404],
    ['GET', '/v0/tests/not-a-uuid', 400],
    ['GET', '/v0/runs/run_1', 400]
  ])('%s %s answers %i with a message', async (method, path, status) => {
    const res = await call(emulator.url, method, path)
    expect(res.status).toBe(status)
    expect(typeof res.json.message).toBe('string')
  })

  it('still asks for authentication before saying a path is unknown', async () => {
    expect((await call(emulator.url, 'GET', '/v0/nope', { headers: {} })).status).toBe(401)
  })
})

describe('recorded requests', () => {
  it('records method, path, query (raw, repeated keys kept), headers, body and clock time', async () => {
    await call(emulator.url, 'GET', '/v0/tests?passRateStatuses=success,error&status=PENDING&status=FAILED')
    emulator.clock.advance(1500)
    await call(emulator.url, 'POST', '/v0/issues', { body: { title: 'Quality dropped', source: 'TEST' } })
    expect(emulator.requests).toHaveLength(2)
    const [list, create] = emulator.requests
    expect(list).toMatchObject({
      method: 'GET',
      path: '/v0/tests',
      query: { passRateStatuses: ['success,error'], status: ['PENDING', 'FAILED'] },
      body: undefined,
      at: T0
    })
    expect(list?.headers['x-api-key']).toBe(TEST_HEADERS['x-api-key'])
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v0/issues',
      body: { title: 'Quality dropped', source: 'TEST' },
      at: T0 + 1500
    })
  })

  it('reset() forgets data, requests and faults', async () => {
    emulator.seed.tests(3)
    emulator.inject('GET /v0/tests', { kind: 'status', status: 500 })
    await call(emulator.url, 'POST', '/v0/issues', { body: { title: 'x', source: 'API' } })
    emulator.reset()
    expect([emulator.requests.length, emulator.issues.length, emulator.tasks.length]).toEqual([0, 0, 0])
    const res = await call(emulator.url, 'GET', listTestsPath())
    expect(res.status).toBe(200)
    expect(res.json.pagination.total).toBe(0)
  })
})
