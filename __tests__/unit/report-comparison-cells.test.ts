import { describe, expect, it } from '@jest/globals'
import { comparisonLine, rowChangeCell } from '../../src/render/report/sections/comparison.js'
import type { BaselineView } from '../../src/render/report/types.js'

// The report rounds a change as the outputs and the status line do (formatChange): a change of -4.05 points
// is 4.1 everywhere, never 4.0 in one place and 4.1 in another.

const view = (change: number, significant: boolean): BaselineView =>
  ({
    label: 'base commit abc1234',
    url: 'https://github.com/a/b/commit/abc',
    change,
    margin: 1.2,
    significant
  }) as BaselineView

describe('changes in the comparison', () => {
  it.each([
    [-4.05, '▼ 4.1 ± 1.2 points', '▼ 4.1 ± 1.2', '−4.1 ± 1.2 (noise)'],
    [4.05, '▲ 4.1 ± 1.2 points', '▲ 4.1 ± 1.2', '+4.1 ± 1.2 (noise)'],
    [-0.05, '▼ 0.1 ± 1.2 points', '▼ 0.1 ± 1.2', '−0.1 ± 1.2 (noise)'],
    [0.04, 'no change (0.0 ± 1.2 points)', '0.0 ± 1.2 (noise)', '0.0 ± 1.2 (noise)'],
    [-12.25, '▼ 12.3 ± 1.2 points', '▼ 12.3 ± 1.2', '−12.3 ± 1.2 (noise)']
  ])('%d points', (change, line, significantCell, noiseCell) => {
    expect(comparisonLine(view(change, true))).toContain(`:** ${line}, significant`)
    expect(rowChangeCell({ change, margin: 1.2, significant: true, baseRate: 50 })).toBe(significantCell)
    expect(rowChangeCell({ change, margin: 1.2, significant: false, baseRate: 50 })).toBe(noiseCell)
  })
})
