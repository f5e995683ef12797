import { describe, expect, it } from '@jest/globals'
import type { Eval, Test } from '../../src/avido/schemas.js'
import { badgeFor, failsQualityFor, judgeTest } from '../../src/judge/judge.js'
import { formatRate } from '../../src/shared/format.js'
import type { Badge, Thresholds } from '../../src/judge/types.js'

const DEFAULTS: Thresholds = { warning: 75, error: 50 }

function evaluation(id: string, passed: boolean | null | undefined, extra: Partial<Eval> = {}): Eval {
  return {
    id,
    status: 'COMPLETED',
    definition: { id: `def-${id}`, name: `Eval ${id}`, type: 'CUSTOM' },
    passed,
    score: passed ? 0.9 : 0.2,
    results: { reason: `reason ${id}` },
    ...extra
  }
}

function test(overrides: Partial<Test> = {}): Test {
  return {
    id: 'test-1',
    applicationId: 'app',
    createdAt: '2025-01-31T08:00:00.000Z',
    modifiedAt: '2025-01-31T08:05:00.000Z',
    status: 'COMPLETED',
    evals: [],
    taskId: 'task-1',
    runId: 'run-1',
    task: { id: 'task-1', title: 'Refund policy' },
    ...overrides
  }
}

describe('badgeFor', () => {
  it.each<[number, Thresholds, Badge]>([
    [100, DEFAULTS, 'success'],
    [75.01, DEFAULTS, 'success'],
    [75.0000001, DEFAULTS, 'success'],
    [75, DEFAULTS, 'warning'],
    [51, DEFAULTS, 'warning'],
    [50.01, DEFAULTS, 'warning'],
    [50, DEFAULTS, 'error'],
    [49.99, DEFAULTS, 'error'],
    [0, DEFAULTS, 'error'],
    [90.01, { warning: 90, error: 60 }, 'success'],
    [90, { warning: 90, error: 60 }, 'warning'],
    [60.5, { warning: 90, error: 60 }, 'warning'],
    [60, { warning: 90, error: 60 }, 'error'],
    [0.01, { warning: 10, error: 0 }, 'warning'],
    [0, { warning: 10, error: 0 }, 'error'],
    [100, { warning: 100, error: 99 }, 'warning'],
    [99, { warning: 100, error: 99 }, 'error']
  ])('%d with %j is %s', (rate, thresholds, badge) => {
    expect(badgeFor(rate, thresholds)).toBe(badge)
  })
})

describe('formatRate', () => {
  it.each<[number, string]>([
    [82.5, '82.5'],
    [50, '50.0'],
    [100, '100.0'],
    [0, '0.0'],
    [(33 / 40) * 100, '82.5'],
    [(1 / 3) * 100, '33.3'],
    [(2 / 3) * 100, '66.7'],
    [(1649 / 2000) * 100, '82.5'],
    [82.45, '82.5'],
    [82.449, '82.4'],
    [75.04, '75.0'],
    [74.96, '75.0'],
    [50.04, '50.0'],
    [99.96, '99.9'],
    [99.9999, '99.9'],
    [0.04, '0.1'],
    [0.0001, '0.1'],
    [0.05, '0.1'],
    [-1, '0.0'],
    [Number.NaN, '0.0'],
    [120, '100.0']
  ])('%d → %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text)
  })

  // Near a threshold the shown value can sit on the threshold; the badge always follows the unrounded rate.
  it.each<[number, string, Badge]>([
    [75.04, '75.0', 'success'],
    [75, '75.0', 'warning'],
    [74.96, '75.0', 'warning'],
    [50.04, '50.0', 'warning'],
    [50, '50.0', 'error']
  ])('%d shows %s with badge %s', (rate, text, badge) => {
    expect([formatRate(rate), badgeFor(rate, DEFAULTS)]).toEqual([text, badge])
  })
})

