import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { z } from 'zod'
import {
  AnnotationResponseSchema,
  ErrorResponseSchema,
  HumanAnnotationResponseSchema,
  IssueListResponseSchema,
  IssueResponseSchema,
  RunListResponseSchema,
  RunResponseSchema,
  TaskResponseSchema,
  TestListResponseSchema,
  TestResponseSchema,
  type Eval,
  type Test
} from '../../src/avido/schemas.js'
import {
  createClock,
  startAvidoEmulator,
  type AvidoEmulator,
  type EvalType,
  type Scenario
} from '../../emulators/avido/index.js'
import { call, listTestsPath } from '../../emulators/avido/testing.js'

const T0 = Date.parse('2025-03-01T12:00:00.000Z')
const ALL_TYPES: EvalType[] = ['NATURALNESS', 'STYLE', 'RECALL', 'CUSTOM', 'FACT', 'OUTPUT_MATCH']

function expectParses(schema: z.ZodType, payload: unknown, where: string): void {
  const parsed = schema.safeParse(payload)
  if (!parsed.success) throw new Error(`${where} does not match the schema: ${parsed.error.message}`)
}

async function allTests(emulator: AvidoEmulator): Promise<Test[]> {
  const tests: Test[] = []
  for (let skip = 0; ; skip += 100) {
    const res = await call(emulator.url, 'GET', listTestsPath(`limit=100&skip=${skip}`))
    expectParses(TestListResponseSchema, res.json, `GET /v0/tests skip=${skip}`)
    tests.push(...res.json.data)
    if (tests.length >= res.json.pagination.total) return tests
  }
}

describe('every served payload parses against src/avido/schemas.ts', () => {
  let emulator: AvidoEmulator
  beforeAll(async () => {
    emulator = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }), settleMs: 4000 })
    emulator.seed.demoApplication('fail')
    emulator.seed.test({ status: 'PENDING' })
    emulator.seed.test({ status: 'FAILED' })
    emulator.seed.test({ result: null })
    emulator.seed.test({
      evals: ALL_TYPES,
      passRate: 50,
      experimentVariantId: 'e4c1a0f2-1b2c-4d3e-8f4a-5b6c7d8e9f00'
    })
    emulator.seed.issue({ title: 'Seeded', source: 'TEST' })
  })
  afterAll(async () => {
    await emulator.close()
  })

  it.each([0, 1500, 4000])('at +%i ms: tests, runs and tasks', async offset => {
    emulator.clock.set(T0 + offset)
    const tests = await allTests(emulator)
    expect(tests.length).toBe(24)
    for (const test of tests.slice(0, 6)) {
      const single = await call(emulator.url, 'GET', `/v0/tests/${test.id}`)
      expectParses(TestResponseSchema, single.json, `GET /v0/tests/${test.id}`)
    }
    const runs = await call(emulator.url, 'GET', '/v0/runs?limit=100')
    expectParses(RunListResponseSchema, runs.json, 'GET /v0/runs')
    for (const run of runs.json.data) {
      expectParses(
        RunResponseSchema,
        (await call(emulator.url, 'GET', `/v0/runs/${run.id}`)).json,
        'GET /v0/runs/:id'
      )
    }
    for (const task of emulator.tasks) {
      expectParses(
        TaskResponseSchema,
        (await call(emulator.url, 'GET', `/v0/tasks/${task.id}`)).json,
        'GET /v0/tasks/:id'
      )
    }
  })

  it('writes, lists and errors', async () => {
    const body = { title: 'New task', description: 'Does things' }
    expectParses(
      TaskResponseSchema,
      (await call(emulator.url, 'POST', '/v0/tasks', { body })).json,
      'POST /v0/tasks'
    )
    const issue = await call(emulator.url, 'POST', '/v0/issues', {
      body: { title: 'Gate failed', source: 'TEST' }
    })
    expectParses(IssueResponseSchema, issue.json, 'POST /v0/issues')
    expectParses(
      IssueListResponseSchema,
      (await call(emulator.url, 'GET', '/v0/issues')).json,
      'GET /v0/issues'
    )
    const annotation = await call(emulator.url, 'POST', '/v0/annotations', { body: { title: 'Deploy' } })
    expectParses(AnnotationResponseSchema, annotation.json, 'POST /v0/annotations')
    const human = await call(emulator.url, 'POST', '/v0/human-annotations', {
      body: {
        traceId: issue.json.data.id,
        verdict: false,
        source: 'TEST_PAGE',
        critique: 'Missed the refund policy.'
      }
    })
    expectParses(HumanAnnotationResponseSchema, human.json, 'POST /v0/human-annotations')
    for (const [method, path] of [
      ['GET', '/v0/tests'],
      ['GET', '/v0/nowhere'],
      ['POST', '/v0/issues']
    ]) {
      expectParses(
        ErrorResponseSchema,
        (await call(emulator.url, method as string, path as string)).json,
        path as string
      )
    }
  })
})

