import { RESULT_EMOJI, formatCount, formatRate } from '../../../shared/format.js'
import type { RunDigest } from '../../../judge/digest.js'
import { escapeCell } from '../../escape.js'
import type { Change } from '../../trend.js'
import { rateCell, taskName } from '../cells.js'
import { tableView, type TableRow } from '../table.js'
import type { RowChange, RowData, Section } from '../types.js'
import { rowChangeCell } from './comparison.js'

const MAX_TITLE = 100

function testsCell(tests: number, errored: number, pending: number): string {
  const extra = [
    errored ? `${formatCount(errored)} errored` : '',
    pending ? `${formatCount(pending)} pending` : ''
  ]
    .filter(Boolean)
    .join(', ')
  return formatCount(tests) + (extra ? ` (${extra})` : '')
}

export function taskRows(
  tasks: RowData[],
  digest: RunDigest,
  change: Change | undefined,
  baseline?: ReadonlyMap<string, RowChange>
): TableRow[] {
  const counts = digest.tasks
  const changed = new Map(change?.tasks.map(t => [t.id, t]))
  return tasks.map(task => {
    const c = counts.get(task.id) ?? { errored: 0, pending: 0 }
    const moved = changed.get(task.id)
    // A task with nothing settled yet has no rate (its badge would read as a 0 % error).
    const judged = task.total > 0
    const cells = [
      judged ? RESULT_EMOJI[task.badge] : c.pending ? '⏳' : RESULT_EMOJI.none,
      escapeCell(taskName(task.name, task.id), MAX_TITLE),
      judged ? rateCell(task.passRate, task.interval?.margin, task.interval) : '–',
      `${formatCount(task.passed)}/${formatCount(task.total)}`,
      testsCell(task.tests, c.errored, c.pending)
    ]
    if (baseline) {
      const row = baseline.get(task.id)
      cells.splice(3, 0, row ? `${formatRate(row.baseRate)}%` : '–', rowChangeCell(row))
    }
    if (change) cells.push(moved ? `${RESULT_EMOJI[moved.from]} → ${RESULT_EMOJI[moved.to]}` : '')
    return { line: `| ${cells.join(' | ')} |`, failing: judged && task.badge !== 'success' }
  })
}

/** One row per task, worst first; the change column only when there is a previous run. */
export const tasksSection: Section = {
  id: 'tasks',
  prepare: ({ tasks, judgement, change, input }) => {
    const baseline = input.baseline?.tasks
    const names = [
      '',
      'Task',
      'Pass rate',
      ...(baseline ? ['Baseline', 'vs baseline'] : []),
      'Evals',
      'Tests'
    ]
    const aligns = [':-:', ':--', '--:', ...(baseline ? ['--:', '--:'] : []), '--:', '--:']
    if (change) {
      names.push('Badge change')
      aligns.push(':-:')
    }
    return tableView({
      header: `| ${names.join(' | ')} |\n|${aligns.join('|')}|`,
      columns: names.length,
      rows: taskRows(tasks, judgement.digest, change, baseline),
      noun: 'task',
      priorities: { passing: 20, failing: 60 }
    })
  }
}
