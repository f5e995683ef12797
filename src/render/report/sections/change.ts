import { RESULT_EMOJI, formatCount, formatRate, plural } from '../../../shared/format.js'
import { escapeInline } from '../../escape.js'
import type { Change } from '../../trend.js'
import { fixed, taskName } from '../cells.js'
import type { ReportJudgement, Section } from '../types.js'

const MAX_CHANGED_TASKS = 5

export function changeLine(change: Change, j: ReportJudgement): string {
  let line = `**Since the previous run:** ${change.text} (${formatRate(change.previousRate)}% → ${formatRate(j.passRate)}%)`
  if (change.previousResult && change.previousResult !== j.result) {
    line += `, ${RESULT_EMOJI[change.previousResult]} → ${RESULT_EMOJI[j.result]}`
  }
  if (change.tasks.length) {
    const listed = change.tasks
      .slice(0, MAX_CHANGED_TASKS)
      .map(t => `${escapeInline(taskName(t.name, t.id), 60)} ${RESULT_EMOJI[t.from]} → ${RESULT_EMOJI[t.to]}`)
    const more = change.tasks.length - listed.length
    if (more > 0) listed.push(`and ${formatCount(more)} more`)
    line += ` · badge changed for ${plural(change.tasks.length, 'task')}: ${listed.join(', ')}`
  }
  return line
}

/** The change since the previous comment on this pull request: points, and the tasks that changed badge. */
export const changeSection: Section = {
  id: 'change',
  prepare: ({ change, judgement }) => fixed(change && changeLine(change, judgement))
}
