import type { Eval, Test } from '../avido/schemas.js'
import { addTest, emptySums, rateInterval } from '../stats/index.js'
import { addTo, isWorse, percentOf, toBreakdowns, type Tally } from './aggregate.js'
import type { Badge, EvalOutcome, FailOn, JudgedTest, Judgement, Thresholds } from './types.js'

/** Badge of an unrounded pass rate: success above `warning`, warning above `error`, else error. */
export function badgeFor(rate: number, thresholds: Thresholds): Badge {
  if (rate > thresholds.warning) return 'success'
  if (rate > thresholds.error) return 'warning'
  return 'error'
}

const count = (value: number) => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0)

function outcomeOf(evaluation: Eval, explain: (evaluation: Eval) => string): EvalOutcome {
  let explanation = ''
  try {
    explanation = explain(evaluation)
  } catch {
    // A result shape nobody anticipated must not stop the gate; the eval is still counted.
  }
  return {
    id: evaluation.id,
    definitionId: evaluation.definition.id,
    name: evaluation.definition.name,
    type: evaluation.definition.type,
    status: evaluation.status,
    score: evaluation.score ?? null,
    passed: evaluation.passed === true,
    explanation
  }
}

const noExplanation = () => ''

export function judgeTest(
  test: Test,
  thresholds: Thresholds,
  explain: (evaluation: Eval) => string = noExplanation
): JudgedTest {
  const evals = test.evals.map(evaluation => outcomeOf(evaluation, explain))
  const errored = test.status === 'FAILED'
  const pending = test.status === 'PENDING' || test.status === 'IN_PROGRESS'
  let passed: number
  let total: number
  let passRate: number
  if (errored) {
    passed = 0
    total = Math.max(1, evals.length)
    passRate = 0
  } else if (test.result) {
    total = count(test.result.total)
    passed = Math.min(count(test.result.passed), total)
    const reported = test.result.passRate
    passRate = Number.isFinite(reported) ? Math.min(100, Math.max(0, reported)) : percentOf(passed, total)
  } else {
    total = evals.length
    passed = evals.filter(outcome => outcome.passed).length
    passRate = percentOf(passed, total)
  }
  return {
    id: test.id,
    taskId: test.taskId,
    taskTitle: test.task?.title ?? test.taskId,
    runId: test.runId,
    status: test.status,
    createdAt: test.createdAt,
    passed,
    total,
    passRate,
    badge: badgeFor(passRate, thresholds),
    errored,
    pending,
    evals
  }
}

export function failsQualityFor(result: Judgement['result'], failOn: FailOn): boolean {
  if (result === 'none' || failOn === 'never') return false
  return result === 'error' || (failOn === 'warning' && result === 'warning')
}

/**
 * Adds up tests judged one by one (as their pages arrived). Pending tests are listed but count nowhere.
 *
 * Result `none` means nothing was measured: no settled test carried an eval and none errored (no tests, only
 * pending ones, or tests without evals). Such a run has no pass rate to hold against the thresholds, and
 * calling it 0 % would fail the gate and file an Avido issue about a quality drop that never happened. An
 * errored test always counts as at least one failed eval, so a run with an errored test is never `none`.
 */
export function summarizeRun(
  judgedTests: JudgedTest[],
  options: { thresholds: Thresholds; failOn: FailOn }
): Judgement {
  const { thresholds, failOn } = options
  const tasks = new Map<string, Tally>()
  const definitions = new Map<string, Tally>()
  let passed = 0
  let total = 0
  let erroredTests = 0
  let pendingTests = 0
  let worstTest: JudgedTest | undefined
  let sums = emptySums()

  for (const judged of judgedTests) {
    if (judged.pending) {
      pendingTests += 1
      continue
    }
    if (judged.errored) erroredTests += 1
    passed += judged.passed
    total += judged.total
    sums = addTest(sums, judged.passed, judged.total)
    addTo(tasks, { id: judged.taskId, name: judged.taskTitle }, judged.passed, judged.total)
    // Per definition the eval's own flag counts; every eval of an errored test counts as failed.
    const perDefinition = new Map<
      string,
      { group: Omit<Tally, 'passed' | 'total' | 'tests' | 'sums'>; passed: number; total: number }
    >()
    for (const outcome of judged.evals) {
      const entry = perDefinition.get(outcome.definitionId) ?? {
        group: { id: outcome.definitionId, name: outcome.name, type: outcome.type },
        passed: 0,
        total: 0
      }
      entry.passed += !judged.errored && outcome.passed ? 1 : 0
      entry.total += 1
      perDefinition.set(outcome.definitionId, entry)
    }
    for (const { group, passed: p, total: t } of perDefinition.values()) addTo(definitions, group, p, t)
    // A test with nothing measured is no candidate for "worst": it says nothing about quality.
    if (judged.total > 0 && isWorse(judged, worstTest)) worstTest = judged
  }

  const passRate = percentOf(passed, total)
  const result = total === 0 ? 'none' : badgeFor(passRate, thresholds)
  const badgeOf = (rate: number) => badgeFor(rate, thresholds)
  return {
    result,
    passRate,
    interval: rateInterval(sums),
    sums,
    passed,
    failed: total - passed,
    total,
    tests: judgedTests.length,
    erroredTests,
    pendingTests,
    tasks: toBreakdowns(tasks, badgeOf),
    evalDefinitions: toBreakdowns(definitions, badgeOf),
    judgedTests,
    worstTest,
    thresholds,
    failOn,
    failsQuality: failsQualityFor(result, failOn)
  }
}
