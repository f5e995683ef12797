import { escapeCode } from '../../escape.js'
import { fixed } from '../cells.js'
import type { ReportInput, Section } from '../types.js'

export function issueLine(issue: NonNullable<ReportInput['issue']>): string {
  const id = escapeCode(issue.id, 80)
  switch (issue.status) {
    case 'filed':
      return `🐞 Filed Avido issue ${id}: the pass rate is at or below the error threshold.`
    case 'existing':
      return `🐞 Avido issue ${id} is already open for this gate; no new issue was filed.`
    case 'dry-run':
      return '🐞 Dry run: an Avido issue would have been filed.'
  }
}

/** The Avido issue filed (or found open) for this run. */
export const issueSection: Section = {
  id: 'issue',
  prepare: ({ input }) => fixed(input.issue && issueLine(input.issue))
}
