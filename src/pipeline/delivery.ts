import { commentAction } from '../render/comment-policy.js'
import type { GateDeps } from './deps.js'
import type { Judged } from './judging.js'
import type { PullRequest } from './pull-request.js'
import type { Rendered } from './rendering.js'
import type { StatusCheck } from './status-check.js'

export interface Delivered {
  comment?: { id: number; url: string }
}

/** Step 7: the sticky comment and the final status check. A GitHub failure is a warning, never the verdict. */
export async function deliver(
  deps: Pick<GateDeps, 'config' | 'github' | 'log'>,
  rendered: Rendered,
  judged: Judged,
  pr: PullRequest,
  check: StatusCheck
): Promise<Delivered> {
  // Side by side, so a comment request that hangs through the time left cannot leave the check pending.
  const [comment] = await Promise.all([writeComment(deps, rendered, judged, pr), check.close(rendered.check)])
  return { comment }
}

async function writeComment(
  deps: Pick<GateDeps, 'config' | 'github' | 'log'>,
  rendered: Rendered,
  judged: Judged,
  pr: PullRequest
): Promise<{ id: number; url: string } | undefined> {
  const { config, github, log } = deps
  if (config.dryRun) {
    log.info('Dry run: no comment or status check written.')
    return pr.comment
  }
  if (pr.number === undefined) {
    log.info('No pull request for this event: the report is in the job summary.')
    return undefined
  }
  if (!github) return pr.comment
  const action = commentAction({
    mode: config.comment,
    result: judged.judgement.result,
    passRate: judged.judgement.passRate,
    timedOut: judged.timedOut !== undefined,
    existing: pr.comment !== undefined,
    previous: pr.previous
  })
  if (action === 'skip') {
    log.info(`Comment: left as it is (comment: ${config.comment}).`)
    return pr.comment
  }
  if (pr.commentsUnreadable) {
    log.info("Comment: not written, as the pull request's comments could not be read to find the gate's.")
    return undefined
  }
  const written = await github.upsertComment(pr.number, rendered.comment(), pr.comment)
  if (!written) return pr.comment
  log.info(`Comment ${written.created ? 'posted' : 'updated'}: ${written.url}`)
  return written
}
