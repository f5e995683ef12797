import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  createClock,
  startAvidoEmulator,
  type AvidoEmulator,
  type Scenario
} from '../../emulators/avido/index.js'
import { call, listTestsPath } from '../../emulators/avido/testing.js'

const T0 = Date.parse('2025-03-01T12:00:00.000Z')
const TRACE = '2b7e1516-28ae-4d2a-abf7-158809cf4f3c'
const QUEUE_ITEM = 'abcdef01-e89b-12d3-a456-426614174000'

let emulator: AvidoEmulator

beforeEach(async () => {
  emulator = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }), settleMs: 4000 })
})
afterEach(async () => {
  await emulator.close()
})

interface ListedTest {
  id: string
  status: string
  runId: string
  taskId: string
  createdAt: string
  result: { passed: number; total: number } | null
}

async function listAll(em: AvidoEmulator, query = ''): Promise<ListedTest[]> {
  const res = await call(em.url, 'GET', listTestsPath(`limit=100&${query}`))
  expect(res.status).toBe(200)
  return res.json.data
}

describe('POST /v0/tasks/trigger', () => {
  it('answers 204 and creates one MANUAL run per task whose tests settle over settleMs', async () => {
    const a = emulator.seed.task({ title: 'Block a lost card', testsPerRun: 4 })
    const b = emulator.seed.task({ title: 'Refund a duplicate charge' })
    emulator.clock.advance(500)
    const triggeredAt = new Date(T0 + 500).toISOString()
    const res = await call(emulator.url, 'POST', '/v0/tasks/trigger', { body: { taskIds: [a.id, b.id] } })
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect(emulator.triggers).toEqual([{ taskIds: [a.id, b.id], at: triggeredAt }])

    const tests = await listAll(emulator)
    expect(tests).toHaveLength(4 + 5)
    expect(tests.every(t => t.status === 'PENDING' && t.result === null && t.createdAt === triggeredAt)).toBe(
      true
    )
    expect(new Set(tests.filter(t => t.taskId === a.id).map(t => t.runId)).size).toBe(1)
    const runs = await call(emulator.url, 'GET', '/v0/runs')
    expect(runs.json.data).toHaveLength(2)
    expect(
      runs.json.data.every((r: { type: string; result: unknown }) => r.type === 'MANUAL' && r.result === null)
    ).toBe(true)

    emulator.clock.advance(2000)
    const midway = await listAll(emulator)
    const settledMidway = midway.filter(t => t.status === 'COMPLETED' || t.status === 'FAILED').length
    expect(settledMidway).toBeGreaterThan(0)
    expect(settledMidway).toBeLessThan(9)

    emulator.clock.advance(2000)
    const done = await listAll(emulator, `startDate=${triggeredAt}&runType=MANUAL&status=COMPLETED,FAILED`)
    expect(done).toHaveLength(9)
    const runA = await call(emulator.url, 'GET', `/v0/runs/${done.find(t => t.taskId === a.id)?.runId}`)
    expect(runA.json.run.result.total).toBe(4 * 4)
  })

  it.each<[Scenario, number, number]>([
    ['pass', 85, 95],
    ['warn', 60, 70],
    ['fail', 30, 45]
  ])('follows the %s scenario (overall %i–%i %%) with variety per task', async (scenario, low, high) => {
    const em = await startAvidoEmulator({
      clock: createClock({ start: T0, frozen: true }),
      scenario,
      settleMs: 0
    })
    try {
      const taskIds = [
        'Block a lost card',
        'Refund a duplicate charge',
        'Explain overdraft fees',
        'Escalate'
      ].map(title => em.seed.task({ title, testsPerRun: 10 }).id)
      await call(em.url, 'POST', '/v0/tasks/trigger', { body: { taskIds } })
      const tests = await listAll(em)
      const passed = tests.reduce((sum, t) => sum + (t.result?.passed ?? 0), 0)
      const total = tests.reduce((sum, t) => sum + (t.result?.total ?? 0), 0)
      expect(total).toBe(4 * 10 * 4)
      const rate = (passed / total) * 100
      expect(rate).toBeGreaterThanOrEqual(low)
      expect(rate).toBeLessThanOrEqual(high)
      const perTask = taskIds.map(id =>
        tests.filter(t => t.taskId === id).reduce((s, t) => s + (t.result?.passed ?? 0), 0)
      )
      expect(new Set(perTask).size).toBeGreaterThan(1)
    } finally {
      await em.close()
    }
  })

  it('uses a task pass rate when one is registered, and is deterministic', async () => {
    const run = async () => {
      const em = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }), settleMs: 0 })
      try {
        const task = em.seed.task({ title: 'Flaky flow', passRate: 25, testsPerRun: 2 })
        await call(em.url, 'POST', '/v0/tasks/trigger', { body: { taskIds: [task.id] } })
        return (await listAll(em)).map(t => [t.id, t.result?.passed])
      } finally {
        await em.close()
      }
    }
    const first = await run()
    expect(first.reduce((sum, [, passed]) => sum + Number(passed), 0)).toBe(2)
    expect(await run()).toEqual(first)
  })
})

