import { describe, expect, it } from '@jest/globals'
import type { FailOn } from '../../src/judge/types.js'
import { DEFAULTS, judge, type Spec } from './judge-fixtures.js'

describe('judgeRun overall', () => {
  it('micro-averages evals over tests, not test pass rates', () => {
    const judgement = judge([
      { id: 't1', evals: [['tone', true]] },
      {
        id: 't2',
        evals: [
          ['tone', true],
          ['facts', true],
          ['facts', false],
          ['match', false]
        ]
      }
    ])
    // (1 + 2) / (1 + 4) = 60 %, where averaging the tests' rates would give 75 %.
    expect(judgement).toMatchObject({
      passed: 3,
      failed: 2,
      total: 5,
      passRate: 60,
      result: 'warning',
      tests: 2
    })
    expect(judgement.thresholds).toEqual(DEFAULTS)
    expect(judgement.failOn).toBe('error')
  })

  it('counts errored tests as max(1, evals) failed evals and excludes pending ones', () => {
    const judgement = judge([
      {
        id: 'ok',
        evals: [
          ['tone', true],
          ['tone', true],
          ['tone', true],
          ['tone', true]
        ]
      },
      {
        id: 'errored-with-evals',
        status: 'FAILED',
        evals: [
          ['tone', true],
          ['facts', true]
        ]
      },
      { id: 'errored-bare', status: 'FAILED' },
      {
        id: 'pending',
        status: 'PENDING',
        evals: [
          ['tone', false],
          ['tone', false]
        ]
      },
      { id: 'running', status: 'IN_PROGRESS', evals: [['tone', false]] }
    ])
    expect(judgement).toMatchObject({
      passed: 4,
      total: 7,
      failed: 3,
      tests: 5,
      erroredTests: 2,
      pendingTests: 2,
      result: 'warning'
    })
    expect(judgement.passRate).toBeCloseTo((4 / 7) * 100, 10)
    expect(judgement.digest.firstPending.map(test => test.id)).toEqual(['pending', 'running'])
  })

  it.each<[string, Spec[], number, string]>([
    ['only passes', [{ id: 'a', evals: [['tone', true]] }], 100, 'success'],
    [
      'exactly the warning threshold',
      [
        {
          id: 'a',
          evals: [
            ['tone', true],
            ['tone', true],
            ['tone', true],
            ['tone', false]
          ]
        }
      ],
      75,
      'warning'
    ],
    [
      'exactly the error threshold',
      [
        {
          id: 'a',
          evals: [
            ['tone', true],
            ['tone', false]
          ]
        }
      ],
      50,
      'error'
    ],
    ['one errored test', [{ id: 'a', status: 'FAILED' }], 0, 'error']
  ])('badges the unrounded overall rate (%s)', (_case, specs, passRate, result) => {
    expect(judge(specs)).toMatchObject({ passRate, result })
  })

  it('uses the given thresholds', () => {
    const specs: Spec[] = [
      {
        id: 'a',
        evals: [
          ['tone', true],
          ['tone', true],
          ['tone', true],
          ['tone', false]
        ]
      }
    ]
    expect(judge(specs, 'error', { warning: 90, error: 60 }).result).toBe('warning')
    expect(judge(specs, 'error', { warning: 70, error: 0 }).result).toBe('success')
    expect(judge(specs, 'error', { warning: 80, error: 75 }).result).toBe('error')
  })
})

// Nothing measured (no settled test with an eval, none errored) is `none`, never a 0 % failure.
describe('judgeRun with nothing measured', () => {
  it.each<[string, Spec[]]>([
    ['no tests', []],
    ['tests without evals', [{ id: 'a' }, { id: 'b', task: 'Billing' }]],
    [
      'only pending tests',
      [
        { id: 'a', status: 'PENDING', evals: [['tone', false]] },
        { id: 'b', status: 'IN_PROGRESS' }
      ]
    ]
  ])('%s → none, which never fails', (_case, specs) => {
    for (const failOn of ['error', 'warning', 'never'] as const) {
      expect(judge(specs, failOn)).toMatchObject({
        result: 'none',
        passRate: 0,
        passed: 0,
        total: 0,
        failsQuality: false,
        worstTest: undefined
      })
    }
  })

  it('counts the tests even when nothing was measured', () => {
    expect(judge([{ id: 'a' }, { id: 'b', status: 'PENDING' }])).toMatchObject({ tests: 2, pendingTests: 1 })
  })

  it('is an error as soon as one test errored', () => {
    expect(judge([{ id: 'a' }, { id: 'b', status: 'FAILED' }])).toMatchObject({
      result: 'error',
      passRate: 0,
      total: 1,
      failsQuality: true
    })
  })
})

describe('judgeRun verdict', () => {
  const success: Spec[] = [{ id: 'a', evals: [['tone', true]] }]
  const warning: Spec[] = [
    {
      id: 'a',
      evals: [
        ['tone', true],
        ['tone', true],
        ['tone', false]
      ]
    }
  ]
  const error: Spec[] = [
    {
      id: 'a',
      evals: [
        ['tone', true],
        ['tone', false]
      ]
    }
  ]
  it.each<[string, Spec[], FailOn, boolean]>([
    ['success', success, 'error', false],
    ['warning', warning, 'error', false],
    ['error', error, 'error', true],
    ['success', success, 'warning', false],
    ['warning', warning, 'warning', true],
    ['error', error, 'warning', true],
    ['success', success, 'never', false],
    ['warning', warning, 'never', false],
    ['error', error, 'never', false]
  ])('%s with fail-on %s fails: %s', (result, specs, failOn, fails) => {
    const judgement = judge(specs, failOn)
    expect(judgement.result).toBe(result)
    expect(judgement.failsQuality).toBe(fails)
  })
})
