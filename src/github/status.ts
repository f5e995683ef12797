import { oneLine, STATUS_DESCRIPTION_MAX } from '../shared/text.js'
import type { GitHubClient } from './octokit.js'

export type CommitState = 'error' | 'failure' | 'pending' | 'success'

/** A commit status description GitHub accepts: one line, at most STATUS_DESCRIPTION_MAX characters. */
export function truncateDescription(text: string, max = STATUS_DESCRIPTION_MAX): string {
  return oneLine(text, max)
}

export async function postCommitStatus(
  gh: GitHubClient,
  params: {
    owner: string
    repo: string
    sha: string
    state: CommitState
    description: string
    context: string
    targetUrl?: string
  }
): Promise<{ id: number }> {
  const { data } = await gh.rest.repos.createCommitStatus({
    owner: params.owner,
    repo: params.repo,
    sha: params.sha,
    state: params.state,
    description: truncateDescription(params.description),
    context: params.context,
    ...(params.targetUrl ? { target_url: params.targetUrl } : {})
  })
  return { id: data.id }
}
