import { describe, expect, it } from '@jest/globals'
import {
  IssueListResponseSchema,
  IssueResponseSchema,
  PaginationSchema,
  RunListResponseSchema,
  RunResponseSchema,
  TestListResponseSchema,
  TestResponseSchema,
  TestSchema
} from '../../src/avido/schemas.js'

// Hand-written objects of every shape the Avido API documents: list pages, tests, evals and their results, runs and issues.

const T0 = '2025-03-01T10:00:00.000Z'
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const definition = (type: string) => ({
  id: id(90),
  createdAt: T0,
  modifiedAt: T0,
  name: `${type} eval`,
  type,
  styleGuideId: null,
  globalConfig: { criterion: 'Answers politely' }
})

const evalOf = (type: string, results: Record<string, unknown> | null, passed: boolean | null = true) => ({
  id: id(80),
  orgId: 'org_1',
  createdAt: T0,
  modifiedAt: T0,
  status: 'COMPLETED',
  definition: definition(type),
  passed,
  score: 0.9,
  results
})

const metric = (name: string, metadata: unknown) => ({ name, score: 0.7, metadata })

const resultsByType: Record<string, Record<string, unknown>> = {
  NATURALNESS: {
    analysis: 'Reads well',
    clarity: 4,
    coherence: 4,
    engagingness: 3,
    naturalness: 5,
    relevance: 4
  },
  STYLE: { analysis: '**Mostly** on style', score: 4 },
  RECALL: {
    AnswerRelevancy: metric('AnswerRelevancy', {
      questions: [{ question: 'q?' }],
      similarity: [{ question: 'q?', score: 0.8 }]
    }),
    ContextPrecision: metric('ContextPrecision', { reason: 'ok', verdict: 1 }),
    ContextRelevancy: metric('ContextRelevancy', { relevantSentences: [{ reasons: ['r'], sentence: 's' }] }),
    Faithfulness: metric('Faithfulness', {
      faithfulness: [{ reason: 'r', statement: 's', verdict: 0, classification: 'SCOPE_DRIFT' }],
      statements: ['s']
    })
  },
  CUSTOM: { name: 'Politeness', score: 1, metadata: { rationale: 'Says please' } },
  FACT: { classification: { TP: ['a'], FP: [], FN: ['b'] }, score: 0.67, error: 'partial' },
  OUTPUT_MATCH: {
    reason: 'missing items',
    score: 0.5,
    expectedList: ['a', 'b'],
    gotList: ['a'],
    matchMode: 'contains',
    missing: [{ have: 0, need: 1, value: 'b' }],
    precision: 1,
    recall: 0.5,
    f1: 0.67,
    scoreMetric: 'f1',
    tp: 1
  }
}

const listTest = (overrides: Record<string, unknown> = {}) => ({
  id: id(1),
  applicationId: 'app_1',
  createdAt: T0,
  modifiedAt: T0,
  status: 'COMPLETED',
  evals: Object.entries(resultsByType).map(([type, results]) => evalOf(type, results)),
  taskId: id(2),
  runId: id(3),
  runType: 'SCHEDULED',
  task: { id: id(2), title: 'Block a card', topicId: null },
  result: { passed: 5, failed: 1, total: 6, passRate: 83.33, averageScore: 0.81 },
  traceId: id(4),
  ...overrides
})

