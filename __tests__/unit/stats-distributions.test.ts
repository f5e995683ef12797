import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { lnGamma, regularizedBeta } from '../../src/stats/distributions.js'
import {
  Z80,
  Z975,
  normalCdf,
  normalQuantile,
  studentT975,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedPValue
} from '../../src/stats/index.js'

describe('studentT975', () => {
  // Printed t-tables (3 decimals), plus the closed forms for df 1 and 2:
  // df 1: tan(π·(0.975 − ½)) = 12.7062047; df 2: (2p − 1)/√(2p(1 − p)) = 0.95/√0.04875 = 4.3026527.
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
    [1e6, 1.96]
  ])('t(%d) matches the table value %d', (df, table) => {
    expect(Math.abs(studentT975(df) - table)).toBeLessThan(0.0005)
  })

  it('matches the closed forms for 1 and 2 degrees of freedom to 1e-9', () => {
    expect(studentT975(1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 9)
    expect(studentT975(2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 9)
  })

  it('tends to the normal 1.959964 and is the normal at infinite df', () => {
    expect(studentT975(1e6)).toBeCloseTo(1.9599664, 6)
    expect(studentT975(1e9)).toBeCloseTo(Z975, 9)
    expect(studentT975(Infinity)).toBeCloseTo(Z975, 12)
  })

  it('takes non-integer df between its integer neighbours', () => {
    const value = studentT975(2.5)
    expect(value).toBeLessThan(studentT975(2))
    expect(value).toBeGreaterThan(studentT975(3))
  })

  it.each([0.5, 0, -1, NaN])('rejects df %d', df => {
    expect(() => studentT975(df)).toThrow(RangeError)
  })

  it('decreases with df', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1.001, max: 10, noNaN: true }),
        (df, k) => {
          expect(studentT975(df * k)).toBeLessThan(studentT975(df))
        }
      )
    )
  })
})

describe('normal distribution', () => {
  it.each([
    [0, 0.5],
    [-1, 0.15865525393145707],
    [1.959963984540054, 0.975],
    [-3, 0.0013498980316301],
    [-8, 6.220960574271785e-16]
  ])('Φ(%d) = %d', (x, p) => {
    expect(normalCdf(x) / p).toBeCloseTo(1, 10)
  })

  it('has the quantiles the power analysis uses', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z975, 12)
    expect(normalQuantile(0.8)).toBeCloseTo(Z80, 12)
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14)
    expect(normalQuantile(0)).toBe(-Infinity)
    expect(normalQuantile(1)).toBe(Infinity)
    expect(normalQuantile(1.5)).toBeNaN()
  })

  it('inverts its CDF across the range', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), p => {
        expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 9)
      })
    )
  })
})

describe('Student t CDF and p-value', () => {
  it('gives the textbook two-sided p-values', () => {
    expect(studentTTwoSidedPValue(2.228138852, 10)).toBeCloseTo(0.05, 9)
    // df 1 is Cauchy: P(|T| ≥ 1) = 1/2.
    expect(studentTTwoSidedPValue(1, 1)).toBeCloseTo(0.5, 12)
    expect(studentTTwoSidedPValue(0, 7)).toBe(1)
    expect(studentTTwoSidedPValue(-3, Infinity)).toBeCloseTo(2 * normalCdf(-3), 12)
  })

  it('inverts its quantile for any df and probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (df, p) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9)
        }
      )
    )
  })

  it('is symmetric', () => {
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-studentTQuantile(0.975, 4), 10)
    expect(studentTCdf(-1.3, 6) + studentTCdf(1.3, 6)).toBeCloseTo(1, 12)
  })
})

describe('special functions', () => {
  it('lnGamma matches known values', () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12)
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 11)
    expect(lnGamma(1)).toBeCloseTo(0, 13)
  })

  it('regularizedBeta matches I_x(1, b) = 1 − (1 − x)^b and its ends', () => {
    expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12)
    expect(regularizedBeta(0, 2, 3)).toBe(0)
    expect(regularizedBeta(1, 2, 3)).toBe(1)
  })
})
