import type { JudgedTest } from '../../judge/types.js'
import { verdictOf } from '../../judge/verdict.js'
import { changeSincePrevious } from '../trend.js'
import { byBreakdownOrder } from './cells.js'
import type { RowData, ReportInput, SectionContext, Target } from './types.js'

/**
 * The judge counts settled tests only, so a task whose tests are all still pending has no breakdown. The
 * report lists it anyway (without a rate), so a reader of a timed-out run sees every task it waited for.
 */
function pendingOnlyTasks(tasks: readonly RowData[], tests: readonly JudgedTest[]): RowData[] {
  const known = new Set(tasks.map(t => t.id))
  const extra = new Map<string, RowData>()
  for (const test of tests) {
    if (!test.pending || known.has(test.taskId) || extra.has(test.taskId)) continue
    extra.set(test.taskId, {
      id: test.taskId,
      name: test.taskTitle,
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
  const tasks = [...judgement.tasks, ...pendingOnlyTasks(judgement.tasks, judgement.judgedTests)]
  return {
    input,
    target,
    judgement,
    verdict: verdictOf(judgement, input.timedOut),
    change: changeSincePrevious(input.previous, judgement),
    tasks: byBreakdownOrder(tasks)
  }
}
