import type { RunDigest } from '../../judge/digest.js'
import { verdictOf } from '../../judge/verdict.js'
import { changeSincePrevious } from '../trend.js'
import { byBreakdownOrder } from './cells.js'
import type { RowData, ReportInput, SectionContext, Target } from './types.js'

/**
 * The judge counts settled tests only, so a task whose tests are all still pending has no breakdown. The
 * report lists it anyway (without a rate), so a reader of a timed-out run sees every task it waited for.
 */
function pendingOnlyTasks(tasks: readonly RowData[], digest: RunDigest): RowData[] {
  const known = new Set(tasks.map(t => t.id))
  const extra = new Map<string, RowData>()
  // A task with no settled test has only pending ones: its first test read is its first pending one.
  for (const task of digest.tasks.values()) {
    if (!task.pending || known.has(task.taskId)) continue
    extra.set(task.taskId, {
      id: task.taskId,
      name: task.firstTitle,
      passed: 0,
      total: 0,
      tests: 0,
      passRate: 0,
      badge: 'success'
    })
  }
  return [...extra.values()]
}

/** What the sections share, derived once from the input. */
export function sectionContext(input: ReportInput, target: Target): SectionContext {
  const judgement = input.judgement
  const tasks = [...judgement.tasks, ...pendingOnlyTasks(judgement.tasks, judgement.digest)]
  return {
    input,
    target,
    judgement,
    verdict: input.verdict ?? verdictOf(judgement, input.timedOut),
    change: changeSincePrevious(input.previous, judgement),
    tasks: byBreakdownOrder(tasks)
  }
}
