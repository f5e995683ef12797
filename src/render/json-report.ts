import type { Breakdown, FailOn, Judgement, Result } from '../judge/types.js'
import type { Gate, TimeoutInfo, Verdict } from '../judge/verdict.js'
import { verdictOf } from '../judge/verdict.js'

// The machine-readable report (SPEC §8), written to $RUNNER_TEMP/avido-test-gate/report.json. It holds the
// whole run, explanations included, so that it is the full record when the comment had to be shortened.
// A plain object: JSON.stringify handles 10,000 tests comfortably.

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
  schemaVersion: 1
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
  }
  issue?: { id: string; status: string }
  tasks: Breakdown[]
  evalDefinitions: Breakdown[]
  worstTestId?: string
  tests: JsonReportTest[]
}

const breakdown = (b: Breakdown): Breakdown => ({
  id: b.id,
  name: b.name,
  ...(b.type !== undefined ? { type: b.type } : {}),
  passed: b.passed,
  failed: b.failed,
  total: b.total,
  tests: b.tests,
  passRate: b.passRate,
  badge: b.badge
})

export function buildJsonReport(input: JsonReportInput): JsonReport {
  const { judgement: j, scope } = input
  const verdict = input.verdict ?? verdictOf(j, input.timedOut)
  const workflowRun = {
    ...(input.runId !== undefined ? { id: input.runId } : {}),
    ...(input.runAttempt !== undefined ? { attempt: input.runAttempt } : {}),
    ...(input.runUrl !== undefined ? { url: input.runUrl } : {})
  }
  return {
    schemaVersion: 1,
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
      tasks: j.tasks.length
    },
    ...(input.issue ? { issue: { id: input.issue.id, status: input.issue.status } } : {}),
    tasks: j.tasks.map(breakdown),
    evalDefinitions: j.evalDefinitions.map(breakdown),
    ...(j.worstTest ? { worstTestId: j.worstTest.id } : {}),
    tests: j.judgedTests.map(t => ({
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
    }))
  }
}
