import type { JudgedTest } from '../../../judge/types.js'
import { formatScore } from '../../../shared/format.js'
import { normalizeText } from '../../escape.js'
import { compareText, naturalOrder } from '../cells.js'

// The failing evals of a run, grouped: one group per task and eval definition (how many of the task's tests
// failed it, and why), and one per task whose tests errored in Avido. Plain data; nothing is escaped here.

export interface FailingGroup {
  taskId: string
  taskTitle: string
  /** Absent for the group of errored tests. */
  definition?: { id: string; name: string; type: string }
  /** Tests that failed the eval (or that errored). */
  failedTests: number
  /** Tests of the task that ran the eval and did not error (for errored tests: the task's settled tests). */
  ofTests: number
  /** Errored tests only: the failed evals they count as. */
  countedEvals?: number
  /** Distinct reasons, most frequent first (ties: first seen); untrusted text. */
  reasons: string[]
}

type EvalGroup = FailingGroup & { definition: NonNullable<FailingGroup['definition']> }

interface Pending {
  group: EvalGroup
  tests: Set<string>
  reasons: Map<string, number>
}

const settledEval = (status: string) => status !== 'PENDING' && status !== 'IN_PROGRESS'

/** Why an eval failed, as the reader should see it: its explanation, else that it errored, else its score. */
function reasonOf(e: JudgedTest['evals'][number]): string {
  const explanation = normalizeText(e.explanation)
  if (explanation) return explanation
  if (e.status === 'FAILED') return 'the eval errored in Avido'
  const score = formatScore(e.score)
  return score ? `score ${score}` : ''
}

function groupsOfTask(tests: JudgedTest[]): FailingGroup[] {
  const settled = tests.filter(t => !t.pending)
  if (!settled.length) return []
  const { taskId, taskTitle } = settled[0]
  const out: FailingGroup[] = []
  const errored = settled.filter(t => t.errored)
  if (errored.length) {
    out.push({
      taskId,
      taskTitle,
      failedTests: errored.length,
      ofTests: settled.length,
      countedEvals: errored.reduce((sum, t) => sum + Math.max(1, t.evals.length), 0),
      reasons: []
    })
  }
  const ran = new Map<string, Set<string>>()
  const failing = new Map<string, Pending>()
  for (const test of settled) {
    if (test.errored) continue
    for (const e of test.evals) {
      const tests = ran.get(e.definitionId) ?? new Set<string>()
      tests.add(test.id)
      ran.set(e.definitionId, tests)
      if (e.passed || !settledEval(e.status)) continue
      let entry = failing.get(e.definitionId)
      if (!entry) {
        const definition = { id: e.definitionId, name: e.name, type: e.type }
        const group = { taskId, taskTitle, definition, failedTests: 0, ofTests: 0, reasons: [] }
        entry = { group, tests: new Set(), reasons: new Map() }
        failing.set(e.definitionId, entry)
      }
      entry.tests.add(test.id)
      const reason = reasonOf(e)
      if (reason) entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1)
    }
  }
  const groups = [...failing.values()].map(({ group, tests, reasons }): EvalGroup => ({
    ...group,
    failedTests: tests.size,
    ofTests: ran.get(group.definition.id)?.size ?? tests.size,
    // Map order is first-seen order, and the sort is stable.
    reasons: [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([reason]) => reason)
  }))
  groups.sort(
    (a, b) =>
      b.failedTests - a.failedTests ||
      naturalOrder.compare(a.definition.name, b.definition.name) ||
      compareText(a.definition.id, b.definition.id)
  )
  return [...out, ...groups]
}

/** The groups in the order of `taskOrder` (task ids, worst first); tasks not in it come last. */
export function groupFailingEvals(
  taskOrder: readonly string[],
  judgedTests: readonly JudgedTest[]
): FailingGroup[] {
  const byTask = new Map<string, JudgedTest[]>(taskOrder.map(id => [id, []]))
  const ordered = [...judgedTests].sort(
    (a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)
  )
  for (const test of ordered) {
    const tests = byTask.get(test.taskId)
    if (tests) tests.push(test)
    else byTask.set(test.taskId, [test])
  }
  return [...byTask.values()].flatMap(groupsOfTask)
}
