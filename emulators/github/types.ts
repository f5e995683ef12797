import type { IncomingHttpHeaders } from 'node:http'

/** The routes the emulator serves, in GitHub's own `METHOD /path` notation. */
export const GITHUB_ROUTES = [
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'POST /repos/{owner}/{repo}/statuses/{sha}',
  'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
  'GET /repos/{owner}/{repo}/pulls',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  'GET /user',
  'POST /repos/{owner}/{repo}/check-runs',
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
  'GET /repos/{owner}/{repo}/commits',
  'GET /repos/{owner}/{repo}/commits/{ref}'
] as const

export type GitHubRoute = (typeof GITHUB_ROUTES)[number]

export interface RecordedRequest {
  method: string
  /** Path as received, prefix included, without the query string. */
  path: string
  /** The matched route, when one matched. */
  route?: GitHubRoute
  params: Record<string, string>
  query: Record<string, string>
  headers: IncomingHttpHeaders
  /** Parsed JSON body (undefined for none or unparsable). */
  body: unknown
  /** The status answered; 0 while pending or when the connection was dropped. */
  status: number
  at: number
}

/** A canned answer for a route: a status with headers and body, a delay before answering, or a dropped connection. */
export interface Fault {
  status?: number
  headers?: Record<string, string>
  body?: unknown
  /** Wait this long before answering (with the fault's status, or normally when it has none). */
  delayMs?: number
  /** Destroy the connection without answering. */
  reset?: boolean
}

/** The token permissions writes need; each can be granted `write` or only `read`. */
export type WriteScope = 'checks' | 'issues' | 'statuses'

export interface GitHubUser {
  login: string
  type: 'Bot' | 'User'
}

export interface SeedWorkflowRun {
  owner: string
  repo: string
  id: number
  created_at: string
  run_started_at?: string
  run_attempt?: number
  head_sha: string
  head_branch?: string
  event?: string
  name?: string
  pull_requests?: Array<{
    number: number
    head: { sha: string; ref: string }
    base?: { ref: string; repo?: string }
  }>
}

export interface SeedPull {
  owner: string
  repo: string
  number: number
  head: {
    sha: string
    ref: string
    /** `owner/repo` of the head branch (a fork); default the base repo. */ repo?: string
  }
  base?: { ref: string; sha?: string }
  state?: 'open' | 'closed'
  merged?: boolean
  title?: string
  /** Further commits that `GET /commits/{sha}/pulls` associates with this pull. */
  commits?: string[]
  created_at?: string
  updated_at?: string
}

export interface SeedComment {
  owner: string
  repo: string
  issue_number: number
  body: string
  user: GitHubUser
  created_at?: string
}

export interface SeedStatus {
  owner: string
  repo: string
  sha: string
  state: 'error' | 'failure' | 'pending' | 'success'
  context?: string
  description?: string | null
  target_url?: string | null
  creator?: GitHubUser
}

export interface SeedCommit {
  sha: string
  /** Parent SHAs, first parent first; none for a root commit. */
  parents?: string[]
  message?: string
  /** Author and committer date; default one minute after the previously seeded commit. */
  date?: string
  author?: GitHubUser
}
