import { composeReport } from './report/compose.js'
import { sectionContext } from './report/context.js'
import { REPORT_SECTIONS } from './report/order.js'
import type { RenderOptions, ReportInput } from './report/types.js'

// The pull request comment, the job summary and the check run summary: pure functions of the judged run.
// Everything from Avido goes through escape.ts. The report is a list of sections (report/order.ts), each of
// which says what detail it can give up; the body always fits `maxLength`: passing rows go first, then the
// explanations, then failing evals beyond what fits, then failing rows, and a notice says what is missing and
// where the full report is. The marker and the hidden data of a comment are never cut.

export { CHECK_RUN_MAX_LENGTH, COMMENT_MAX_LENGTH, SUMMARY_MAX_BYTES } from './report/targets.js'
export { isDefaultLookingKey, rateCell, safeUrl } from './report/cells.js'
export type {
  BaselineView,
  RateBounds,
  Rated,
  ReportJudgement,
  RowData,
  RenderOptions,
  ReportInput,
  Target
} from './report/types.js'

/** The report for `opts.target`, within `opts.maxLength` (see RenderOptions for the unit). */
export function renderReport(input: ReportInput, opts: RenderOptions): string {
  return composeReport(REPORT_SECTIONS, sectionContext(input, opts.target), opts.maxLength)
}
