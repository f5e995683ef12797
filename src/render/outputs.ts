import type { Judgement } from '../judge/types.js'
import { formatRate } from '../shared/format.js'
import type { Gate } from '../judge/verdict.js'

export interface OutputExtras {
  issueId?: string
  commentId?: number | string
  commentUrl?: string
  reportPath: string
  gate: Gate
}

/** Every output of SPEC §8, as strings (`core.setOutput` takes strings); absent values are ''. */
export function buildOutputs(judgement: Judgement, extra: OutputExtras): Record<string, string> {
  return {
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
    'report-path': extra.reportPath
  }
}
