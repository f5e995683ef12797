import { describe, expect, it } from '@jest/globals'
import { Z975, addTest, emptySums, rateInterval, studentT975, sumsOf } from '../../src/stats/index.js'

const repeat = (n: number, test: [number, number]): [number, number][] =>
  Array.from({ length: n }, () => test)

describe('rateInterval: clustered t', () => {
  it.each([
    // 3 tests (2,2),(1,2),(0,2): p = 0.5, residuals 1, 0, −1, RSS = 2.
    // SE = √(3/2·2)/6 = 0.288675 → 28.8675 points; t(2) = 4.302653 → margin 124.207, kept within [0, 100].
    [
      'three tests',
      sumsOf([
        [2, 2],
        [1, 2],
        [0, 2]
      ]),
      50,
      28.867513,
      124.206886,
      0,
      100
    ],
    // 2 tests (1,2),(2,2): p = 0.75, residuals −0.5, 0.5, RSS = 0.5.
    // SE = √(2·0.5)/4 = 0.25 → 25 points; t(1) = 12.706205 → margin 317.655.
    [
      'two tests',
      sumsOf([
        [1, 2],
        [2, 2]
      ]),
      75,
      25,
      317.655118,
      0,
      100
    ],
    // 10 tests of 4 evals, passed 3,2,3,1,2,3,2,3,2,3: p = 24/40 = 0.6, p·e = 2.4.
    // Residuals 0.6 (×5), −0.4 (×4), −1.4: RSS = 1.8 + 0.64 + 1.96 = 4.4
    // (from the sums: Σx² − 2pΣxe + p²Σe² = 62 − 115.2 + 57.6 = 4.4).
    // SE = √(10/9·4.4)/40 = 0.0552771 → 5.52771 points; t(9) = 2.262157 → margin 12.5045 → [47.4955, 72.5045].
    [
      'ten tests',
      sumsOf([3, 2, 3, 1, 2, 3, 2, 3, 2, 3].map(x => [x, 4] as [number, number])),
      60,
      5.527708,
      12.504544,
      47.495456,
      72.504544
    ],
    // Every test scored 1 of 2: the residuals vanish, so the SE is one eval's share, 1/8 → 12.5 points;
    // t(3) = 3.182446 → margin 39.7806 → [10.2194, 89.7806].
    ['identical tests', sumsOf(repeat(4, [1, 2])), 50, 12.5, 39.780579, 10.219421, 89.780579]
  ])('%s', (_name, sums, rate, se, margin, low, high) => {
    const interval = rateInterval(sums)
    expect(interval.method).toBe('clustered-t')
    expect(interval.rate).toBeCloseTo(rate, 10)
    expect(interval.se).toBeCloseTo(se, 5)
    expect(interval.margin).toBeCloseTo(margin, 5)
    expect(interval.low).toBeCloseTo(low, 5)
    expect(interval.high).toBeCloseTo(high, 5)
  })

  it('counts errored tests as 0 passed of at least one eval', () => {
    // (3,3), (3,3), errored with no evals → (0,1), errored with 2 evals → (0,2): Σx = 6, Σe = 9, p = 2/3.
    // Residuals 1, 1, −2/3, −4/3: RSS = 2 + 4/9 + 16/9 = 38/9.
    // SE = √(152/27)/9 = 2.372684/9 → 26.363156 points; t(3) = 3.182446 → margin 83.899.
    let sums = sumsOf([
      [3, 3],
      [3, 3]
    ])
    sums = addTest(sums, 0, 1) // an errored test without evals
    sums = addTest(sums, 0, 2) // an errored test of 2 evals
    const interval = rateInterval(sums)
    expect(interval.tests).toBe(4)
    expect(interval.rate).toBeCloseTo(66.666667, 5)
    expect(interval.se).toBeCloseTo(26.363156, 5)
    expect(interval.margin).toBeCloseTo(studentT975(3) * 26.363156, 4)
    expect(interval.low).toBe(0)
    expect(interval.high).toBe(100)
  })
})

describe('rateInterval: rule of three', () => {
  it('100 % of 20 tests is at least 85 %', () => {
    // 3/20 = 15 points below the rate; se = 15/1.959964 = 7.6532
    expect(rateInterval(sumsOf(repeat(20, [4, 4])))).toEqual({
      rate: 100,
      tests: 20,
      se: 15 / Z975,
      margin: 15,
      low: 85,
      high: 100,
      method: 'rule-of-three'
    })
  })

  it('0 % of 20 tests is at most 15 %, errored tests included', () => {
    let sums = sumsOf(repeat(19, [0, 3]))
    sums = addTest(sums, 0, 1) // an errored test without evals
    expect(rateInterval(sums)).toEqual({
      rate: 0,
      tests: 20,
      se: 15 / Z975,
      margin: 15,
      low: 0,
      high: 15,
      method: 'rule-of-three'
    })
  })

  it('reaches the far end with 3 tests or fewer, and caps the SE at 50 points', () => {
    // 3/2 > 1: the bound is 0 %, 100 points away; 100/1.96 = 51 points is more than any rate can vary.
    expect(rateInterval(sumsOf(repeat(2, [1, 1])))).toEqual({
      rate: 100,
      tests: 2,
      se: 50,
      margin: 100,
      low: 0,
      high: 100,
      method: 'rule-of-three'
    })
  })
})

describe('rateInterval: no margin', () => {
  it.each([
    ['no tests', emptySums(), 0, 0],
    ['one test', sumsOf([[3, 4]]), 75, 1],
    ['one errored test', addTest(emptySums(), 0, 1), 0, 1],
    [
      'tests without evals',
      sumsOf([
        [0, 0],
        [0, 0]
      ]),
      0,
      2
    ]
  ])('%s', (_name, sums, rate, tests) => {
    expect(rateInterval(sums)).toEqual({ rate, tests, method: 'none' })
  })
})
