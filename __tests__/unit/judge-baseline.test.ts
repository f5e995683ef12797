import { formatChange } from '../../src/shared/format.js'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  compareWithBaseline,
  describeChange,
  regressionFailure,
  type Baseline,
  type MeasuredScope
} from '../../src/judge/baseline.js'
import type { Judgement } from '../../src/judge/types.js'
import { baselineFromRecord, recordOf } from '../../src/render/record.js'
import type { Comparison } from '../../src/stats/index.js'
import { makeJudgement } from './report-fixtures.js'

const SCOPE: MeasuredScope = { taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] }
const BASE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

/** One task of `total` tests with one eval each, `passing` of them passed. */
const rate = (passing: number, total: number, title = 'Refunds'): Judgement =>
  makeJudgement([
    {
      title,
      tests: Array.from({ length: total }, (_, i) => ({ evals: [{ name: 'tone', passed: i < passing }] }))
    }
  ])

const recorded = (judgement: Judgement, scope: MeasuredScope = SCOPE): Baseline =>
  baselineFromRecord(recordOf(judgement, { key: 'k', sha: BASE_SHA, at: '2026-11-20T10:00:00Z', scope }))

describe('compareWithBaseline', () => {
  // The baseline passes 900 of 1,000; the run's drop is significant unless it is a handful of tests.
  const base = recorded(rate(900, 1000))
  const cases: {
    name: string
    run: [number, number]
    maxRegression?: number
    regressed: boolean
    failsGate: boolean
  }[] = [
    {
      name: 'a significant -9 under 10',
      run: [810, 1000],
      maxRegression: 10,
      regressed: true,
      failsGate: false
    },
    {
      name: 'a significant -10 under 10',
      run: [800, 1000],
      maxRegression: 10,
      regressed: true,
      failsGate: false
    },
    {
      name: 'a significant -11 under 10',
      run: [790, 1000],
      maxRegression: 10,
      regressed: true,
      failsGate: true
    },
    {
      name: 'a significant -30 under 10',
      run: [600, 1000],
      maxRegression: 10,
      regressed: true,
      failsGate: true
    },
    {
      name: 'a significant -11 under 0',
      run: [790, 1000],
      maxRegression: 0,
      regressed: true,
      failsGate: true
    },
    { name: 'a significant -30 without max-regression', run: [600, 1000], regressed: true, failsGate: false },
    {
      name: 'a -30 within noise under 10',
      run: [6, 10],
      maxRegression: 10,
      regressed: false,
      failsGate: false
    },
    {
      name: 'a -30 within noise under 0',
      run: [6, 10],
      maxRegression: 0,
      regressed: false,
      failsGate: false
    },
    { name: 'no change', run: [900, 1000], maxRegression: 0, regressed: false, failsGate: false },
    { name: 'a significant rise', run: [990, 1000], maxRegression: 0, regressed: false, failsGate: false }
  ]
  it.each(cases)('$name: regressed $regressed, fails the gate $failsGate', c => {
    const result = compareWithBaseline(rate(...c.run), base, {
      scope: SCOPE,
      ...(c.maxRegression === undefined ? {} : { maxRegression: c.maxRegression })
    })
    expect({ regressed: result.regressed, failsGate: result.failsGate }).toEqual({
      regressed: c.regressed,
      failsGate: c.failsGate
    })
  })

  it('does not fail on a drop of exactly max-regression, whatever binary noise the rates carry', () => {
    // 70 % against 80 %: (0.7 - 0.8) × 100 is -10.000000000000009 in floating point.
    const result = compareWithBaseline(rate(700, 1000), recorded(rate(800, 1000)), {
      scope: SCOPE,
      maxRegression: 10
    })
    expect(result.regressed).toBe(true)
    expect(formatChange(result.comparison.change ?? NaN)).toBe('-10.0')
    expect(result.failsGate).toBe(false)
  })

  it('compares per eval definition and on the tasks both share only', () => {
    const [refunds, billing] = [
      '00000001-0000-4000-8000-0000000000aa',
      '00000001-0000-4000-8000-0000000000bb'
    ]
    const run = makeJudgement([
      { title: 'Refunds', id: refunds, tests: [{ evals: [{ name: 'tone', passed: true }] }] },
      { title: 'Billing', id: billing, tests: [{ evals: [{ name: 'tone', passed: false }] }] }
    ])
    const baseline = makeJudgement([
      { title: 'Refunds', id: refunds, tests: [{ evals: [{ name: 'tone', passed: true }] }] }
    ])
    const result = compareWithBaseline(run, recorded(baseline), { scope: SCOPE })
    expect(result.comparison.sharedTasks.map(t => t.key)).toEqual([refunds])
    expect(result.comparison.onlyInHead).toEqual([billing])
    expect(result.evalDefinitions.map(d => d.key)).toEqual([baseline.evalDefinitions[0].id])
  })
})

