import type { GitHubClient } from './octokit.js'

/** GitHub answers at most this many commits per request. */
export const MAX_COMMITS_PER_PAGE = 100

export interface CommitInfo {
  sha: string
  /** Parent SHAs, first parent first. */
  parents: string[]
  htmlUrl: string
  /** Committer date, ISO 8601; null when GitHub gives none. */
  committedAt: string | null
}

/**
 * The first-parent history from `sha`: `sha` itself, its first parent, that one's first parent, and so on, at
 * most `max` commits (capped at 100), from a single request. GitHub lists history newest first with the commits
 * of merged branches interleaved, so behind a merge the chain can end before `max` when those took the room.
 */
export async function listCommits(
  gh: GitHubClient,
  params: { owner: string; repo: string; sha: string; max: number }
): Promise<CommitInfo[]> {
  const max = Math.min(Math.max(1, Math.floor(params.max)), MAX_COMMITS_PER_PAGE)
  const { data } = await gh.rest.repos.listCommits({
    owner: params.owner,
    repo: params.repo,
    sha: params.sha,
    per_page: max
  })
  const bySha = new Map(
    data.map(c => [
      c.sha.toLowerCase(),
      {
        sha: c.sha,
        parents: c.parents.map(p => p.sha),
        htmlUrl: c.html_url,
        committedAt: c.commit.committer?.date ?? null
      }
    ])
  )
  const chain: CommitInfo[] = []
  // The first commit listed is `sha` itself (which may have been given as a branch or a short SHA).
  let next = data[0]?.sha
  while (next !== undefined && chain.length < max) {
    const commit = bySha.get(next.toLowerCase())
    if (!commit) break
    chain.push(commit)
    next = commit.parents[0]
  }
  return chain
}
