import { describe, expect, it } from '@jest/globals'
import { judgeRun } from './judge-fixtures.js'
import { DEFAULTS, judge, makeTest, type Spec } from './judge-fixtures.js'

describe('judgeRun breakdowns', () => {
  const specs: Spec[] = [
    {
      id: 'r1',
      task: 'Refunds',
      evals: [
        ['tone', true],
        ['facts', false]
      ]
    },
    {
      id: 'r2',
      task: 'Refunds',
      evals: [
        ['tone', true],
        ['facts', true]
      ]
    },
    {
      id: 'b1',
      task: 'Billing',
      evals: [
        ['tone', false],
        ['match', false],
        ['match', true]
      ]
    },
    { id: 'b2', task: 'Billing', status: 'FAILED', evals: [['tone', true]] },
    {
      id: 'a1',
      task: 'Accounts',
      evals: [
        ['tone', true],
        ['facts', true]
      ]
    },
    {
      id: 'z1',
      task: 'Zeta',
      evals: [
        ['tone', true],
        ['facts', true]
      ]
    },
    { id: 'p1', task: 'Pending only', status: 'PENDING', evals: [['tone', false]] }
  ]
  const judgement = judge(specs)

  /** The counts of each row; its sums and interval are checked on their own below. */
  const counts = (rows: typeof judgement.tasks) =>
    rows.map(({ sums: _sums, interval: _interval, ...row }) => row)

  it('gives every row running sums and an interval that agree with its counts', () => {
    for (const row of [...judgement.tasks, ...judgement.evalDefinitions]) {
      expect(row.sums).toMatchObject({ tests: row.tests, evals: row.total, passed: row.passed })
      expect(row.interval.rate).toBeCloseTo(row.passRate, 9)
      expect(row.interval.method === 'none').toBe(row.tests < 2)
    }
    expect(judgement.sums).toMatchObject({ evals: judgement.total, passed: judgement.passed })
  })

  it('aggregates per task, worst first, then by name', () => {
    expect(counts(judgement.tasks)).toEqual([
      {
        id: 'task-billing',
        name: 'Billing',
        passed: 1,
        failed: 3,
        total: 4,
        tests: 2,
        passRate: 25,
        badge: 'error'
      },
      {
        id: 'task-refunds',
        name: 'Refunds',
        passed: 3,
        failed: 1,
        total: 4,
        tests: 2,
        passRate: 75,
        badge: 'warning'
      },
      {
        id: 'task-accounts',
        name: 'Accounts',
        passed: 2,
        failed: 0,
        total: 2,
        tests: 1,
        passRate: 100,
        badge: 'success'
      },
      {
        id: 'task-zeta',
        name: 'Zeta',
        passed: 2,
        failed: 0,
        total: 2,
        tests: 1,
        passRate: 100,
        badge: 'success'
      }
    ])
  })

  it('aggregates per eval definition from the evals, counting an errored test’s evals as failed', () => {
    expect(counts(judgement.evalDefinitions)).toEqual([
      {
        id: 'def-match',
        name: 'Exact answer',
        type: 'OUTPUT_MATCH',
        passed: 1,
        failed: 1,
        total: 2,
        tests: 1,
        passRate: 50,
        badge: 'error'
      },
      {
        id: 'def-tone',
        name: 'Tone',
        type: 'STYLE',
        passed: 4,
        failed: 2,
        total: 6,
        tests: 6,
        passRate: (4 / 6) * 100,
        badge: 'warning'
      },
      {
        id: 'def-facts',
        name: 'Facts',
        type: 'FACT',
        passed: 3,
        failed: 1,
        total: 4,
        tests: 4,
        passRate: 75,
        badge: 'warning'
      }
    ])
  })

  it('sums the task breakdown to the overall counts', () => {
    const sum = judgement.tasks.reduce((acc, task) => acc + task.total, 0)
    expect(sum).toBe(judgement.total)
  })

  it('does not depend on the order of the tests', () => {
    const reversed = judge([...specs].reverse())
    expect(reversed.tasks).toEqual(judgement.tasks)
    expect(reversed.evalDefinitions).toEqual(judgement.evalDefinitions)
  })

  it('falls back to the task id as the name when the test carries no task', () => {
    const test = makeTest({ id: 'x', evals: [['tone', true]] })
    delete test.task
    expect(judgeRun([test], { thresholds: DEFAULTS, failOn: 'error' }).tasks[0]!.name).toBe('task-refunds')
  })
})

