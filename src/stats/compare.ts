import { studentT975, studentTQuantile, studentTTwoSidedPValue } from './distributions.js'
import { holm } from './holm.js'
import { MAX_RATE_SE, type RateInterval, rateInterval, rateStandardError } from './interval.js'
import { type RateSums, emptySums, mergeSums, rateFraction, residualSumOfSquares } from './sums.js'

export type Direction = 'up' | 'down' | 'none'

/** One task's change between the run (head) and the baseline (base); figures in points. */
export interface TaskChange {
  key: string
  head: RateInterval
  base: RateInterval
  /** head rate − base rate, points */
  change: number
  se: number
  /** half-width of this task's own 95 % interval (before any correction), points */
  margin: number
  /** two-sided, before correction */
  pValue: number
  /** after Holm's step-down correction at α = 0.05 over the tasks compared */
  significant: boolean
  direction: Direction
}

/**
 * The run against its baseline on the tasks both share, stratified by task and weighted by the run's evals.
 * When no task is shared, the numeric fields (change, se, margin, low, high, headRate, baseRate) are undefined,
 * significant is false and direction 'none'. Task lists keep the maps' insertion order.
 */
export interface Comparison {
  /** Σ wₖ(headₖ − baseₖ) / Σ wₖ in points, wₖ = the run's evals in task k */
  change?: number
  se?: number
  /** half-width of the 95 % interval, points */
  margin?: number
  low?: number
  high?: number
  /** the 95 % interval excludes 0 */
  significant: boolean
  direction: Direction
  /** only when not significant: the drop this comparison would detect with 80 % power, points */
  minimumDetectableDrop?: number
  sharedTasks: TaskChange[]
  onlyInHead: string[]
  onlyInBase: string[]
  /** pooled rate over the shared tasks, percent */
  headRate?: number
  baseRate?: number
}

/** A variance (fraction²) and the degrees of freedom it was estimated with (Infinity: a bound, not an estimate). */
export interface VarianceEstimate {
  variance: number
  df: number
}

const MAX_RATE_VARIANCE = MAX_RATE_SE * MAX_RATE_SE

/**
 * Per-test residual variance s² of one side (in evals²): Σₖ RSSₖ / Σₖ (nₖ − 1) over its tasks with at least
 * 2 tests, RSSₖ = Σ(xᵢ − pₖeᵢ)² around the task's own rate. Without such a task, the residual variance of all
 * the side's tests around its overall rate. Undefined when the side has fewer than 2 tests.
 */
export function pooledResidualVariance(side: ReadonlyMap<string, RateSums>): VarianceEstimate | undefined {
  let rss = 0
  let df = 0
  let all = emptySums()
  for (const sums of side.values()) {
    all = mergeSums(all, sums)
    if (sums.tests >= 2 && sums.evals > 0) {
      rss += residualSumOfSquares(sums)
      df += sums.tests - 1
    }
  }
  if (df > 0) return { variance: rss / df, df }
  if (all.tests >= 2) return { variance: residualSumOfSquares(all) / (all.tests - 1), df: all.tests - 1 }
  return undefined
}

/**
 * Variance of each task's rate on one side. A task with 2 or more tests uses its own tests (the clustered SE²,
 * or the rule of three when all its evals passed or all failed). A task with a single test borrows the side's
 * pooled per-test variance: Var(pₖ) = nₖ·s² / Eₖ². When the side shows no spread at all, or has too few tests
 * to measure one, the borrowed variance is the largest a rate can have, 1/4. No variance exceeds 1/4.
 * Borrowed variances share one estimate, so they are returned together for the degrees-of-freedom sum.
 */
function sideVariances(side: ReadonlyMap<string, RateSums>, keys: readonly string[]) {
  const own = new Map<string, VarianceEstimate>()
  const borrowed = new Map<string, number>()
  const pool = pooledResidualVariance(side)
  const poolUsable = pool !== undefined && pool.variance > 0
  for (const key of keys) {
    const sums = side.get(key) as RateSums
    const error = rateStandardError(sums)
    if (error !== undefined) {
      own.set(key, { variance: Math.min(MAX_RATE_VARIANCE, error.se * error.se), df: error.df })
    } else if (poolUsable) {
      const variance = (sums.tests * pool.variance) / (sums.evals * sums.evals)
      borrowed.set(key, Math.min(MAX_RATE_VARIANCE, variance))
    } else {
      own.set(key, { variance: MAX_RATE_VARIANCE, df: Infinity })
    }
  }
  return { own, borrowed, poolDf: poolUsable ? pool.df : Infinity }
}

/**
 * Welch–Satterthwaite degrees of freedom of a sum of independent variance estimates:
 * (Σ Vᵢ)² / Σ (Vᵢ² / dfᵢ). Infinity when every part has infinite df (or the sum is 0).
 */
