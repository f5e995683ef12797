// Builders for run-level judging tests: a test is described by its task, status and eval outcomes.
import type { Eval, Test, TestStatus } from '../../src/avido/schemas.js'
import { judgeTest, summarizeRun } from '../../src/judge/judge.js'
import type { FailOn, Judgement, Thresholds } from '../../src/judge/types.js'

export const DEFAULTS: Thresholds = { warning: 75, error: 50 }
export const DEFINITIONS = {
  tone: { id: 'def-tone', name: 'Tone', type: 'STYLE' },
  facts: { id: 'def-facts', name: 'Facts', type: 'FACT' },
  match: { id: 'def-match', name: 'Exact answer', type: 'OUTPUT_MATCH' }
}
type DefinitionKey = keyof typeof DEFINITIONS

export interface Spec {
  id: string
  task?: string
  status?: TestStatus
  /** One entry per eval: its definition and whether it passed. */
  evals?: [DefinitionKey, boolean][]
  createdAt?: string
  withResult?: boolean
}

export function makeTest(spec: Spec): Test {
  const task = spec.task ?? 'Refunds'
  const evals: Eval[] = (spec.evals ?? []).map(([definition, passed], index) => ({
    id: `${spec.id}-eval-${index}`,
    status: 'COMPLETED',
    definition: DEFINITIONS[definition],
    passed,
    score: passed ? 1 : 0
  }))
  const passed = evals.filter(evaluation => evaluation.passed).length
  return {
    id: spec.id,
    applicationId: 'app',
    createdAt: spec.createdAt ?? '2025-01-31T08:00:00.000Z',
    modifiedAt: '2025-01-31T08:10:00.000Z',
    status: spec.status ?? 'COMPLETED',
    evals,
    taskId: `task-${task.toLowerCase()}`,
    runId: 'run-1',
    task: { id: `task-${task.toLowerCase()}`, title: task },
    result:
      spec.withResult === false || evals.length === 0
        ? null
        : {
            passed,
            failed: evals.length - passed,
            total: evals.length,
            passRate: (passed / evals.length) * 100
          }
  }
}

export const judge = (specs: Spec[], failOn: FailOn = 'error', thresholds = DEFAULTS) =>
  judgeRun(specs.map(makeTest), { thresholds, failOn })

/** A whole run judged at once, as the gate does page by page: `summarizeRun` over each test's `judgeTest`. */
export function judgeRun(tests: Test[], options: { thresholds: Thresholds; failOn: FailOn }): Judgement {
  return summarizeRun(
    tests.map(test => judgeTest(test, options.thresholds)),
    options
  )
}