/** The results shape of each eval type, and verdicts consistent with the documented thresholds. */
function checkEval(e: Eval): void {
  const r = e.results as Record<string, unknown> & Record<string, Record<string, unknown>>
  const score = e.score as number
  expect(score).toBeGreaterThanOrEqual(0)
  expect(score).toBeLessThanOrEqual(1)
  switch (e.definition.type) {
    case 'NATURALNESS': {
      const dims = ['clarity', 'coherence', 'engagingness', 'naturalness', 'relevance'].map(
        d => r[d] as unknown as number
      )
      expect(typeof r.analysis).toBe('string')
      expect(dims.every(d => d >= 1 && d <= 5)).toBe(true)
      expect(dims.every(d => d >= 3.5)).toBe(e.passed)
      break
    }
    case 'STYLE':
      expect(typeof r.analysis).toBe('string')
      expect((r.score as unknown as number) >= 3.5).toBe(e.passed)
      break
    case 'CUSTOM':
      expect(r).toMatchObject({ name: e.definition.name, score: e.passed ? 1 : 0 })
      expect(typeof r.metadata?.rationale).toBe('string')
      break
    case 'FACT': {
      const c = r.classification as Record<string, unknown>
      expect([c.TP, c.FP, c.FN].every(Array.isArray)).toBe(true)
      expect((r.score as unknown as number) >= 0.8).toBe(e.passed)
      break
    }
    case 'OUTPUT_MATCH':
      expect(typeof r.reason).toBe('string')
      expect(typeof r.expected).toBe('string')
      expect(r.got === r.expected).toBe(e.passed)
      break
    case 'RECALL':
      for (const metric of ['AnswerRelevancy', 'ContextPrecision', 'ContextRelevancy', 'Faithfulness']) {
        expect(r[metric]).toMatchObject({ name: metric })
        expect(typeof r[metric]?.score).toBe('number')
      }
      expect(score >= 0.5).toBe(e.passed)
      break
    default:
      throw new Error(`unexpected eval type ${e.definition.type}`)
  }
}

describe('demo application', () => {
  it.each<[Scenario, number]>([
    ['pass', 90],
    ['warn', 65],
    ['fail', 35]
  ])('%s: four tasks, twenty tests settling over settleMs, overall %i %%', async (scenario, rate) => {
    const emulator = await startAvidoEmulator({
      clock: createClock({ start: T0, frozen: true }),
      settleMs: 3000
    })
    try {
      const demo = emulator.seed.demoApplication(scenario)
      expect(demo.tasks.map(t => t.title)).toEqual([
        'Block a lost card',
        'Refund a duplicate charge',
        'Explain overdraft fees',
        'Escalate to a human agent'
      ])
      expect(demo.passRate).toBeCloseTo(rate, 5)
      const pending = await allTests(emulator)
      expect(pending).toHaveLength(20)
      expect(pending.every(t => t.status === 'PENDING' && t.runId === demo.runId)).toBe(true)
      emulator.clock.advance(1500)
      const midway = (await allTests(emulator)).filter(t => t.result !== null).length
      expect(midway).toBeGreaterThan(0)
      expect(midway).toBeLessThan(20)
      emulator.clock.advance(1500)
      const tests = await allTests(emulator)
      expect(tests.every(t => t.status === 'COMPLETED' || t.status === 'FAILED')).toBe(true)
      expect(tests.filter(t => t.status === 'FAILED')).toHaveLength(scenario === 'fail' ? 1 : 0)
      const run = (await call(emulator.url, 'GET', `/v0/runs/${demo.runId}`)).json.run
      expect(run.result.passRate).toBeCloseTo(rate, 5)
      const evals = tests.flatMap(t => t.evals).filter(e => e.status === 'COMPLETED')
      expect(new Set(evals.map(e => e.definition.type))).toEqual(new Set(ALL_TYPES))
      evals.forEach(checkEval)
      // Triggering a demo task afterwards works and follows the same scenario.
      const trigger = await call(emulator.url, 'POST', '/v0/tasks/trigger', {
        body: { taskIds: demo.taskIds }
      })
      expect(trigger.status).toBe(204)
      expect(await allTests(emulator)).toHaveLength(40)
    } finally {
      await emulator.close()
    }
  })
})

describe('performance', () => {
  it('seeds 10,000 tests quickly and serves a limit=100 page in a few ms', async () => {
    const emulator = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }) })
    try {
      const seeding = performance.now()
      emulator.seed.tests(10_000, i => ({
        createdAt: T0 - (10_000 - i) * 1000,
        passRate: (i % 5) * 25,
        status: i % 97 === 0 ? 'FAILED' : 'COMPLETED'
      }))
      const seedMs = performance.now() - seeding
      const path = listTestsPath('limit=100&skip=5000&status=COMPLETED,FAILED')
      await call(emulator.url, 'GET', path)
      const times: number[] = []
      for (let i = 0; i < 15; i++) {
        const started = performance.now()
        const res = await call(emulator.url, 'GET', path)
        times.push(performance.now() - started)
        expect(res.json.data).toHaveLength(100)
      }
      const sorted = [...times].sort((a, b) => a - b)
      const median = sorted[Math.floor(sorted.length / 2)] as number
      expect({ seedMs: Math.min(seedMs, 2000), median: Math.min(median, 40) }).toEqual({ seedMs, median })
    } finally {
      await emulator.close()
    }
  })
})
