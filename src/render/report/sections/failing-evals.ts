import { formatCount, plural } from '../../../shared/format.js'
import { escapeInline } from '../../escape.js'
import { details, label, taskName } from '../cells.js'
import type { Rendered, Section, ShrinkStep } from '../types.js'
import { groupFailingEvals, type FailingGroup } from './failing-groups.js'

const MAX_TITLE = 100
const MAX_EVAL_NAME = 100
const MAX_TYPE = 30
const MAX_REASON = 200
/** Distinct reasons listed per group; the rest are counted. */
export const MAX_REASONS = 3

export function groupHead(g: FailingGroup): string {
  const task = `**${escapeInline(taskName(g.taskTitle, g.taskId), MAX_TITLE)}**`
  if (!g.definition) {
    const counted = plural(g.countedEvals ?? g.failedTests, 'failed eval')
    return `- ${task} · ${formatCount(g.failedTests)} of ${plural(g.ofTests, 'test')} errored in Avido, counted as ${counted}`
  }
  const { id, name, type } = g.definition
  const shownType = type ? ` (${escapeInline(type, MAX_TYPE)})` : ''
  const evalName = escapeInline(label('(unnamed eval)', name, id), MAX_EVAL_NAME)
  return `- ${task} · ${evalName}${shownType} · failed in ${formatCount(g.failedTests)} of ${plural(g.ofTests, 'test')}`
}

export function groupReasons(g: FailingGroup): string[] {
  // Reasons that only differ past the cut would show twice.
  const distinct = [...new Set(g.reasons.map(r => escapeInline(r, MAX_REASON)))]
  const lines = distinct.slice(0, MAX_REASONS).map(r => `  - ${r}`)
  const more = distinct.length - Math.min(distinct.length, MAX_REASONS)
  // Past the reasons counted, only that there are more is known.
  if (g.moreReasons)
    lines.push(`  - … and ${more > 0 ? `over ${formatCount(more)} more reasons` : 'more reasons'}`)
  else if (more > 0) lines.push(`  - … and ${plural(more, 'more reason')}`)
  return lines
}

/** Failing evals grouped by task and eval definition, collapsed; reasons go first, then groups beyond what fits. */
export const failingEvalsSection: Section = {
  id: 'failing-evals',
  prepare: ({ tasks, judgement }) => {
    const groups = groupFailingEvals(
      tasks.map(t => t.id),
      judgement.digest
    ).map(g => ({ head: groupHead(g), reasons: groupReasons(g) }))
    const steps: ShrinkStep[] = []
    const anyReasons = groups.some(g => g.reasons.length)
    if (anyReasons) steps.push({ id: 'reasons', priority: 30, max: 1 })
    if (groups.length) steps.push({ id: 'groups', priority: 40, max: groups.length })
    return {
      steps,
      render: (budget): Rendered => {
        if (!groups.length) return { blocks: [] }
        const withReasons = budget.keep('reasons') > 0
        const shown = groups.slice(0, budget.keep('groups'))
        const lines = shown.flatMap(g => (withReasons ? [g.head, ...g.reasons] : [g.head]))
        const more = groups.length - shown.length
        if (more > 0) lines.push(`- … and ${formatCount(more)} more`)
        const notes: string[] = []
        if (!withReasons && anyReasons) notes.push('explanations left out')
        if (more > 0) notes.push(`${plural(more, 'group')} of failing evals not listed`)
        const summary = `❌ Failing evals (${formatCount(judgement.failed)})`
        return { blocks: [details(summary, lines)], notes }
      }
    }
  }
}