describe('scopeDiffers', () => {
  const scope = (taskIds: string[], more: Partial<MeasuredScope> = {}): MeasuredScope => ({
    ...SCOPE,
    taskIds,
    ...more
  })
  const differs = (recordScope: MeasuredScope | undefined, runScope: MeasuredScope): boolean => {
    const baseline = recorded(rate(9, 10))
    return compareWithBaseline(rate(9, 10), { ...baseline, scope: recordScope }, { scope: runScope })
      .scopeDiffers
  }

  it.each([
    ['the same filters', scope(['a', 'b']), scope(['a', 'b']), false],
    [
      'the same filters in another order',
      scope(['b', 'a'], { runTypes: ['CI', 'MANUAL'] }),
      scope(['a', 'b'], { runTypes: ['MANUAL', 'CI'] }),
      false
    ],
    ['other tasks', scope(['a']), scope(['a', 'b']), true],
    ['other eval definitions', scope([], { evalDefinitionIds: ['d1'] }), scope([]), true],
    [
      'other experiment variants',
      scope([], { experimentVariantIds: ['v1'] }),
      scope([], { experimentVariantIds: ['v2'] }),
      true
    ],
    ['other run types', scope([], { runTypes: ['CI'] }), scope([]), true]
  ])(
    'a base-commit record measured with %s: %s vs %s differs %s',
    (_name, recordScope, runScope, expected) => {
      expect(differs(recordScope, runScope)).toBe(expected)
    }
  )

  it('a base-commit record without a scope differs', () => {
    expect(differs(undefined, SCOPE)).toBe(true)
  })

  it('a scheduled baseline differs only when the run has tasks the baseline lacks', () => {
    const scheduled = (judgement: Judgement): Baseline => ({ ...recorded(judgement), source: 'scheduled' })
    const run = makeJudgement([
      { title: 'Refunds', tests: [{ evals: [{ name: 'tone', passed: true }] }] },
      { title: 'Billing', tests: [{ evals: [{ name: 'tone', passed: true }] }] }
    ])
    const other = scope(['x'])
    expect(compareWithBaseline(run, scheduled(run), { scope: other }).scopeDiffers).toBe(false)
    expect(compareWithBaseline(run, scheduled(rate(1, 1)), { scope: SCOPE }).scopeDiffers).toBe(true)
  })
})

describe('formatChange', () => {
  it.each([
    [3, '+3.0'],
    [-12.5, '-12.5'],
    [0, '0.0'],
    [-0, '0.0'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [0.05, '+0.1'],
    [-0.05, '-0.1'],
    [12.25, '+12.3'],
    [-12.25, '-12.3'],
    [1.15, '+1.2'],
    [-1.15, '-1.2'],
    [-9.999999999999998, '-10.0'],
    [100, '+100.0'],
    [-100, '-100.0']
  ])('%p → %s', (change, shown) => {
    expect(formatChange(change)).toBe(shown)
  })

  it('shows a drop as the mirror of the same rise', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), change => {
        const up = formatChange(Math.abs(change))
        const down = formatChange(-Math.abs(change))
        expect(down).toBe(up === '0.0' ? '0.0' : up.replace('+', '-'))
      })
    )
  })
})

describe('describeChange', () => {
  const comparison = (fields: Partial<Comparison>): Comparison => ({
    significant: false,
    direction: 'none',
    sharedTasks: [],
    onlyInHead: [],
    onlyInBase: [],
    ...fields
  })

  it.each([
    [{ change: -12.5, low: -20.14, high: -4.86 }, '-12.5 points (95% CI -20.1 to -4.9)'],
    [{ change: 3, low: -1, high: 7 }, '+3.0 points (95% CI -1.0 to +7.0)'],
    [{ change: 0, low: -2.5, high: 2.5 }, '0.0 points (95% CI -2.5 to +2.5)'],
    [{ change: 4 }, '+4.0 points'],
    [{}, 'no shared task to compare']
  ])('%p → %s', (fields, text) => {
    expect(describeChange(comparison(fields))).toBe(text)
  })
})

describe('regressionFailure', () => {
  it('names max-regression, the change with its 95% CI and the baseline', () => {
    const result = compareWithBaseline(rate(790, 1000), recorded(rate(900, 1000)), {
      scope: SCOPE,
      maxRegression: 10
    })
    const line = regressionFailure(result, 10, 'the base commit a1b2c3d')
    expect(line).toBe(
      'Avido test gate failed: the pass rate dropped by more than max-regression 10 points against ' +
        'the base commit a1b2c3d (90.0% on the shared tasks): -11.0 points (95% CI -14.1 to -7.9), ' +
        'a statistically significant drop.'
    )
    expect(line.split('\n')).toHaveLength(1)
  })
})
