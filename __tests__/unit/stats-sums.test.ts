import { describe, expect, it } from '@jest/globals'
import {
  addTest,
  emptySums,
  isRateSums,
  mergeSums,
  rateFraction,
  residualSumOfSquares,
  sumsOf
} from '../../src/stats/index.js'

describe('addTest', () => {
  it('keeps the six sums of (passed, evals) pairs', () => {
    // (2,2), (1,2), (0,2): Σe = 6, Σx = 3, Σx² = 5, Σxe = 6, Σe² = 12
    expect(
      sumsOf([
        [2, 2],
        [1, 2],
        [0, 2]
      ])
    ).toEqual({
      tests: 3,
      evals: 6,
      passed: 3,
      passedSq: 5,
      passedEvals: 6,
      evalsSq: 12
    })
  })

  it('returns a new object and leaves its input alone', () => {
    const before = emptySums()
    const after = addTest(before, 1, 3)
    expect(before).toEqual(emptySums())
    expect(after).toEqual({ tests: 1, evals: 3, passed: 1, passedSq: 1, passedEvals: 3, evalsSq: 9 })
  })

  it('counts a test without evals as a test', () => {
    expect(addTest(emptySums(), 0, 0)).toEqual({ ...emptySums(), tests: 1 })
  })

  it('takes a passed count above evals by rounding noise as evals', () => {
    expect(addTest(emptySums(), 3.0000000000000004, 3).passed).toBe(3)
  })

  it.each([
    [-1, 2],
    [1, -2],
    [3, 2],
    [NaN, 2],
    [1, Infinity]
  ])('rejects %d passed of %d evals', (passed, evals) => {
    expect(() => addTest(emptySums(), passed, evals)).toThrow(RangeError)
  })
})

describe('mergeSums', () => {
  it('adds field by field', () => {
    const a = sumsOf([[2, 2]])
    const b = sumsOf([
      [1, 3],
      [0, 1]
    ])
    expect(mergeSums(a, b)).toEqual(
      sumsOf([
        [2, 2],
        [1, 3],
        [0, 1]
      ])
    )
    expect(mergeSums(a, emptySums())).toEqual(a)
  })
})

describe('rateFraction and residualSumOfSquares', () => {
  it('computes Σ(x − p·e)² from the sums', () => {
    // p = 3/6; residuals 1, 0, −1 → 2; from the sums: 5 − 2·0.5·6 + 0.25·12 = 2
    const sums = sumsOf([
      [2, 2],
      [1, 2],
      [0, 2]
    ])
    expect(rateFraction(sums)).toBe(0.5)
    expect(residualSumOfSquares(sums)).toBeCloseTo(2, 12)
  })

  it('is 0 without evals, and never negative', () => {
    expect(rateFraction(emptySums())).toBe(0)
    expect(residualSumOfSquares(emptySums())).toBe(0)
    expect(
      residualSumOfSquares(
        sumsOf([
          [1, 3],
          [1, 3],
          [1, 3]
        ])
      )
    ).toBeGreaterThanOrEqual(0)
  })
})

describe('isRateSums', () => {
  it('accepts sums that tests produced', () => {
    expect(isRateSums(emptySums())).toBe(true)
    expect(
      isRateSums(
        sumsOf([
          [2, 2],
          [1, 2],
          [0, 2],
          [0, 0]
        ])
      )
    ).toBe(true)
    expect(
      isRateSums(
        JSON.parse(
          JSON.stringify(
            sumsOf([
              [7, 9],
              [3, 3]
            ])
          )
        )
      )
    ).toBe(true)
  })

  const good = sumsOf([
    [2, 2],
    [1, 2]
  ])
  it.each([
    ['null', null],
    ['a string', 'sums'],
    ['a missing field', { ...good, evalsSq: undefined }],
    ['a string field', { ...good, evals: '4' }],
    ['a negative field', { ...good, passedSq: -1 }],
    ['an infinite field', { ...good, evalsSq: Infinity }],
    ['a fractional test count', { ...good, tests: 1.5 }],
    ['more passed than evals', { ...good, passed: 5 }],
    ['Σx² above Σxe', { ...good, passedSq: 7 }],
    ['Σxe above Σe²', { ...good, passedEvals: 9, evalsSq: 8 }],
    ['Σe² above (Σe)²', { ...good, evalsSq: 17 }],
    ['evals without tests', { ...emptySums(), evals: 2 }]
  ])('rejects %s', (_name, value) => {
    expect(isRateSums(value)).toBe(false)
  })
})