describe('failsQualityFor', () => {
  it.each([
    ['success', 'error', false],
    ['warning', 'error', false],
    ['error', 'error', true],
    ['success', 'warning', false],
    ['warning', 'warning', true],
    ['error', 'warning', true],
    ['success', 'never', false],
    ['warning', 'never', false],
    ['error', 'never', false],
    ['none', 'error', false],
    ['none', 'warning', false],
    ['none', 'never', false]
  ] as const)('result %s with fail-on %s → %s', (result, failOn, fails) => {
    expect(failsQualityFor(result, failOn)).toBe(fails)
  })
})

describe('judgeTest', () => {
  it('takes counts and pass rate from the result when present', () => {
    const judged = judgeTest(
      test({
        evals: [evaluation('a', true), evaluation('b', false)],
        result: { passed: 3, failed: 1, total: 4, passRate: 75 }
      }),
      DEFAULTS
    )
    expect(judged).toMatchObject({
      passed: 3,
      total: 4,
      passRate: 75,
      badge: 'warning',
      errored: false,
      pending: false
    })
    expect(judged.taskTitle).toBe('Refund policy')
  })

  it('counts evals with passed === true when there is no result', () => {
    const judged = judgeTest(
      test({
        evals: [
          evaluation('a', true),
          evaluation('b', false),
          evaluation('c', null),
          evaluation('d', undefined)
        ]
      }),
      DEFAULTS
    )
    expect(judged).toMatchObject({ passed: 1, total: 4, passRate: 25, badge: 'error' })
    expect(judged.evals.map(outcome => outcome.passed)).toEqual([true, false, false, false])
  })

  it.each([
    ['with evals', [evaluation('a', true), evaluation('b', true), evaluation('c', false)], 3],
    ['without evals', [], 1]
  ])('counts an errored test %s as 0 %% and max(1, evals) failed evals', (_case, evals, total) => {
    const judged = judgeTest(
      test({ status: 'FAILED', evals, result: { passed: 2, failed: 1, total: 3, passRate: 66.7 } }),
      DEFAULTS
    )
    expect(judged).toMatchObject({
      passed: 0,
      total,
      passRate: 0,
      badge: 'error',
      errored: true,
      pending: false
    })
  })

  it.each(['PENDING', 'IN_PROGRESS'] as const)('marks a %s test as pending', status => {
    expect(judgeTest(test({ status }), DEFAULTS)).toMatchObject({ pending: true, errored: false })
  })

  it('falls back to the task id when the test carries no task', () => {
    expect(judgeTest(test({ task: undefined }), DEFAULTS).taskTitle).toBe('task-1')
  })

  it('guards against inconsistent results', () => {
    const judged = judgeTest(test({ result: { passed: 9, failed: -1, total: 4, passRate: 250 } }), DEFAULTS)
    expect(judged).toMatchObject({ passed: 4, total: 4, passRate: 100 })
    const broken = judgeTest(
      test({ result: { passed: 1, failed: 1, total: 2, passRate: Number.NaN } }),
      DEFAULTS
    )
    expect(broken.passRate).toBe(50)
  })

  it('describes every eval, explained by the injected function', () => {
    const judged = judgeTest(
      test({ evals: [evaluation('a', false, { score: null, status: 'FAILED' })] }),
      DEFAULTS,
      outcome => String((outcome.results as { reason: string }).reason)
    )
    expect(judged.evals).toEqual([
      {
        id: 'a',
        definitionId: 'def-a',
        name: 'Eval a',
        type: 'CUSTOM',
        status: 'FAILED',
        score: null,
        passed: false,
        explanation: 'reason a'
      }
    ])
  })

  it('explains nothing by default, and survives an explainer that throws', () => {
    const evals = [evaluation('a', false)]
    expect(judgeTest(test({ evals }), DEFAULTS).evals[0]!.explanation).toBe('')
    const throwing = () => {
      throw new Error('unexpected shape')
    }
    expect(judgeTest(test({ evals }), DEFAULTS, throwing).evals[0]!.explanation).toBe('')
  })
})
