/**
 * The few distribution functions the gate's error bars need: the standard normal and Student's t (CDF,
 * quantile, two-sided p-value). Computed from the regularized incomplete gamma and beta functions (continued
 * fractions, as in Numerical Recipes §6.2 and §6.4), so they hold to about 1e-12 across the range the gate uses.
 */

const EPS = 1e-15
const TINY = 1e-300
const MAX_ITERATIONS = 20_000
/** Beyond this many degrees of freedom Student's t is the normal to well under 1e-7. */
const NORMAL_DF = 1e7

/** 97.5 % and 80 % points of the standard normal. */
export const Z975 = 1.959963984540054
export const Z80 = 0.8416212335729143

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
]

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x)
  const z = x - 1
  let sum = LANCZOS[0]
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

function guard(value: number): number {
  return Math.abs(value) < TINY ? TINY : value
}

/** Upper regularized incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a))
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPS; n++) {
      term *= x / (a + n)
      sum += term
    }
    return 1 - sum * front
  }
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = 1 / guard(an * d + b)
    c = guard(b + an / c)
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return front * h
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1))
  let h = d
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2))
    d = 1 / guard(1 + even * d)
    c = guard(1 + even / c)
    h *= d * c
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2))
    d = 1 / guard(1 + odd * d)
    c = guard(1 + odd / c)
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return h
}

/** Regularized incomplete beta I_x(a, b); pass y = 1 − x when it is known more precisely than 1 − x. */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0
  if (y <= 0) return 1
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(y))
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a
  return 1 - (front * betaContinuedFraction(b, a, y)) / b
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN
  const tail = 0.5 * gammaQ(0.5, (x * x) / 2)
  return x < 0 ? tail : 1 - tail
}

const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716
]
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572
]
const ACKLAM_C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734]
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]

function acklamTail(q: number): number {
  const [c0, c1, c2, c3] = ACKLAM_C
  const [d0, d1, d2, d3] = ACKLAM_D
  return (
    (((((c0 * q + c1) * q + c2) * q + c3) * q + 4.374664141464968) * q + 2.938163982698783) /
    ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
  )
}

/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1 (Acklam's approximation, refined by one Halley step). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity
    if (p === 1) return Infinity
    return NaN
  }
  let x: number
  if (p < 0.02425) x = acklamTail(Math.sqrt(-2 * Math.log(p)))
  else if (p > 1 - 0.02425) x = -acklamTail(Math.sqrt(-2 * Math.log(1 - p)))
  else {
    const q = p - 0.5
    const r = q * q
    const [a0, a1, a2, a3, a4] = ACKLAM_A
    const [b0, b1, b2, b3, b4] = ACKLAM_B
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + 2.506628277459239) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  }
  const error = normalCdf(x) - p
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2)
  return x - u / (1 + (x * u) / 2)
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`)
}

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom (df may be non-integer or Infinity). */
export function studentTTwoSidedPValue(t: number, df: number): number {
  checkDf(df)
  if (Number.isNaN(t)) return NaN
  if (df > NORMAL_DF) return 2 * normalCdf(-Math.abs(t))
  const t2 = t * t
  return Math.min(1, regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2)))
}

/** Student's t CDF P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSidedPValue(t, df) / 2
  return t < 0 ? tail : 1 - tail
}

/** Student's t quantile for 0 < p < 1 and df > 0 (bisection on the two-sided tail). */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df)
  if (!(p > 0 && p < 1)) return normalQuantile(p)
  if (df > NORMAL_DF) return normalQuantile(p)
  if (p === 0.5) return 0
  const upper = Math.max(p, 1 - p)
  const target = 2 * (1 - upper)
  let lo = 0
  let hi = Math.max(1, 2 * normalQuantile(upper))
  while (studentTTwoSidedPValue(hi, df) > target) {
    lo = hi
    hi *= 2
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2
    if (studentTTwoSidedPValue(mid, df) > target) lo = mid
    else hi = mid
  }
  const t = (lo + hi) / 2
  return p > 0.5 ? t : -t
}

const t975Cache = new Map<number, number>()

/** The 97.5 % point of Student's t with df ≥ 1 degrees of freedom (→ 1.959964 as df → ∞). */
export function studentT975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be at least 1, got ${df}`)
  let value = t975Cache.get(df)
  if (value === undefined) {
    value = studentTQuantile(0.975, df)
    if (t975Cache.size < 1000) t975Cache.set(df, value)
  }
  return value
}
