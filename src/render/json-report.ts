import type { BaselineComparison } from '../judge/baseline.js'
import type { Breakdown, FailOn, JudgedTest, Judgement, Result } from '../judge/types.js'
import type { RateInterval, TaskChange } from '../stats/index.js'
import type { Gate, TimeoutInfo, Verdict } from '../judge/verdict.js'
import { verdictOf } from '../judge/verdict.js'

// The machine-readable report, written to $RUNNER_TEMP/avido-test-gate/report.json. It holds the
// whole run, explanations included, so that it is the full record when the comment had to be shortened.
// The tests are not kept for it: the gate writes each as it is judged (see the pipeline's test spool), and
// `tests` here holds only those given in `JsonReportInput.tests`.

export interface JsonReportScope {
  windowStart: string
  /** Where the window start came from (`since`, `trigger`, `workflow-run`, `fallback`). */
  windowSource?: string
  runIds: readonly string[]
  taskIds: readonly string[]
  evalDefinitionIds: readonly string[]
  experimentVariantIds: readonly string[]
  runTypes: readonly string[]
  minTests?: number
}

export interface JsonReportInput {
  judgement: Judgement
  scope: JsonReportScope
  /** Defaults to `verdictOf(judgement, timedOut)`. */
  verdict?: Verdict
  timedOut?: TimeoutInfo
  generatedAt: string
  repository?: { owner: string; name: string }
  sha?: string
  prNumber?: number
  runId?: number
  runAttempt?: number
  runUrl?: string
  issue?: { id: string; status: 'filed' | 'existing' | 'dry-run' }
  dryRun?: boolean
  compared?: BaselineComparison
  /** The tests to list in `tests` (none when they are written to the report separately). */
  tests?: readonly JudgedTest[]
}

/** A rate's 95 % interval in the report: the half-width and the bounds, in points. */
export interface JsonReportInterval {
  margin?: number
  low?: number
  high?: number
}

/** A group's change against the baseline. */
export interface JsonReportChange {
  baselinePassRate: number
  change: number
  changeMargin?: number
  significant: boolean
}

export type JsonReportBreakdown = Omit<Breakdown, 'sums' | 'interval'> &
  JsonReportInterval & { baseline?: JsonReportChange }

export interface JsonReportBaseline {
  source: 'base-commit' | 'scheduled'
  sha?: string
  runIds?: string[]
  measuredAt: string
  scopeDiffers: boolean
  passRate?: number
  change?: number
  changeMargin?: number
  low?: number
  high?: number
  significant: boolean
  regressed: boolean
  minimumDetectableDrop?: number
  onlyInRun: string[]
  onlyInBaseline: string[]
}

export interface JsonReportEval {
  id: string
  definitionId: string
  name: string
  type: string
  status: string
  score: number | null
  passed: boolean
  explanation: string
}

export interface JsonReportTest {
  id: string
  taskId: string
  taskTitle: string
  runId: string
  status: string
  createdAt: string
  passRate: number
  badge: string
  errored: boolean
  pending: boolean
  passed: number
  total: number
  evals: JsonReportEval[]
}

export interface JsonReport {
  schemaVersion: 2
  generatedAt: string
  repository?: string
  sha?: string
  pullRequest?: number
  workflowRun?: { id?: number; attempt?: number; url?: string }
  dryRun: boolean
  scope: {
    windowStart: string
    windowSource?: string
    runIds: string[]
    filters: {
      taskIds: string[]
      evalDefinitionIds: string[]
      experimentVariantIds: string[]
      runTypes: string[]
    }
    minTests?: number
  }
  thresholds: { warning: number; error: number; failOn: FailOn }
  verdict: { result: Result; gate: Gate; reason: string; timedOut: boolean; pendingTests?: number }
  counts: {
    passRate: number
    passed: number
    failed: number
    total: number
    tests: number
    erroredTests: number
    pendingTests: number
    tasks: number
  } & JsonReportInterval
  issue?: { id: string; status: string }
  baseline?: JsonReportBaseline
  tasks: JsonReportBreakdown[]
  evalDefinitions: JsonReportBreakdown[]
  worstTestId?: string
  tests: JsonReportTest[]
}

function intervalOf(interval: RateInterval): JsonReportInterval {
  return {
    ...(interval.margin !== undefined ? { margin: interval.margin } : {}),
    ...(interval.low !== undefined ? { low: interval.low } : {}),
    ...(interval.high !== undefined ? { high: interval.high } : {})
  }
}

function changeOf(change: TaskChange | undefined): { baseline?: JsonReportChange } {
  if (!change) return {}
  return {
    baseline: {
      baselinePassRate: change.base.rate,
      change: change.change,
      ...(change.se > 0 ? { changeMargin: change.margin } : {}),
      significant: change.significant
    }
  }
}

