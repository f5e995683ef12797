import type { GitHubClient } from './octokit.js'

/** Bounds the comments read on one pull request (100 per page). */
const MAX_COMMENT_PAGES = 50

export interface StickyComment {
  id: number
  body: string
  url: string
}

interface IssueParams {
  owner: string
  repo: string
  issueNumber: number
}

/**
 * The gate's earlier comment: its body holds `marker` and a bot wrote it (or `selfLogin`, the user a personal
 * token belongs to), so a person quoting the marker is never mistaken for it. Reads every page, oldest first.
 */
export async function findStickyComment(
  gh: GitHubClient,
  params: IssueParams & { marker: string; selfLogin?: string }
): Promise<StickyComment | undefined> {
  let pages = 0
  const iterator = gh.paginate.iterator(gh.rest.issues.listComments, {
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issueNumber,
    per_page: 100
  })
  for await (const { data } of iterator) {
    const found = data.find(
      comment =>
        comment.body?.includes(params.marker) &&
        (comment.user?.type === 'Bot' ||
          (params.selfLogin !== undefined && comment.user?.login === params.selfLogin))
    )
    if (found) return { id: found.id, body: found.body ?? '', url: found.html_url }
    if (++pages >= MAX_COMMENT_PAGES) break
  }
  return undefined
}

/** The login a personal access token belongs to; undefined for installation tokens (GITHUB_TOKEN), which GET /user refuses. */
export async function getSelfLogin(gh: GitHubClient): Promise<string | undefined> {
  try {
    const { data } = await gh.rest.users.getAuthenticated()
    return data.login
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 401 || status === 403 || status === 404) return undefined
    throw error
  }
}

/** Updates `existing` in place, or creates the comment; a comment deleted in the meantime is created anew. */
export async function upsertStickyComment(
  gh: GitHubClient,
  params: IssueParams & { body: string; existing?: { id: number } }
): Promise<{ id: number; url: string; created: boolean }> {
  const { owner, repo, body } = params
  if (params.existing) {
    try {
      const { data } = await gh.rest.issues.updateComment({
        owner,
        repo,
        comment_id: params.existing.id,
        body
      })
      return { id: data.id, url: data.html_url, created: false }
    } catch (error) {
      // A 404 here means the comment is gone; were the token refused, creating it fails the same way.
      if ((error as { status?: unknown }).status !== 404) throw error
    }
  }
  // Not retried: a 5xx or a dropped connection can come after GitHub made the comment, and a retry would
  // post a second one. The next run finds the comment, or makes it.
  const { data } = await gh.rest.issues.createComment({
    owner,
    repo,
    issue_number: params.issueNumber,
    body,
    request: { retries: 0 }
  })
  return { id: data.id, url: data.html_url, created: true }
}
