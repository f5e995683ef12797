import { compareStratified, type Comparison, type RateSums, type TaskChange } from '../stats/index.js'
import { formatChange, formatRate, withoutBinaryNoise } from '../shared/format.js'
import type { Judgement } from './types.js'
import type { Verdict } from './verdict.js'

export type BaselineSource = 'base-commit' | 'scheduled'

/** The filters a run was measured with; two runs measured with different filters are compared on shared tasks. */
export interface MeasuredScope {
  taskIds: string[]
  evalDefinitionIds: string[]
  experimentVariantIds: string[]
  runTypes: string[]
}

/** What a run is compared with: per-task and per-eval-definition sums, and where they came from. */
export interface Baseline {
  source: BaselineSource
  /** When the baseline was measured (ISO 8601). */
  measuredAt: string
  /** base-commit: the commit whose record was used. */
  sha?: string
  /** scheduled: the Avido runs whose tests were used. */
  runIds?: string[]
  scope?: MeasuredScope
  overall: RateSums
  tasks: ReadonlyMap<string, RateSums>
  evalDefinitions: ReadonlyMap<string, RateSums>
}

export interface BaselineComparison {
  baseline: Baseline
  /** The run against the baseline, stratified by task, over the tasks both share. */
  comparison: Comparison
  /** Per eval definition shared by both, each compared on its own (Holm-corrected across definitions). */
  evalDefinitions: TaskChange[]
  /** The baseline was measured with other filters: only the tasks both share are compared. */
  scopeDiffers: boolean
  /** The change is a statistically significant drop. */
  regressed: boolean
  /** `max-regression` is set, and the drop is significant and larger than it: the step fails. */
  failsGate: boolean
}

function sumsByKey(rows: { id: string; sums: RateSums }[]): Map<string, RateSums> {
  return new Map(rows.filter(row => row.sums.evals > 0).map(row => [row.id, row.sums]))
}

function sameScope(a: MeasuredScope | undefined, b: MeasuredScope): boolean {
  if (!a) return false
  const same = (x: string[], y: string[]) => [...x].sort().join(',') === [...y].sort().join(',')
  return (
    same(a.taskIds, b.taskIds) &&
    same(a.evalDefinitionIds, b.evalDefinitionIds) &&
    same(a.experimentVariantIds, b.experimentVariantIds) &&
    same(a.runTypes, b.runTypes)
  )
}

/** The run compared with its baseline, and whether the change fails the gate under `max-regression`. */
export function compareWithBaseline(
  judgement: Judgement,
  baseline: Baseline,
  options: { scope: MeasuredScope; maxRegression?: number }
): BaselineComparison {
  const comparison = compareStratified(sumsByKey(judgement.tasks), baseline.tasks)
  const definitions = compareStratified(sumsByKey(judgement.evalDefinitions), baseline.evalDefinitions)
  const regressed = comparison.significant && comparison.direction === 'down'
  const failsGate =
    regressed &&
    options.maxRegression !== undefined &&
    comparison.change !== undefined &&
    withoutBinaryNoise(comparison.change) < -options.maxRegression
  return {
    baseline,
    comparison,
    evalDefinitions: definitions.sharedTasks,
    scopeDiffers:
      baseline.source === 'base-commit'
        ? !sameScope(baseline.scope, options.scope)
        : comparison.onlyInHead.length > 0,
    regressed,
    failsGate
  }
}

/** `-12.5 points (95% CI -20.1 to -4.9)`. */
export function describeChange(comparison: Comparison): string {
  if (comparison.change === undefined) return 'no shared task to compare'
  const ci =
    comparison.low !== undefined && comparison.high !== undefined
      ? ` (95% CI ${formatChange(comparison.low)} to ${formatChange(comparison.high)})`
      : ''
  return `${formatChange(comparison.change)} points${ci}`
}

/** Why a regression fails the gate: `the pass rate dropped by more than max-regression 5 points against …`. */
function regressionReason(result: BaselineComparison, maxRegression: number, baselineName: string): string {
  const base =
    result.comparison.baseRate !== undefined
      ? ` (${formatRate(result.comparison.baseRate)}% on the shared tasks)`
      : ''
  return (
    `the pass rate dropped by more than max-regression ${maxRegression} points against ` +
    `${baselineName}${base}: ${describeChange(result.comparison)}, a statistically significant drop.`
  )
}

/** The error line when a regression fails the gate. */
export function regressionFailure(
  result: BaselineComparison,
  maxRegression: number,
  baselineName: string
): string {
  return `Avido test gate failed: ${regressionReason(result, maxRegression, baselineName)}`
}

/** The gate's verdict once a regression has failed it: the quality verdict's reason, then the drop's. */
export function regressedVerdict(
  quality: Verdict,
  result: BaselineComparison,
  maxRegression: number,
  baselineName: string
): Verdict {
  return {
    ...quality,
    gate: 'fail',
    reason: `${quality.reason} But ${regressionReason(result, maxRegression, baselineName)}`
  }
}
