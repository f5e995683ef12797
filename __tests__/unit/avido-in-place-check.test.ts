import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { z } from 'zod'
import { inPlaceCheck } from '../../src/avido/in-place-check.js'
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
  TestResponseSchema
} from '../../src/avido/schemas.js'

// Checking a value parsed from JSON against a response schema where it lies, instead of through zod's copy.

const T0 = '2025-03-01T10:00:00.000Z'

const test = (n: number) => ({
  id: `test-${n}`,
  applicationId: 'app_1',
  createdAt: T0,
  modifiedAt: T0,
  status: 'COMPLETED',
  evals: [
    {
      id: `eval-${n}`,
      orgId: 'org_1',
      status: 'COMPLETED',
      definition: { id: 'def-1', name: 'Tone', type: 'STYLE', globalConfig: { tone: 'polite' } },
      passed: n % 2 === 0,
      score: 0.5,
      results: { reason: 'ok', nested: [1, 2] }
    }
  ],
  taskId: 'task-1',
  runId: 'run-1',
  runType: 'MANUAL',
  task: { id: 'task-1', title: 'Greets', topicId: null },
  result: { passed: 1, failed: 0, total: 1, passRate: 100, averageScore: null },
  traceId: null
})

const run = {
  id: 'run-1',
  applicationId: 'app_1',
  createdAt: T0,
  modifiedAt: T0,
  type: 'SCHEDULED',
  result: {
    passed: 3,
    failed: 1,
    total: 4,
    passRate: 75,
    evals: [{ id: 'd', name: 'Tone', type: 'STYLE', passed: 3, failed: 1, total: 4, passRate: 75 }]
  }
}

const issue = { id: 'issue-1', title: 'Drop', status: 'OPEN', source: 'TEST', priority: 'HIGH', testId: null }

const samples: [string, z.ZodType, unknown][] = [
  ['a page of tests', TestListResponseSchema, { data: [test(1), test(2)], pagination: { total: 2 } }],
  ['a page of tests without pagination', TestListResponseSchema, { data: [test(3)] }],
  ['one test', TestResponseSchema, { test: test(4) }],
  ['a page of runs', RunListResponseSchema, { data: [run], pagination: null }],
  ['one run', RunResponseSchema, { run }],
  ['a page of issues', IssueListResponseSchema, { data: [issue], pagination: { totalCount: 1 } }],
  ['one issue', IssueResponseSchema, { data: issue }],
  ['an annotation', AnnotationResponseSchema, { data: { id: 'a', title: 'Note', createdAt: T0 } }],
  [
    'a task',
    TaskResponseSchema,
    { task: { id: 't', createdAt: T0, modifiedAt: T0, title: 'Greets', description: 'Says hello' } }
  ],
  [
    'a human annotation',
    HumanAnnotationResponseSchema,
    { data: { id: 'h', traceId: 'tr', verdict: false, source: 'TEST_PAGE', createdAt: T0 } }
  ],
  ['an error', ErrorResponseSchema, { message: 'Not found' }]
]

/** Every path to a value inside `value`, objects' keys and arrays' indexes alike. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value)
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))]
}

/** A deep copy of `value` with what lies at `path` replaced, or removed when `replacement` is `remove`. */
function changed(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value)
  if (path.length === 0) return replacement
  let parent = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (remove && !Array.isArray(parent)) delete parent[last]
  else parent[last] = replacement
  return copy
}

describe('inPlaceCheck', () => {
  it.each(samples)('checks %s where it lies, unknown fields and all', (_what, schema, sample) => {
    const check = inPlaceCheck(schema)
    expect(check).not.toBeNull()
    expect(check!(sample)).toBe(true)
    expect(schema.safeParse(sample).success).toBe(true)
  })

  it.each(samples)(
    'agrees with zod on %s with any one part changed or removed (property)',
    (_w, schema, sample) => {
      const check = inPlaceCheck(schema)!
      const where = paths(sample)
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: where.length - 1 }),
          fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.constantFrom('COMPLETED', 'OPEN', 'STYLE', 'HIGH', 'success', 0, 1.5, true, null)
          ),
          fc.boolean(),
          (at, replacement, remove) => {
            const value = changed(sample, where[at]!, replacement, remove)
            expect(check(value)).toBe(schema.safeParse(value).success)
          }
        ),
        { numRuns: 400 }
      )
    }
  )

  it('agrees with zod on any JSON value at all (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), value => {
        for (const [, schema] of samples) {
          expect(inPlaceCheck(schema)!(value)).toBe(schema.safeParse(value).success)
        }
      }),
      { numRuns: 300 }
    )
  })

  it.each([
    ['a string with a length rule', z.string().min(1)],
    ['a number with a rule', z.number().int()],
    ['a refined object', z.object({ a: z.string() }).refine(value => value.a !== '')],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a union', z.union([z.string(), z.number()])],
    ['a default', z.string().default('x')],
    ['a transform', z.string().transform(value => value.length)],
    ['a coerced number', z.coerce.number()],
    ['a string format', z.email()],
    ['a date-time string', z.iso.datetime()],
    ['an integer', z.int()],
    ['an object with one such field', z.object({ a: z.string(), b: z.string().min(1) })],
    ['an array of such items', z.array(z.string().email())]
  ])('leaves %s to zod', (_what, schema) => {
    expect(inPlaceCheck(schema)).toBeNull()
  })

  it.each<[string, z.ZodType, unknown[]]>([
    [
      "a TypeScript enum's values, not its reverse mappings",
      z.enum({ A: 0, B: 1, 0: 'A', 1: 'B' } as unknown as Record<string, number>),
      [0, 1, 'A', 'B', 2]
    ],
    ['a literal', z.literal('COMPLETED'), ['COMPLETED', 'completed', null]],
    [
      'keys zod wants, even for unknown, and keys it lets go',
      z.object({ any: z.unknown(), maybe: z.string().optional(), orNull: z.string().nullable() }),
      [{}, { any: null, orNull: null }, { any: 1, maybe: 'x', orNull: 'y' }, { orNull: null }, { any: 1 }]
    ]
  ])('agrees with zod on %s', (_what, schema, cases) => {
    const check = inPlaceCheck(schema)!
    for (const value of cases) expect([value, check(value)]).toEqual([value, schema.safeParse(value).success])
  })

  it('reads only own fields, not what an object inherits', () => {
    const check = inPlaceCheck(z.object({ toString: z.string() }))!
    expect(check({})).toBe(false)
    expect(check({ toString: 'own' })).toBe(true)
  })

  it('compiles each schema once', () => {
    expect(inPlaceCheck(TestListResponseSchema)).toBe(inPlaceCheck(TestListResponseSchema))
  })
})
