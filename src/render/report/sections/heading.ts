import { RESULT_EMOJI, formatCount, plural } from '../../../shared/format.js'
import { escapeInline } from '../../escape.js'
import { fixed, isDefaultLookingKey, rateCell } from '../cells.js'
import type { ReportJudgement, ReportInput, Section } from '../types.js'

function headline(input: ReportInput): string {
  const j = input.judgement
  const key = isDefaultLookingKey(input.commentKey) ? '' : ` (${escapeInline(input.commentKey, 80)})`
  const gate = `Avido test gate${key}`
  if (input.timedOut && input.timedOut.onTimeout !== 'judge') {
    return `## ⏱️ ${gate}: timed out with ${plural(input.timedOut.pendingTests, 'test')} pending`
  }
  if (j.result === 'none') return `## ${RESULT_EMOJI.none} ${gate}: no tests matched`
  return `## ${RESULT_EMOJI[j.result]} ${gate}: ${rateCell(j.passRate, j.interval?.margin, j.interval)} passed`
}

function countsLine(j: ReportJudgement, tasks: number): string {
  const extra = [
    j.erroredTests > 0 ? `${formatCount(j.erroredTests)} errored` : '',
    j.pendingTests > 0 ? `${formatCount(j.pendingTests)} pending` : ''
  ].filter(Boolean)
  const tests = plural(j.tests, 'test') + (extra.length ? ` (${extra.join(', ')})` : '')
  return `**${formatCount(j.passed)}/${plural(j.total, 'eval')} passed** · ${tests} · ${plural(tasks, 'task')}`
}

const DRY_RUN =
  '🧪 **Dry run**: judged only; no comment, commit status, Avido issue, trigger or annotation was written.'

/** The heading with the overall badge and rate, the counts, the verdict and the dry-run line. */
export const headingSection: Section = {
  id: 'heading',
  keep: 'minimal',
  prepare: ({ input, judgement: j, verdict, tasks }) =>
    fixed(
      headline(input),
      (j.result !== 'none' || j.tests > 0) && countsLine(j, tasks.length),
      `${verdict.gate === 'pass' ? '✅ **Gate passed**' : '❌ **Gate failed**'}: ${verdict.reason}`,
      input.dryRun && DRY_RUN
    )
}
