import { describe, expect, it } from '@jest/globals'
import { comparisonLines } from '../../demo/comparison.js'

const outputs = (extra: Record<string, string>) => ({
  'pass-rate': '35.0',
  'pass-rate-margin': '11.6',
  ...extra
})

describe('comparisonLines', () => {
  it('says the run was judged alone when there is no baseline', () => {
    expect(comparisonLines(outputs({ baseline: '' }))).toEqual([
      'Pass rate      35.0% ± 11.6',
      'Baseline       none: the run was judged on its own'
    ])
  })

  it.each([
    ['-52.5', '11.3', 'true', 'true: a significant drop (the change is beyond its margin)'],
    ['-5.0', '12.6', 'false', 'false: within noise (a drop inside its margin)'],
    ['+2.5', '16.8', 'false', 'false: within noise (a rise inside its margin)'],
    ['0.0', '3.0', 'false', 'false: within noise (no change inside its margin)'],
    ['+20.0', '5.0', 'false', 'false: a significant rise']
  ])('change %s ± %s, regressed %s reads "%s"', (change, margin, regressed, verdict) => {
    const lines = comparisonLines(
      outputs({
        baseline: 'base-commit',
        'baseline-pass-rate': '87.5',
        'pass-rate-change': change,
        'change-margin': margin,
        regressed
      })
    )
    expect(lines).toEqual([
      'Pass rate      35.0% ± 11.6',
      "Baseline       87.5% (base-commit: the gate's record on the base commit)",
      `Change         ${change} ± ${margin} points`,
      `Regressed      ${verdict}`
    ])
  })

  it('names a scheduled baseline', () => {
    const lines = comparisonLines(outputs({ baseline: 'scheduled', 'baseline-pass-rate': '80.0' }))
    expect(lines[1]).toBe("Baseline       80.0% (scheduled: Avido's newest scheduled run)")
  })
})
