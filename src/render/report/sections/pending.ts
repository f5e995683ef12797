import { formatCount } from '../../../shared/format.js'
import type { JudgedTest } from '../../../judge/types.js'
import { escapeCode, escapeInline } from '../../escape.js'
import { details, fixed, taskName } from '../cells.js'
import type { Section } from '../types.js'

const MAX_TITLE = 100
const MAX_PENDING_LISTED = 20

export function pendingList(tests: readonly JudgedTest[]): string {
  const pending = tests.filter(t => t.pending)
  if (!pending.length) return ''
  const lines = pending
    .slice(0, MAX_PENDING_LISTED)
    .map(
      t =>
        `- **${escapeInline(taskName(t.taskTitle, t.taskId), MAX_TITLE)}** · test ${escapeCode(t.id, 60)} · ${t.status === 'IN_PROGRESS' ? 'in progress' : 'pending'}`
    )
  if (pending.length > lines.length) lines.push(`- … and ${formatCount(pending.length - lines.length)} more`)
  return details(`⏳ Pending tests (${formatCount(pending.length)})`, lines)
}

/** The tests still pending or in progress (a timed-out run), collapsed, at most 20 listed. */
export const pendingSection: Section = {
  id: 'pending',
  prepare: ({ judgement }) => fixed(pendingList(judgement.judgedTests))
}