export function welchSatterthwaite(parts: readonly VarianceEstimate[]): number {
  let total = 0
  let denominator = 0
  for (const { variance, df } of parts) {
    total += variance
    if (Number.isFinite(df)) denominator += (variance * variance) / df
  }
  return denominator > 0 && total > 0 ? Math.max(1, (total * total) / denominator) : Infinity
}

function direction(significant: boolean, change: number): Direction {
  if (!significant || change === 0) return 'none'
  return change > 0 ? 'up' : 'down'
}

function present(side: ReadonlyMap<string, RateSums>, key: string): boolean {
  const sums = side.get(key)
  return sums !== undefined && sums.tests > 0 && sums.evals > 0
}

/**
 * Compares the run (head) with its baseline (base), each given as per-task sums. Tasks count as present on a
 * side when they have evals there. The change and its variance Σₖ (wₖ/Σw)²·(Var headₖ + Var baseₖ) are taken
 * over the shared tasks; its 95 % interval uses Student's t with Welch–Satterthwaite degrees of freedom (the
 * normal when no part is estimated from few tests). Each task gets a two-sided p-value on the same footing, and
 * is marked significant only after Holm's correction over the tasks compared.
 */
export function compareStratified(
  head: ReadonlyMap<string, RateSums>,
  base: ReadonlyMap<string, RateSums>
): Comparison {
  const shared = [...head.keys()].filter(key => present(head, key) && present(base, key))
  const onlyInHead = [...head.keys()].filter(key => present(head, key) && !present(base, key))
  const onlyInBase = [...base.keys()].filter(key => present(base, key) && !present(head, key))
  if (shared.length === 0) {
    return { significant: false, direction: 'none', sharedTasks: [], onlyInHead, onlyInBase }
  }

  const headVar = sideVariances(head, shared)
  const baseVar = sideVariances(base, shared)
  const varianceOf = (side: ReturnType<typeof sideVariances>, key: string): VarianceEstimate =>
    side.own.get(key) ?? { variance: side.borrowed.get(key) as number, df: side.poolDf }

  const totalWeight = shared.reduce((sum, key) => sum + (head.get(key) as RateSums).evals, 0)
  let change = 0
  const ownParts: VarianceEstimate[] = []
  const pooledParts = { head: 0, base: 0 }
  let headTotals = emptySums()
  let baseTotals = emptySums()
  const rows = shared.map(key => {
    const headSums = head.get(key) as RateSums
    const baseSums = base.get(key) as RateSums
    headTotals = mergeSums(headTotals, headSums)
    baseTotals = mergeSums(baseTotals, baseSums)
    const diff = rateFraction(headSums) - rateFraction(baseSums)
    const share = headSums.evals / totalWeight
    change += share * diff
    const h = varianceOf(headVar, key)
    const b = varianceOf(baseVar, key)
    for (const [estimate, isBorrowed, side] of [
      [h, headVar.borrowed.has(key), 'head'],
      [b, baseVar.borrowed.has(key), 'base']
    ] as const) {
      const weighted = share * share * estimate.variance
      if (isBorrowed) pooledParts[side] += weighted
      else ownParts.push({ variance: weighted, df: estimate.df })
    }
    const se = Math.sqrt(h.variance + b.variance)
    const taskDf = welchSatterthwaite([h, b])
    const pValue = se > 0 ? studentTTwoSidedPValue(diff / se, taskDf) : diff === 0 ? 1 : 0
    return {
      key,
      head: rateInterval(headSums),
      base: rateInterval(baseSums),
      change: 100 * diff,
      se: 100 * se,
      margin: 100 * se * studentT975(Math.max(1, taskDf)),
      pValue
    }
  })

  const marks = holm(rows.map(row => row.pValue))
  const sharedTasks: TaskChange[] = rows.map((row, i) => ({
    ...row,
    significant: marks[i],
    direction: direction(marks[i], row.change)
  }))

  const parts = [
    ...ownParts,
    { variance: pooledParts.head, df: headVar.poolDf },
    { variance: pooledParts.base, df: baseVar.poolDf }
  ]
  const variance = parts.reduce((sum, part) => sum + part.variance, 0)
  const df = welchSatterthwaite(parts)
  const se = 100 * Math.sqrt(variance)
  const points = 100 * change
  const margin = studentT975(df) * se
  const significant = points - margin > 0 || points + margin < 0
  return {
    change: points,
    se,
    margin,
    low: Math.max(-100, points - margin),
    high: Math.min(100, points + margin),
    significant,
    direction: direction(significant, points),
    ...(significant ? {} : { minimumDetectableDrop: (studentT975(df) + studentTQuantile(0.8, df)) * se }),
    sharedTasks,
    onlyInHead,
    onlyInBase,
    headRate: 100 * rateFraction(headTotals),
    baseRate: 100 * rateFraction(baseTotals)
  }
}
