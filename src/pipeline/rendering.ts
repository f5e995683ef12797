import type { Scope } from '../judge/scope.js'
import { nextHiddenData } from '../render/hidden-data.js'
import { buildJsonReport, type JsonReport } from '../render/json-report.js'
import {
  CHECK_RUN_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  renderReport,
  SUMMARY_MAX_BYTES,
  type ReportInput
} from '../render/markdown.js'
import { encodeRecord, recordOf } from '../render/record.js'
import { measuredScope } from './baseline.js'
import { baselineView } from '../render/baseline-view.js'
import { finalDescription, timeoutDescription } from '../render/status-text.js'
import type { GateDeps } from './deps.js'
import type { IssueReport } from './issue.js'
import type { Judged } from './judging.js'
import { pullRequestUrl, type PullRequest } from './pull-request.js'
import type { FinalCheck } from './status-check.js'

export interface Rendered {
  /** The sticky comment's body, rendered only when it is written. */
  comment: () => string
  summary: string
  report: JsonReport
  /** The status check's final state, title, page and record. */
  check: FinalCheck
}

/** Step 6: every text the gate shows, from the judged run. Pure: nothing is written here. */
export function renderRun(
  deps: Pick<GateDeps, 'config' | 'context' | 'now'>,
  judged: Judged,
  pr: PullRequest,
  issue: IssueReport | undefined,
  scope: Scope
): Rendered {
  const { config, context } = deps
  const { judgement, verdict, timedOut } = judged
  const generatedAt = new Date(deps.now()).toISOString()
  const shownIssue = issue && issue.status !== 'dry-run' ? issue.id : undefined
  const hiddenData = nextHiddenData(pr.previous, judgement, {
    key: config.commentKey,
    sha: context.sha,
    runId: context.runId,
    attempt: context.runAttempt,
    issueId: shownIssue,
    at: generatedAt
  })
  const prUrl = pullRequestUrl(context, pr)
  const baseline = judged.compared && baselineView(judged.compared, judgement, context)
  const reportInput: ReportInput = {
    ...(baseline ? { baseline } : {}),
    judgement,
    commentKey: config.commentKey,
    repo: { owner: context.owner, name: context.repo },
    sha: context.sha,
    prNumber: pr.number,
    links: { runUrl: context.runUrl, commitUrl: context.commitUrl, prUrl },
    issue,
    previous: pr.previous,
    hiddenData,
    timedOut,
    verdict,
    dryRun: config.dryRun,
    generatedAt
  }
  const settled = judgement.tests - judgement.pendingTests
  const timeoutFails = judged.outcome === 'timed-out'
  const title = timedOut
    ? timeoutDescription(settled, judgement.tests)
    : finalDescription(judgement, judged.compared)
  // Only a run judged whole is a baseline for later runs.
  const record =
    timedOut || judgement.result === 'none'
      ? undefined
      : encodeRecord(
          recordOf(judgement, {
            key: config.commentKey,
            sha: context.sha,
            at: generatedAt,
            scope: measuredScope(config)
          })
        )
  return {
    comment: () => renderReport(reportInput, { maxLength: COMMENT_MAX_LENGTH, target: 'comment' }),
    summary: renderReport(reportInput, { maxLength: SUMMARY_MAX_BYTES, target: 'summary' }),
    report: buildJsonReport({
      judgement,
      scope: {
        windowStart: scope.windowStart,
        windowSource: scope.windowSource,
        runIds: config.runIds,
        taskIds: config.taskIds,
        evalDefinitionIds: config.evalDefinitionIds,
        experimentVariantIds: config.experimentVariantIds,
        runTypes: config.runTypes,
        minTests: config.minTests
      },
      verdict,
      timedOut,
      generatedAt,
      repository: { owner: context.owner, name: context.repo },
      sha: context.sha,
      prNumber: pr.number,
      runId: context.runId,
      runAttempt: context.runAttempt,
      runUrl: context.runUrl,
      issue,
      dryRun: config.dryRun,
      ...(judged.compared ? { compared: judged.compared } : {}),
      ...(judged.tests?.tests ? { tests: judged.tests.tests } : {})
    }),
    check: {
      state: verdict.gate === 'pass' ? 'success' : timeoutFails ? 'error' : 'failure',
      conclusion:
        verdict.gate === 'fail'
          ? timeoutFails
            ? 'timed_out'
            : 'failure'
          : judgement.result === 'none'
            ? 'neutral'
            : 'success',
      title,
      summary: () => renderReport(reportInput, { maxLength: CHECK_RUN_MAX_LENGTH, target: 'check-run' }),
      ...(record ? { text: record } : {})
    }
  }
}
