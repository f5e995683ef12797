import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { holm } from '../../src/stats/index.js'

describe('holm', () => {
  it.each([
    // m = 4, sorted .005 ≤ .05/4 = .0125 ✓, .01 ≤ .05/3 = .0167 ✓, .03 ≤ .05/2 = .025 ✗ → stop
    [
      [0.01, 0.04, 0.03, 0.005],
      [true, false, false, true]
    ],
    // .01 ≤ .0167 ✓, .02 ≤ .025 ✓, .03 ≤ .05 ✓: all three, where Bonferroni (.0167) keeps only the first
    [
      [0.03, 0.01, 0.02],
      [true, true, true]
    ],
    // the smallest already fails .05/3, so nothing is significant although .04 < .05
    [
      [0.02, 0.04, 0.03],
      [false, false, false]
    ],
    // a single test is compared with α itself
    [[0.05], [true]],
    [[0.0500001], [false]],
    [[], []],
    // NaN is never significant but still counts: .01 ≤ .05/2 ✓
    [
      [NaN, 0.01],
      [false, true]
    ]
  ])('%j → %j', (pValues, expected) => {
    expect(holm(pValues)).toEqual(expected)
  })

  it('takes another α', () => {
    expect(holm([0.005, 0.02], 0.01)).toEqual([true, false])
  })

  it('rejects at least what Bonferroni rejects, and never a p-value above α', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), pValues => {
        const marks = holm(pValues)
        pValues.forEach((p, i) => {
          if (p <= 0.05 / pValues.length) expect(marks[i]).toBe(true)
          if (p > 0.05) expect(marks[i]).toBe(false)
        })
      })
    )
  })
})
