import type { GateContext } from './context.js'
import type { GitHubClient } from './octokit.js'

/** Bounds the open pull requests read when looking for a head SHA (100 per page). */
const MAX_PULL_PAGES = 10

interface CommitParams {
  owner: string
  repo: string
  sha: string
}

/** The commit's open pull request when there is exactly one (push events). */
export async function findPullRequestForCommit(
  gh: GitHubClient,
  params: CommitParams
): Promise<number | undefined> {
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: params.owner,
    repo: params.repo,
    commit_sha: params.sha,
    per_page: 100
  })
  const open = data.filter(pull => pull.state === 'open')
  return open.length === 1 ? open[0]?.number : undefined
}

/**
 * The open pull request whose head is this commit, for workflow_run events from forks (whose payload lists no
 * pull request). Recently updated pulls come first; undefined when none or several match.
 */
export async function findOpenPullRequestByHeadSha(
  gh: GitHubClient,
  params: CommitParams
): Promise<number | undefined> {
  const matches: number[] = []
  let pages = 0
  const iterator = gh.paginate.iterator(gh.rest.pulls.list, {
    owner: params.owner,
    repo: params.repo,
    state: 'open',
    sort: 'updated',
    direction: 'desc',
    per_page: 100
  })
  for await (const { data } of iterator) {
    for (const pull of data)
      if (pull.head.sha.toLowerCase() === params.sha.toLowerCase()) matches.push(pull.number)
    if (++pages >= MAX_PULL_PAGES) break
  }
  return matches.length === 1 ? matches[0] : undefined
}

/** The pull request to comment on: from the payload, or looked up as the event calls for. */
export async function resolvePullRequestNumber(
  gh: GitHubClient,
  context: GateContext
): Promise<number | undefined> {
  if (context.prNumber !== undefined) return context.prNumber
  const params = { owner: context.owner, repo: context.repo, sha: context.sha }
  if (context.prLookup === 'commit') return findPullRequestForCommit(gh, params)
  if (context.prLookup === 'head-sha') return findOpenPullRequestByHeadSha(gh, params)
  return undefined
}