describe('judgeRun worst test', () => {
  it.each<[string, Spec[], string | undefined]>([
    [
      'lowest pass rate',
      [
        {
          id: 'a',
          evals: [
            ['tone', true],
            ['tone', false]
          ]
        },
        {
          id: 'b',
          evals: [
            ['tone', false],
            ['tone', true],
            ['tone', true]
          ]
        }
      ],
      'a'
    ],
    [
      'an errored test counts as 0 %',
      [
        {
          id: 'a',
          evals: [
            ['tone', false],
            ['tone', true]
          ]
        },
        { id: 'b', status: 'FAILED' }
      ],
      'b'
    ],
    [
      'tie: earliest created',
      [
        { id: 'a', evals: [['tone', false]], createdAt: '2025-01-31T08:00:02Z' },
        { id: 'b', evals: [['tone', false]], createdAt: '2025-01-31T09:00:01+01:00' },
        { id: 'c', evals: [['tone', false]], createdAt: '2025-01-31T08:00:03Z' }
      ],
      'b'
    ],
    [
      'tie in time: lowest id',
      [
        { id: 'b', evals: [['tone', false]] },
        { id: 'a', evals: [['tone', false]] }
      ],
      'a'
    ],
    [
      'pending and eval-less tests are no candidates',
      [
        { id: 'pending', status: 'PENDING', evals: [['tone', false]] },
        { id: 'empty' },
        { id: 'ok', evals: [['tone', true]] }
      ],
      'ok'
    ]
  ])('%s', (_case, specs, worst) => {
    expect(judge(specs).worstTest?.id).toBe(worst)
  })
})

describe('judgeRun at scale', () => {
  it('judges 10,000 tests correctly', () => {
    const tasks = ['Alpha', 'Beta', 'Gamma', 'Delta']
    const specs: Spec[] = []
    for (let index = 0; index < 10_000; index++) {
      const task = tasks[index % tasks.length]!
      const createdAt = new Date(Date.UTC(2025, 0, 31) + index * 1000).toISOString()
      if (index % 500 === 7) specs.push({ id: `t${index}`, task, createdAt, status: 'FAILED' })
      else if (index % 1000 === 3) specs.push({ id: `t${index}`, task, createdAt, status: 'PENDING' })
      else
        specs.push({
          createdAt,
          id: `t${index}`,
          task,
          evals: [
            ['tone', index % 5 !== 0],
            ['facts', index % 4 !== 1]
          ],
          withResult: index % 2 === 0
        })
    }
    const judgement = judge(specs)

    let passed = 0
    let total = 0
    for (const spec of specs) {
      if (spec.status === 'PENDING') continue
      if (spec.status === 'FAILED') total += 1
      for (const [, ok] of spec.evals ?? []) {
        total += 1
        if (ok) passed += 1
      }
    }
    expect(judgement).toMatchObject({ tests: 10_000, erroredTests: 20, pendingTests: 10, passed, total })
    expect(judgement.passRate).toBeCloseTo((passed / total) * 100, 10)
    expect(judgement.tasks.map(task => task.tests).reduce((a, b) => a + b)).toBe(10_000 - 10)
    expect(judgement.tasks.reduce((sum, task) => sum + task.passed, 0)).toBe(passed)
    expect(judgement.digest.firstPending).toHaveLength(10)
    // 0 % tests: t5 (both evals fail) is the first created, before t7 (errored) and t1005.
    expect(judgement.worstTest?.id).toBe('t5')
  })
})