describe('POST /v0/tasks and GET /v0/tasks/:id', () => {
  it('creates a task that can be fetched and triggered', async () => {
    const res = await call(emulator.url, 'POST', '/v0/tasks', {
      body: {
        title: 'Close an account',
        description: 'The customer wants to close their account',
        type: 'NORMAL'
      }
    })
    expect(res.status).toBe(201)
    expect(res.json.task).toMatchObject({ title: 'Close an account', passRate: null, lastTest: null })
    const fetched = await call(emulator.url, 'GET', `/v0/tasks/${res.json.task.id}`)
    expect(fetched.json.task.id).toBe(res.json.task.id)
    const trigger = await call(emulator.url, 'POST', '/v0/tasks/trigger', {
      body: { taskIds: [res.json.task.id] }
    })
    expect(trigger.status).toBe(204)
    expect(await listAll(emulator)).toHaveLength(5)
    expect(emulator.tasks.map(task => task.title)).toEqual(['Close an account'])
  })
})

describe('issues', () => {
  it('creates an OPEN issue with defaults and lists it with filters and paging', async () => {
    const created = await call(emulator.url, 'POST', '/v0/issues', {
      body: {
        title: 'Test gate: 40.0% pass rate',
        source: 'TEST',
        description: 'test-gate-key: acme/bot#pr-7'
      }
    })
    expect(created.status).toBe(201)
    expect(created.json.data).toMatchObject({
      title: 'Test gate: 40.0% pass rate',
      source: 'TEST',
      status: 'OPEN',
      priority: 'MEDIUM',
      type: 'BUG',
      description: 'test-gate-key: acme/bot#pr-7'
    })
    emulator.seed.issue({ title: 'Old one', source: 'TEST', status: 'RESOLVED', createdAt: T0 - 1000 })
    emulator.seed.issue({ title: 'From monitoring', source: 'MONITORING', priority: 'HIGH' })
    expect(emulator.issues).toHaveLength(3)

    const open = await call(emulator.url, 'GET', '/v0/issues?source=TEST&status=OPEN')
    expect(open.json.data.map((i: { title: string }) => i.title)).toEqual(['Test gate: 40.0% pass rate'])
    expect(open.json.pagination).toEqual({ skip: 0, limit: 25, total: 1, totalPages: 1 })
    const both = await call(emulator.url, 'GET', '/v0/issues?status=OPEN&status=RESOLVED&source=TEST')
    expect(both.json.data).toHaveLength(2)
    const high = await call(emulator.url, 'GET', '/v0/issues?priority=HIGH')
    expect(high.json.data.map((i: { title: string }) => i.title)).toEqual(['From monitoring'])
    const paged = await call(emulator.url, 'GET', '/v0/issues?limit=1&skip=2&orderDir=asc')
    expect(paged.json.data.map((i: { title: string }) => i.title)).toEqual(['From monitoring'])
    expect(paged.json.pagination).toEqual({ skip: 2, limit: 1, total: 3, totalPages: 3 })
  })

  it('keeps priority, type and links given in the body', async () => {
    const testId = '5d3c2b1a-0f9e-4d8c-b7a6-958473625140'
    const res = await call(emulator.url, 'POST', '/v0/issues', {
      body: {
        title: 't',
        source: 'API',
        priority: 'HIGH',
        type: 'USER_SIGNAL',
        testId,
        traceId: 'trace_abc123'
      }
    })
    expect(res.json.data).toMatchObject({
      priority: 'HIGH',
      type: 'USER_SIGNAL',
      testId,
      traceId: 'trace_abc123'
    })
  })
})

describe('annotations', () => {
  it('creates an annotation, keeping a custom createdAt', async () => {
    const res = await call(emulator.url, 'POST', '/v0/annotations', {
      body: { title: 'Deploy abc123', description: 'New prompt', createdAt: '2024-08-04T09:19:00Z' }
    })
    expect(res.status).toBe(201)
    expect(res.json.data).toMatchObject({
      title: 'Deploy abc123',
      description: 'New prompt',
      createdAt: '2024-08-04T09:19:00.000Z',
      traceStepId: null
    })
    expect(emulator.annotations).toHaveLength(1)
  })

  it('creates human annotations; a negative verdict files an Inbox issue', async () => {
    const thumbsUp = await call(emulator.url, 'POST', '/v0/human-annotations', {
      body: { traceId: TRACE, verdict: true, source: 'TRACE_PAGE' }
    })
    expect(thumbsUp.status).toBe(201)
    expect(thumbsUp.json.data).toMatchObject({
      verdict: true,
      critique: null,
      queueItemId: null,
      issueId: null
    })

    const critique = 'The agent answered an unrelated policy question.'
    const thumbsDown = await call(emulator.url, 'POST', '/v0/human-annotations', {
      body: { traceId: TRACE, verdict: false, source: 'REVIEW_QUEUE', queueItemId: QUEUE_ITEM, critique }
    })
    expect(thumbsDown.status).toBe(201)
    expect(thumbsDown.json.data).toMatchObject({ verdict: false, critique, queueItemId: QUEUE_ITEM })
    expect(emulator.issues).toHaveLength(1)
    expect(emulator.issues[0]).toMatchObject({
      id: thumbsDown.json.data.issueId,
      type: 'HUMAN_ANNOTATION',
      traceId: TRACE
    })
    expect(emulator.humanAnnotations).toHaveLength(2)
  })

  it('accepts a critique of exactly 20 characters on a negative verdict', async () => {
    const res = await call(emulator.url, 'POST', '/v0/human-annotations', {
      body: { traceId: TRACE, verdict: false, source: 'TEST_PAGE', critique: 'x'.repeat(20) }
    })
    expect(res.status).toBe(201)
  })
})
