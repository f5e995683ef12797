import { formatCount } from '../../../shared/format.js'
import type { RunDigest } from '../../../judge/digest.js'
import { escapeCode, escapeInline } from '../../escape.js'
import { details, fixed, taskName } from '../cells.js'
import type { Section } from '../types.js'

const MAX_TITLE = 100
const MAX_PENDING_LISTED = 20

export function pendingList(digest: RunDigest, pendingTests: number): string {
  if (!pendingTests) return ''
  const lines = digest.firstPending
    .slice(0, MAX_PENDING_LISTED)
    .map(
      t =>
        `- **${escapeInline(taskName(t.taskTitle, t.taskId), MAX_TITLE)}** · test ${escapeCode(t.id, 60)} · ${t.status === 'IN_PROGRESS' ? 'in progress' : 'pending'}`
    )
  if (pendingTests > lines.length) lines.push(`- … and ${formatCount(pendingTests - lines.length)} more`)
  return details(`⏳ Pending tests (${formatCount(pendingTests)})`, lines)
}

/** The tests still pending or in progress (a timed-out run), collapsed, at most 20 listed. */
export const pendingSection: Section = {
  id: 'pending',
  prepare: ({ judgement }) => fixed(pendingList(judgement.digest, judgement.pendingTests))
}
