import type { GateContext } from '../github/context.js'
import type { GitHubReporter } from '../github/reporter.js'
import type { StickyComment } from '../github/comment.js'
import type { GateConfig } from '../inputs/parse.js'
import type { GateLog } from '../shared/log.js'
import type { Judgement } from '../judge/types.js'
import { commentAction } from '../render/comment-policy.js'
import { commentMarker, decodeHiddenData, nextHiddenData, type HiddenData } from '../render/hidden-data.js'
import { buildJsonReport, type JsonReport, type JsonReportScope } from '../render/json-report.js'
import { COMMENT_MAX_LENGTH, renderReport, SUMMARY_MAX_BYTES, type ReportInput } from '../render/markdown.js'
import { buildOutputs } from '../render/outputs.js'
import { finalDescription, timeoutDescription } from '../render/status-text.js'
import { verdictOf, type TimeoutInfo, type Verdict } from '../judge/verdict.js'

export interface PublishDeps {
  config: GateConfig
  context: GateContext
  github?: GitHubReporter
  log: GateLog
  now: () => number
  reportPath: string
}

export interface PriorComment {
  comment?: StickyComment
  previous?: HiddenData
  /** The comments could not be read: a new comment might duplicate the gate's, so none is written. */
  unreadable?: boolean
}

export interface Publication {
  outputs: Record<string, string>
  summary: string
  report: JsonReport
  verdict: Verdict
}

export interface PublishInput {
  judgement: Judgement
  prNumber?: number
  prior: PriorComment
  issue?: { id: string; status: 'filed' | 'existing' | 'dry-run' }
  timedOut?: TimeoutInfo
  scope: JsonReportScope
}

/** The sticky comment of this gate on the pull request, and the state it remembers. */
export async function readPriorComment(
  deps: PublishDeps,
  prNumber: number | undefined
): Promise<PriorComment> {
  if (prNumber === undefined || !deps.github || deps.config.comment === 'off') return {}
  const found = await deps.github.findComment(prNumber, commentMarker(deps.config.commentKey))
  if (!found) return { unreadable: true }
  const { comment } = found
  if (!comment) return {}
  deps.log.debug(`Found the gate's comment ${comment.id} on pull request #${prNumber}.`)
  return { comment, previous: decodeHiddenData(comment.body, deps.config.commentKey) }
}

/** SPEC §7: comment, final commit status, outputs, job summary and JSON report. */
export async function publish(deps: PublishDeps, input: PublishInput): Promise<Publication> {
  const { config, context, log } = deps
  const { judgement, prNumber, prior, issue, timedOut } = input
  const generatedAt = new Date(deps.now()).toISOString()
  const verdict = verdictOf(judgement, timedOut)
  const hiddenData = nextHiddenData(prior.previous, judgement, {
    key: config.commentKey,
    sha: context.sha,
    runId: context.runId,
    attempt: context.runAttempt,
    issueId: issue?.status === 'dry-run' ? undefined : issue?.id,
    at: generatedAt
  })
  const reportInput: ReportInput = {
    judgement,
    commentKey: config.commentKey,
    repo: { owner: context.owner, name: context.repo },
    sha: context.sha,
    prNumber,
    links: {
      runUrl: context.runUrl,
      commitUrl: context.commitUrl,
      prUrl:
        prNumber === undefined
          ? undefined
          : `${context.serverUrl}/${context.owner}/${context.repo}/pull/${prNumber}`
    },
    issue,
    previous: prior.previous,
    hiddenData,
    timedOut,
    dryRun: config.dryRun,
    generatedAt
  }

  let comment: { id: number; url: string } | undefined = prior.comment
  if (prNumber !== undefined && deps.github && !config.dryRun) {
    const action = commentAction({
      mode: config.comment,
      result: judgement.result,
      passRate: judgement.passRate,
      timedOut: timedOut !== undefined,
      existing: prior.comment !== undefined,
      previous: prior.previous
    })
    if (action === 'skip') {
      log.info(`Comment: left as it is (comment: ${config.comment}).`)
    } else if (prior.unreadable) {
      log.info("Comment: not written, as the pull request's comments could not be read to find the gate's.")
    } else {
      const body = renderReport(reportInput, { maxLength: COMMENT_MAX_LENGTH, target: 'comment' })
      const written = await deps.github.upsertComment(prNumber, body, prior.comment)
      if (written) {
        comment = written
        log.info(`Comment ${written.created ? 'posted' : 'updated'}: ${written.url}`)
      }
    }
  } else if (config.dryRun) {
    log.info('Dry run: no comment or commit status written.')
  } else if (prNumber === undefined) {
    log.info('No pull request for this event: the report is in the job summary.')
  }

  if (config.statusCheck && deps.github && !config.dryRun) {
    const settled = judgement.tests - judgement.pendingTests
    await deps.github.postStatus({
      state:
        verdict.gate === 'pass'
          ? 'success'
          : timedOut && timedOut.onTimeout !== 'judge'
            ? 'error'
            : 'failure',
      description: timedOut ? timeoutDescription(settled, judgement.tests) : finalDescription(judgement),
      context: config.statusContext
    })
  }

  const summary = renderReport(reportInput, { maxLength: SUMMARY_MAX_BYTES, target: 'summary' })
  const report = buildJsonReport({
    judgement,
    scope: input.scope,
    verdict,
    timedOut,
    generatedAt,
    repository: { owner: context.owner, name: context.repo },
    sha: context.sha,
    prNumber,
    runId: context.runId,
    runAttempt: context.runAttempt,
    runUrl: context.runUrl,
    issue,
    dryRun: config.dryRun
  })
  const outputs = buildOutputs(judgement, {
    issueId: issue?.status === 'dry-run' ? undefined : issue?.id,
    commentId: comment?.id,
    commentUrl: comment?.url,
    reportPath: deps.reportPath,
    gate: verdict.gate
  })
  return { outputs, summary, report, verdict }
}
