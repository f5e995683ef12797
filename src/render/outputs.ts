import type { BaselineComparison } from '../judge/baseline.js'
import type { Judgement } from '../judge/types.js'
import type { Gate } from '../judge/verdict.js'
import { formatChange, formatMargin, formatRate } from '../shared/format.js'
import { OUTPUT_NAMES, type OutputName } from '../shared/output-names.js'

export interface OutputExtras {
  issueId?: string
  commentId?: number | string
  commentUrl?: string
  checkRun?: { id: number; url: string }
  reportPath: string
  gate: Gate
  compared?: BaselineComparison
}

/** Every output as a string (`core.setOutput` takes strings), '' where there is no value. */
export function emptyOutputs(): Record<OutputName, string> {
  return Object.fromEntries(OUTPUT_NAMES.map(name => [name, ''])) as Record<OutputName, string>
}

/** Every output of a judged run. */
export function buildOutputs(judgement: Judgement, extra: OutputExtras): Record<OutputName, string> {
  const margin = judgement.result === 'none' ? undefined : judgement.interval.margin
  const comparison = extra.compared?.comparison
  const changed = comparison?.change !== undefined
  return {
    ...emptyOutputs(),
    result: judgement.result,
    gate: extra.gate,
    'pass-rate': formatRate(judgement.passRate),
    passed: String(judgement.passed),
    failed: String(judgement.failed),
    total: String(judgement.total),
    tests: String(judgement.tests),
    'errored-tests': String(judgement.erroredTests),
    'pending-tests': String(judgement.pendingTests),
    'issue-id': extra.issueId ?? '',
    'comment-id': extra.commentId === undefined ? '' : String(extra.commentId),
    'comment-url': extra.commentUrl ?? '',
    'report-path': extra.reportPath,
    'pass-rate-margin': formatMargin(margin),
    baseline: extra.compared && changed ? extra.compared.baseline.source : '',
    'baseline-pass-rate':
      changed && comparison?.baseRate !== undefined ? formatRate(comparison.baseRate) : '',
    'pass-rate-change': changed ? formatChange(comparison.change ?? 0) : '',
    'change-margin': changed ? formatMargin(comparison?.margin) : '',
    regressed: String(extra.compared?.regressed ?? false),
    'check-run-id': extra.checkRun ? String(extra.checkRun.id) : '',
    'check-run-url': extra.checkRun?.url ?? ''
  }
}