const breakdown =
  (changes: TaskChange[] | undefined) =>
  (b: Breakdown): JsonReportBreakdown => ({
    id: b.id,
    name: b.name,
    ...(b.type !== undefined ? { type: b.type } : {}),
    passed: b.passed,
    failed: b.failed,
    total: b.total,
    tests: b.tests,
    passRate: b.passRate,
    badge: b.badge,
    ...intervalOf(b.interval),
    ...changeOf(changes?.find(change => change.key === b.id))
  })

function baselineOf(compared: BaselineComparison): JsonReportBaseline {
  const { baseline, comparison: c } = compared
  return {
    source: baseline.source,
    ...(baseline.sha ? { sha: baseline.sha } : {}),
    ...(baseline.runIds ? { runIds: baseline.runIds } : {}),
    measuredAt: baseline.measuredAt,
    scopeDiffers: compared.scopeDiffers,
    ...(c.baseRate !== undefined ? { passRate: c.baseRate } : {}),
    ...(c.change !== undefined ? { change: c.change } : {}),
    ...(c.margin !== undefined ? { changeMargin: c.margin } : {}),
    ...(c.low !== undefined ? { low: c.low } : {}),
    ...(c.high !== undefined ? { high: c.high } : {}),
    significant: c.significant,
    regressed: compared.regressed,
    ...(c.minimumDetectableDrop !== undefined ? { minimumDetectableDrop: c.minimumDetectableDrop } : {}),
    onlyInRun: c.onlyInHead,
    onlyInBaseline: c.onlyInBase
  }
}

export function buildJsonReport(input: JsonReportInput): JsonReport {
  const { judgement: j, scope } = input
  const verdict = input.verdict ?? verdictOf(j, input.timedOut)
  const workflowRun = {
    ...(input.runId !== undefined ? { id: input.runId } : {}),
    ...(input.runAttempt !== undefined ? { attempt: input.runAttempt } : {}),
    ...(input.runUrl !== undefined ? { url: input.runUrl } : {})
  }
  return {
    schemaVersion: 2,
    generatedAt: input.generatedAt,
    ...(input.repository ? { repository: `${input.repository.owner}/${input.repository.name}` } : {}),
    ...(input.sha !== undefined ? { sha: input.sha } : {}),
    ...(input.prNumber !== undefined ? { pullRequest: input.prNumber } : {}),
    ...(Object.keys(workflowRun).length ? { workflowRun } : {}),
    dryRun: input.dryRun ?? false,
    scope: {
      windowStart: scope.windowStart,
      ...(scope.windowSource !== undefined ? { windowSource: scope.windowSource } : {}),
      runIds: [...scope.runIds],
      filters: {
        taskIds: [...scope.taskIds],
        evalDefinitionIds: [...scope.evalDefinitionIds],
        experimentVariantIds: [...scope.experimentVariantIds],
        runTypes: [...scope.runTypes]
      },
      ...(scope.minTests !== undefined ? { minTests: scope.minTests } : {})
    },
    thresholds: { warning: j.thresholds.warning, error: j.thresholds.error, failOn: j.failOn },
    verdict: {
      result: verdict.result,
      gate: verdict.gate,
      reason: verdict.reason,
      timedOut: input.timedOut !== undefined,
      ...(input.timedOut ? { pendingTests: input.timedOut.pendingTests } : {})
    },
    counts: {
      passRate: j.passRate,
      passed: j.passed,
      failed: j.failed,
      total: j.total,
      tests: j.tests,
      erroredTests: j.erroredTests,
      pendingTests: j.pendingTests,
      tasks: j.tasks.length,
      ...intervalOf(j.interval)
    },
    ...(input.issue ? { issue: { id: input.issue.id, status: input.issue.status } } : {}),
    ...(input.compared ? { baseline: baselineOf(input.compared) } : {}),
    tasks: j.tasks.map(breakdown(input.compared?.comparison.sharedTasks)),
    evalDefinitions: j.evalDefinitions.map(breakdown(input.compared?.evalDefinitions)),
    ...(j.worstTest ? { worstTestId: j.worstTest.id } : {}),
    tests: (input.tests ?? []).map(reportTest)
  }
}

/** One test as the report lists it. */
export function reportTest(t: JudgedTest): JsonReportTest {
  return {
    id: t.id,
    taskId: t.taskId,
    taskTitle: t.taskTitle,
    runId: t.runId,
    status: t.status,
    createdAt: t.createdAt,
    passRate: t.passRate,
    badge: t.badge,
    errored: t.errored,
    pending: t.pending,
    passed: t.passed,
    total: t.total,
    evals: t.evals.map(e => ({
      id: e.id,
      definitionId: e.definitionId,
      name: e.name,
      type: e.type,
      status: e.status,
      score: e.score,
      passed: e.passed,
      explanation: e.explanation
    }))
  }
}
