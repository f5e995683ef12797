import { avidoFailure as failure } from '../support/avido-failure.js'
import { useEmulatorClients } from '../support/fake-clock-client.js'
import { describe, expect, it } from '@jest/globals'
import { AvidoRequestError } from '../../src/avido/errors.js'

// The client against the Avido emulator over loopback: every endpoint, final answers and the deadline.
// Waits go through a fake sleep that advances a fake clock, so retries cost no real time.

const KEY = 'avido_test_0123456789abcdef'
const APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const UNKNOWN_ID = '11111111-2222-4333-8444-555555555555'
const START = Date.UTC(2025, 4, 1, 12)

const { emu, setup, calls } = useEmulatorClients(KEY, APP, START)

describe('every endpoint', () => {
  it('counts and reads tests with the filters on the wire', async () => {
    const task = emu().seed.task()
    const seeded = emu().seed.tests(3, i => ({ taskId: task.id, passRate: [100, 75, 0][i] }))
    emu().seed.tests(2)
    const { client } = setup()
    const filters = { taskId: [task.id], status: ['COMPLETED' as const], startDate: new Date(0) }

    expect(await client.countTests(filters)).toBe(3)
    const read = await client.readTests({ ...filters, passRateStatuses: ['success', 'warning'] }, t => t)
    expect(read.map(t => t.id).sort()).toEqual(
      seeded
        .slice(0, 2)
        .map(t => t.id)
        .sort()
    )

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

  it('triggers tasks (204, no body)', async () => {
    const task = emu().seed.task()
    const { client } = setup()
    await expect(client.triggerTasks([task.id])).resolves.toBeUndefined()
    expect(emu().triggers.map(t => t.taskIds)).toEqual([[task.id]])
    expect(calls('POST', '/v0/tasks/trigger')[0]?.body).toEqual({ taskIds: [task.id] })
  })

  it('creates and lists issues', async () => {
    emu().seed.issue({ title: 'Older', description: 'nothing here' })
    const { client } = setup()
    const issue = await client.createIssue({
      title: 'Test gate: 40.0% pass rate',
      source: 'TEST',
      priority: 'HIGH',
      type: 'BUG',
      description: 'test-gate-key: acme/bot#pr-7'
    })
    expect(issue).toMatchObject({ title: 'Test gate: 40.0% pass rate', status: 'OPEN', priority: 'HIGH' })
    expect(emu().issues).toHaveLength(2)
    const open = await client.listIssues({ status: 'OPEN', source: 'TEST', limit: 100 })
    expect(open.data).toHaveLength(2)
    expect(calls('GET', '/v0/issues')[0]?.query).toMatchObject({ status: ['OPEN'], source: ['TEST'] })
  })

  it('creates annotations', async () => {
    const { client } = setup()
    const annotation = await client.createAnnotation({
      title: 'Deploy abc123',
      createdAt: '2025-05-01T12:00:00Z'
    })
    expect(annotation).toMatchObject({ title: 'Deploy abc123', createdAt: '2025-05-01T12:00:00.000Z' })
  })

  it('refuses invalid bodies and queries before any request', async () => {
    const { client } = setup()
    await expect(client.createIssue({ title: '', source: 'TEST' })).rejects.toThrow(/title: /)
    await expect(client.createAnnotation({ title: '' })).rejects.toThrow(AvidoRequestError)
    await expect(client.triggerTasks([])).rejects.toThrow(/at least one non-empty task id/)
    await expect(client.countTests({ startDate: '2025-01-01T00:00:00+02:00' })).rejects.toThrow(/ending in Z/)
    expect(emu().requests).toHaveLength(0)
  })

  it('sends both auth headers and Accept on every call, and Content-Type only with a body', async () => {
    const task = emu().seed.task()
    emu().seed.tests(1)
    const { client } = setup()
    await client.countTests({})
    await client.readTests({}, t => t)
    await client.triggerTasks([task.id])
    await client.createIssue({ title: 'x', source: 'API' })
    await client.listIssues()
    await client.createAnnotation({ title: 'a' })
    expect(emu().requests).toHaveLength(6)
    for (const request of emu().requests) {
      expect(request.headers).toMatchObject({
        'x-api-key': KEY,
        'x-application-id': APP,
        accept: 'application/json'
      })
      expect(request.headers['content-type']).toBe(request.method === 'POST' ? 'application/json' : undefined)
    }
  })
})

describe('final answers', () => {
  it.each([
    [400, { message: 'Invalid query parameter passRateStatuses' }],
    [403, { message: 'Forbidden for this application' }],
    [404, { message: 'Resource not found' }]
  ])('%i is not retried and carries Avido’s message', async (status, body) => {
    emu().inject('GET /v0/tests', { kind: 'status', status, body })
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
    expect(emu().requests).toHaveLength(1)
  })

  it('404 for an unknown task on trigger', async () => {
    const error = await failure(setup().client.triggerTasks([UNKNOWN_ID]))
    expect(error.message).toBe('Avido POST /v0/tasks/trigger answered 404: Task not found')
  })
})

describe('deadline', () => {
  it('fails fast instead of sleeping when Retry-After reaches past the deadline', async () => {
    emu().inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '30' } })
    const { client, slept } = setup({ deadline: START + 10_000 })
    const error = await failure(client.countTests({}))
    expect(error.kind).toBe('deadline')
    expect(error.status).toBe(429)
    expect(error.message).toBe(
      'Avido GET /v0/tests ran out of time: waiting 30 s to retry would pass the deadline (last: answered 429: Injected 429)'
    )
    expect(slept).toEqual([])
    expect(emu().requests).toHaveLength(1)
  })

  it('sleeps within the deadline, then stops before a wait would cross it', async () => {
    emu().inject('GET /v0/tests', { kind: 'status', status: 503 }, { times: Infinity })
    const { client, slept, now } = setup({ deadline: START + 2_000 })
    const error = await failure(client.countTests({}))
    expect(error.kind).toBe('deadline')
    expect(slept).toEqual([500, 1000])
    expect(now()).toBeLessThanOrEqual(START + 2_000)
  })

  it('cuts a hung attempt at the deadline', async () => {
    emu().inject('GET /v0/tests', { kind: 'hang' })
    const { client } = setup({ deadline: START + 200 })
    const error = await failure(client.countTests({}))
    expect(error.kind).toBe('deadline')
    expect(error.message).toBe('Avido GET /v0/tests ran out of time: no answer before the deadline')
  })

  it('sends nothing once the deadline has passed, and setDeadline moves it', async () => {
    emu().seed.tests(1)
    const { client } = setup({ deadline: START - 1 })
    const error = await failure(client.countTests({}))
    expect(error.message).toBe('Avido GET /v0/tests was not sent: the deadline has passed')
    expect(emu().requests).toHaveLength(0)
    client.setDeadline(START + 60_000)
    expect(await client.countTests({})).toBe(1)
  })
})
