import { TARGETS } from '../targets.js'
import type { ReportInput, Section, Target } from '../types.js'

export function shortenedNotice(notes: readonly string[], input: ReportInput, target: Target): string {
  const spec = TARGETS[target]
  return `> ✂️ **Shortened** to fit ${spec.limit}: ${notes.join('; ')}. The full report is ${spec.fullReport(input)}.`
}

/** What the other sections left out to fit the limit, and where the full report is; nothing when complete. */
export const noticeSection: Section = {
  id: 'notice',
  keep: 'minimal',
  late: true,
  prepare: ({ input, target }) => ({
    render: (_budget, notes) => ({ blocks: notes.length ? [shortenedNotice(notes, input, target)] : [] })
  })
}
