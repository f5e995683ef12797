/**
 * Sufficient statistics of a pass rate over tests. Tests are read page by page and never kept, so every
 * estimate is computed from these six running sums, which are plain numbers (they are also stored in the
 * record a later run compares with). For test i with eᵢ evals of which xᵢ passed:
 * Σ(xᵢ − p·eᵢ)² = Σx² − 2p·Σxe + p²·Σe².
 */
export interface RateSums {
  /** n, the number of tests */
  readonly tests: number
  /** Σe */
  readonly evals: number
  /** Σx */
  readonly passed: number
  /** Σx² */
  readonly passedSq: number
  /** Σx·e */
  readonly passedEvals: number
  /** Σe² */
  readonly evalsSq: number
}

const FIELDS = ['tests', 'evals', 'passed', 'passedSq', 'passedEvals', 'evalsSq'] as const

export function emptySums(): RateSums {
  return { tests: 0, evals: 0, passed: 0, passedSq: 0, passedEvals: 0, evalsSq: 0 }
}

/**
 * The sums with one more test of `evals` evals, `passed` of which passed. Pure: returns a new object.
 * A passed count above evals by rounding noise only (1e-9 relative) is taken as evals; anything else out of
 * range is a programming error and throws a RangeError.
 */
export function addTest(sums: RateSums, passed: number, evals: number): RateSums {
  if (!Number.isFinite(passed) || !Number.isFinite(evals) || passed < 0 || evals < 0) {
    throw new RangeError(`a test needs finite, non-negative counts, got ${passed} of ${evals}`)
  }
  if (passed > evals) {
    if (passed - evals > 1e-9 * evals) throw new RangeError(`${passed} passed of only ${evals} evals`)
    passed = evals
  }
  return {
    tests: sums.tests + 1,
    evals: sums.evals + evals,
    passed: sums.passed + passed,
    passedSq: sums.passedSq + passed * passed,
    passedEvals: sums.passedEvals + passed * evals,
    evalsSq: sums.evalsSq + evals * evals
  }
}

export function mergeSums(a: RateSums, b: RateSums): RateSums {
  return {
    tests: a.tests + b.tests,
    evals: a.evals + b.evals,
    passed: a.passed + b.passed,
    passedSq: a.passedSq + b.passedSq,
    passedEvals: a.passedEvals + b.passedEvals,
    evalsSq: a.evalsSq + b.evalsSq
  }
}

/** Sums of a list of (passed, evals) pairs. */
export function sumsOf(tests: Iterable<readonly [passed: number, evals: number]>): RateSums {
  let sums = emptySums()
  for (const [passed, evals] of tests) sums = addTest(sums, passed, evals)
  return sums
}

/** The pooled rate Σx / Σe as a fraction in [0, 1]; 0 when there are no evals. */
export function rateFraction(sums: RateSums): number {
  return sums.evals > 0 ? Math.min(1, Math.max(0, sums.passed / sums.evals)) : 0
}

/** Σ(xᵢ − p·eᵢ)² around the pooled rate p; rounding can make the expansion slightly negative, so it is floored at 0. */
export function residualSumOfSquares(sums: RateSums): number {
  const p = rateFraction(sums)
  return Math.max(0, sums.passedSq - 2 * p * sums.passedEvals + p * p * sums.evalsSq)
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER
}

/**
 * Whether an untrusted value (e.g. read from a stored record) is a RateSums that some set of tests could have
 * produced: six finite non-negative numbers, an integer test count, x ≤ e so Σx ≤ Σe and Σx² ≤ Σxe ≤ Σe²,
 * and nothing but zeros without tests.
 */
export function isRateSums(value: unknown): value is RateSums {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  if (!FIELDS.every(field => isCount(record[field]))) return false
  const s = record as unknown as RateSums
  const slack = (bound: number): number => bound * (1 + 1e-9) + 1e-9
  if (!Number.isInteger(s.tests)) return false
  if (s.tests === 0) return FIELDS.every(field => s[field] === 0)
  return (
    s.passed <= slack(s.evals) &&
    s.passedSq <= slack(s.passedEvals) &&
    s.passedEvals <= slack(s.evalsSq) &&
    s.evalsSq <= slack(s.evals * s.evals)
  )
}
