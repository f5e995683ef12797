import type { StickyComment } from '../github/comment.js'
import { commentMarker, decodeHiddenData, type HiddenData } from '../render/hidden-data.js'
import type { GateDeps } from './deps.js'

export interface PullRequest {
  /** Undefined on events without a pull request. */
  number?: number
  /** The gate's sticky comment on it, if there is one. */
  comment?: StickyComment
  /** What that comment remembers: earlier pass rates, badges and the Avido issue it reported. */
  previous?: HiddenData
  /** The comments could not be read: a new comment might duplicate the gate's, so none is written. */
  commentsUnreadable?: boolean
}

/** The pull request's page on GitHub, when the run has one. */
export function pullRequestUrl(context: GateDeps['context'], pr: PullRequest): string | undefined {
  return pr.number === undefined
    ? undefined
    : `${context.serverUrl}/${context.owner}/${context.repo}/pull/${pr.number}`
}

/** Step 1: the pull request this run reports on, and the gate's own comment on it. */
export async function findPullRequest(deps: GateDeps): Promise<PullRequest> {
  const { github, log, context, config } = deps
  const number = await github?.pullRequestNumber()
  if (number === undefined) {
    log.info(`No pull request for this ${context.eventName} event.`)
    return {}
  }
  log.info(`Pull request #${number}.`)
  if (!github || config.comment === 'off') return { number }
  const found = await github.findComment(number, commentMarker(config.commentKey))
  if (!found) return { number, commentsUnreadable: true }
  const { comment } = found
  if (!comment) return { number }
  log.debug(`Found the gate's comment ${comment.id} on pull request #${number}.`)
  return { number, comment, previous: decodeHiddenData(comment.body, config.commentKey) }
}
