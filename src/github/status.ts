import type { GitHubClient } from './octokit.js'

export type CommitState = 'error' | 'failure' | 'pending' | 'success'

export const STATUS_DESCRIPTION_MAX = 140

/** Cuts to `max` characters without splitting a surrogate pair, ending with an ellipsis when cut. */
export function truncateDescription(text: string, max = STATUS_DESCRIPTION_MAX): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= max) return oneLine
  let cut = ''
  for (const char of oneLine) {
    if (cut.length + char.length > max - 1) break
    cut += char
  }
  return `${cut.trimEnd()}…`
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
