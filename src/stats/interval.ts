import { studentT975, Z975 } from './distributions.js'
import { type RateSums, rateFraction, residualSumOfSquares } from './sums.js'

export type IntervalMethod = 'clustered-t' | 'rule-of-three' | 'none'

/** A pass rate with its 95 % confidence interval. All figures are in percent (points), unrounded. */
export interface RateInterval {
  /** Σ passed / Σ evals × 100; 0 when there are no evals */
  rate: number
  tests: number
  /** standard error in points; undefined when it cannot be estimated */
  se?: number
  /**
   * Half-width of the interval in points before it is kept within [0, 100] (t·SE). For the rule of three it is
   * the distance from the rate to the far bound. Undefined when it cannot be estimated (fewer than 2 tests).
   */
  margin?: number
  /** lower bound in percent, within [0, 100] */
  low?: number
  /** upper bound in percent, within [0, 100] */
  high?: number
  method: IntervalMethod
}

/** Standard error of a rate as a fraction, the degrees of freedom behind it (Infinity: none estimated), and how. */
export interface RateError {
  se: number
  df: number
  method: Exclude<IntervalMethod, 'none'>
}

/** The largest standard deviation any rate in [0, 1] can have. */
export const MAX_RATE_SE = 0.5

/** The rule of three: when none of n tests failed, the failure rate is below 3/n with 95 % confidence. */
function ruleOfThreeReach(tests: number): number {
  return Math.min(1, 3 / tests)
}

/**
 * The clustered (ratio-estimator) standard error of Σx/Σe, tests being the clusters:
 * SE = √( n/(n−1) · Σ(xᵢ − p·eᵢ)² ) / Σe with n − 1 degrees of freedom.
 * - Fewer than 2 tests or no evals: undefined.
 * - Every eval passed, or every eval failed: the residuals are all 0, so the SE is the one a normal 95 % interval
 *   as wide as the rule of three would have, (3/n)/1.96, at most 0.5; no degrees of freedom are estimated.
 * - Otherwise the SE is never taken below 1/Σe, one eval's share of the suite: when every test scored exactly
 *   the same rate the residuals vanish although the suite cannot resolve a difference finer than one eval.
 */
export function rateStandardError(sums: RateSums): RateError | undefined {
  const n = sums.tests
  if (n < 2 || !(sums.evals > 0)) return undefined
  if (sums.passed <= 0 || sums.passed >= sums.evals) {
    return { se: Math.min(MAX_RATE_SE, ruleOfThreeReach(n) / Z975), df: Infinity, method: 'rule-of-three' }
  }
  const clustered = Math.sqrt((n / (n - 1)) * residualSumOfSquares(sums)) / sums.evals
  return { se: Math.max(clustered, 1 / sums.evals), df: n - 1, method: 'clustered-t' }
}

/** A pass rate with its 95 % interval: p ± t(n−1)·SE kept within [0, 100], or the rule of three at 0 % or 100 %. */
export function rateInterval(sums: RateSums): RateInterval {
  const rate = 100 * rateFraction(sums)
  const error = rateStandardError(sums)
  if (error === undefined) return { rate, tests: sums.tests, method: 'none' }
  const se = 100 * error.se
  if (error.method === 'rule-of-three') {
    const margin = 100 * ruleOfThreeReach(sums.tests)
    return rate >= 100
      ? { rate, tests: sums.tests, se, margin, low: 100 - margin, high: 100, method: error.method }
      : { rate, tests: sums.tests, se, margin, low: 0, high: margin, method: error.method }
  }
  const margin = studentT975(error.df) * se
  return {
    rate,
    tests: sums.tests,
    se,
    margin,
    low: Math.max(0, rate - margin),
    high: Math.min(100, rate + margin),
    method: error.method
  }
}
