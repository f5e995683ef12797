import type { Eval, Test } from '../avido/schemas.js'
import { badgeFor, percentOf } from './aggregate.js'
import type { EvalOutcome, JudgedTest, Thresholds } from './types.js'

export { badgeFor, failsQualityFor } from './aggregate.js'
export { RunSummary, summarizeRun } from './summary.js'

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