describe('documented Avido shapes', () => {
  it.each(Object.keys(resultsByType))('a test with a %s eval keeps its results', type => {
    const results = resultsByType[type]
    const parsed = TestSchema.parse(listTest({ evals: [evalOf(type, results ?? null)] }))
    expect(parsed.evals[0]?.definition.type).toBe(type)
    expect(parsed.evals[0]?.results).toEqual(results)
  })

  it.each([
    ['null result', { result: null }],
    ['no result', { result: undefined }],
    ['pending test without evals', { status: 'PENDING', evals: [], result: null }],
    [
      'eval with null results, passed and score',
      { evals: [{ ...evalOf('CUSTOM', null, null), score: null }] }
    ],
    ['legacy eval type', { evals: [evalOf('LLMQA', {})] }],
    ['MONITORING run type', { runType: 'MONITORING' }],
    ['null averageScore', { result: { passed: 0, failed: 1, total: 1, passRate: 0, averageScore: null } }]
  ])('a list test with %s parses', (_name, overrides) => {
    expect(TestSchema.safeParse(listTest(overrides)).error?.issues ?? []).toEqual([])
  })

  it('a test detail (no runType, no task) parses from { test }', () => {
    const { runType: _runType, task: _task, ...detail } = listTest()
    const parsed = TestResponseSchema.parse({ test: detail })
    expect(parsed.test.runType).toBeUndefined()
    expect(parsed.test.evals).toHaveLength(6)
  })

  it.each([
    ['unknown status', { status: 'DONE' }, 'status'],
    ['missing runId', { runId: undefined }, 'runId'],
    ['string result (legacy)', { result: 'PASSED' }, 'result'],
    [
      'passRate as string',
      { result: { passed: 1, failed: 0, total: 1, passRate: '100' } },
      'result.passRate'
    ],
    ['evals not an array', { evals: null }, 'evals']
  ])('rejects a test with %s', (_name, overrides, path) => {
    const result = TestSchema.safeParse(listTest(overrides))
    expect(result.success).toBe(false)
    expect(result.error?.issues.map(issue => issue.path.join('.'))).toContain(path)
  })

  it("keeps an eval's results as sent rather than copying them", () => {
    const results = resultsByType.RECALL ?? {}
    const parsed = TestSchema.parse(listTest({ evals: [evalOf('RECALL', results)] }))
    expect(parsed.evals[0]?.results).toBe(results)
  })

  it.each([
    ['an array', ['a']],
    ['a string', 'fine'],
    ['a number', 3]
  ])('rejects eval results that are %s, naming the field', (_name, results) => {
    const result = TestSchema.safeParse(listTest({ evals: [{ ...evalOf('CUSTOM', null), results }] }))
    expect(result.error?.issues.map(issue => [issue.path.join('.'), issue.message])).toEqual([
      ['evals.0.results', 'expected an object']
    ])
  })

  it('passes the eval fields the gate does not read as unknown fields', () => {
    const parsed = TestSchema.parse(listTest({ evals: [evalOf('STYLE', { analysis: 'ok' })] }))
    expect(Object.keys(parsed.evals[0] ?? {}).sort()).toEqual(
      ['definition', 'id', 'passed', 'results', 'score', 'status'].sort()
    )
    expect(Object.keys(parsed.evals[0]?.definition ?? {}).sort()).toEqual(['id', 'name', 'type'])
  })

  it('tolerates unknown fields and drops them', () => {
    const parsed = TestSchema.parse(listTest({ brandNewField: { x: 1 } }))
    expect(parsed).not.toHaveProperty('brandNewField')
  })

  it.each([
    ['full', { skip: 0, limit: 25, total: 100, totalPages: 4 }],
    ['with totalCount', { skip: 0, limit: 25, total: 100, totalPages: 4, totalCount: 100 }],
    ['only totalCount', { totalCount: 3 }],
    ['empty', {}]
  ])('pagination %s parses', (_name, pagination) => {
    expect(PaginationSchema.parse(pagination)).toEqual(pagination)
    expect(TestListResponseSchema.safeParse({ data: [], pagination }).success).toBe(true)
  })

  it.each([
    ['without a pagination object', { data: [] }],
    ['with a null pagination object', { data: [], pagination: null }],
    ['with null fields', { data: [], pagination: { total: null, totalCount: 4, limit: null } }]
  ])('a list envelope %s parses', (_name, envelope) => {
    expect(TestListResponseSchema.safeParse(envelope).success).toBe(true)
    expect(IssueListResponseSchema.safeParse(envelope).success).toBe(true)
  })

  const run = {
    id: id(3),
    applicationId: 'app_1',
    createdAt: T0,
    modifiedAt: T0,
    type: 'EXPERIMENT',
    experimentVariantId: id(5),
    result: {
      passed: 3,
      failed: 1,
      total: 4,
      passRate: 75,
      averageScore: 0.7,
      evals: [
        {
          id: id(90),
          name: 'Style',
          type: 'STYLE',
          passed: 2,
          failed: 0,
          total: 2,
          passRate: 100,
          averageScore: 4
        },
        {
          id: id(91),
          name: 'Fact',
          type: 'FACT',
          passed: 1,
          failed: 1,
          total: 2,
          passRate: 50,
          averageScore: 0.6
        }
      ]
    }
  }

  it('a run with result.evals parses, alone and in a list', () => {
    expect(RunResponseSchema.parse({ run }).run.result?.evals).toHaveLength(2)
    const list = RunListResponseSchema.parse({
      data: [run, { ...run, id: id(6), result: null }],
      pagination: {}
    })
    expect(list.data[1]?.result).toBeNull()
  })

  it('rejects a run without a type', () => {
    expect(RunResponseSchema.safeParse({ run: { ...run, type: undefined } }).success).toBe(false)
  })

  const issue = {
    id: id(7),
    orgId: 'org_1',
    title: 'Test gate: 40.0% pass rate',
    status: 'OPEN',
    source: 'TEST',
    priority: 'HIGH',
    type: 'BUG',
    applicationId: 'app_1',
    createdAt: T0,
    modifiedAt: T0,
    description: 'test-gate-key: acme/bot#pr-7',
    summary: null,
    impact: 'High',
    comment: null,
    assignedTo: 'user_1',
    assignedUser: { id: 'user_1', name: 'Ada', email: 'ada@example.com', image: null },
    topicId: null,
    taskId: id(2),
    testId: id(1),
    evalDefinitionId: id(90),
    annotationId: null,
    traceId: 'trace_abc123',
    parentId: null
  }

  it('an issue parses from { data } and in a list with child issues', () => {
    expect(IssueResponseSchema.parse({ data: issue }).data).toMatchObject({ id: id(7), priority: 'HIGH' })
    const list = IssueListResponseSchema.parse({
      data: [{ ...issue, issues: [{ ...issue, id: id(8) }] }],
      pagination: { skip: 0, limit: 100, total: 1, totalPages: 1 }
    })
    expect(list.data[0]?.description).toContain('test-gate-key')
  })

  it('rejects an issue with an unknown priority', () => {
    const result = IssueResponseSchema.safeParse({ data: { ...issue, priority: 'URGENT' } })
    expect(result.error?.issues[0]?.path).toEqual(['data', 'priority'])
  })
})
