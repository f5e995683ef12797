import { isBefore, type DefinitionTally, type RunDigest, type TaskDigest } from '../../../judge/digest.js'
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
  /** Set when more distinct reasons came than were counted (see `MAX_REASONS_KEPT`). */
  moreReasons?: boolean
}

type EvalGroup = FailingGroup & { definition: NonNullable<FailingGroup['definition']> }

/** Most frequent first; ties go to the reason seen first in the run read oldest first. */
function rankedReasons(reasons: DefinitionTally['reasons']): string[] {
  return [...reasons.entries()]
    .sort(([, a], [, b]) => b.count - a.count || (isBefore(a.first, b.first) ? -1 : 1))
    .map(([reason]) => reason)
}

function groupsOfTask(task: TaskDigest): FailingGroup[] {
  if (!task.settled) return []
  const { taskId, settledTitle: taskTitle } = task
  const out: FailingGroup[] = []
  if (task.errored) {
    out.push({
      taskId,
      taskTitle,
      failedTests: task.errored,
      ofTests: task.settled,
      countedEvals: task.countedEvals,
      reasons: []
    })
  }
  const groups: EvalGroup[] = []
  for (const tally of task.definitions.values()) {
    if (!tally.failed) continue
    groups.push({
      taskId,
      taskTitle,
      definition: { id: tally.id, name: tally.name, type: tally.type },
      failedTests: tally.failed,
      ofTests: tally.ran,
      reasons: rankedReasons(tally.reasons),
      ...(tally.moreReasons ? { moreReasons: true } : {})
    })
  }
  groups.sort(
    (a, b) =>
      b.failedTests - a.failedTests ||
      naturalOrder(a.definition.name, b.definition.name) ||
      compareText(a.definition.id, b.definition.id)
  )
  return [...out, ...groups]
}

/** The groups in the order of `taskOrder` (task ids, worst first); tasks not in it come last, oldest first. */
export function groupFailingEvals(taskOrder: readonly string[], digest: RunDigest): FailingGroup[] {
  const listed = new Set(taskOrder)
  const rest = [...digest.tasks.values()]
    .filter(task => !listed.has(task.taskId) && task.settledAt)
    .sort((a, b) => (isBefore(a.settledAt!, b.settledAt) ? -1 : 1))
  const ordered = [...taskOrder.flatMap(id => digest.tasks.get(id) ?? []), ...rest]
  return ordered.flatMap(groupsOfTask)
}
