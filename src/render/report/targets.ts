import { formatCount } from '../../shared/format.js'
import { link } from './cells.js'
import type { ReportInput, Target } from './types.js'

/** GitHub's limit for an issue or pull request comment body, in characters. */
export const COMMENT_MAX_LENGTH = 65_536
/** GitHub's limit for one step's job summary, in bytes. */
export const SUMMARY_MAX_BYTES = 1_048_576
/** GitHub's limit for a check run's `output.summary`, in characters. */
export const CHECK_RUN_MAX_LENGTH = 65_535

export interface TargetSpec {
  /** The size GitHub's limit is counted in: UTF-16 code units (never less than its characters) or bytes. */
  measure(text: string): number
  /** The comment carries the marker and the hidden data; the summary and the check run do not. */
  hidden: boolean
  /** The pull request link is shown where the reader is not already on the pull request. */
  prLink: boolean
  /** The comment key in the footer (the comment is the one place it identifies). */
  keyInFooter: boolean
  /** The limit, for the shortening notice. */
  limit: string
  /** Where the full report is, for the shortening notice. */
  fullReport(input: ReportInput): string
}

const units = (text: string) => text.length
const JSON_REPORT = 'the JSON report (the `report-path` output)'

export const TARGETS: Record<Target, TargetSpec> = {
  comment: {
    measure: units,
    hidden: true,
    prLink: false,
    keyInFooter: true,
    limit: `GitHub's limit of ${formatCount(COMMENT_MAX_LENGTH)} characters for a comment`,
    fullReport: input => `in the ${link('job summary', input.links.runUrl)} and in ${JSON_REPORT}`
  },
  summary: {
    measure: text => Buffer.byteLength(text, 'utf8'),
    hidden: false,
    prLink: true,
    keyInFooter: false,
    limit: "GitHub's limit of 1 MiB for a job summary",
    fullReport: () => `in ${JSON_REPORT}`
  },
  'check-run': {
    // GitHub counts a check run's summary in characters and refuses it over as many UTF-8 bytes as well.
    measure: text => Buffer.byteLength(text, 'utf8'),
    hidden: false,
    prLink: true,
    keyInFooter: false,
    limit: `GitHub's limit of ${formatCount(CHECK_RUN_MAX_LENGTH)} characters for a check run summary`,
    fullReport: input => `in the ${link('job summary', input.links.runUrl)} and in ${JSON_REPORT}`
  }
}
