import type { CheckRunConclusion, CheckRunStatus } from './check-runs.js'
import type { GitHubClient } from './octokit.js'

export interface CheckRunInfo {
  id: number
  name: string
  headSha: string
  status: CheckRunStatus
  conclusion: CheckRunConclusion | null
  startedAt: string | null
  completedAt: string | null
  detailsUrl: string | null
  externalId: string | null
  htmlUrl: string | null
  /** The app that made the check run (`github-actions` for a workflow's GITHUB_TOKEN); undefined if unknown. */
  appSlug: string | undefined
  output: { title: string | null; summary: string | null; text: string | null }
}

/**
 * The check runs named `checkName` on a commit (a SHA or a branch), newest first, from one page of at most 100:
 * a bounded read. `filter` is GitHub's: `latest` (its default) keeps only the newest run of each name, so this
 * asks for `all` unless told otherwise. Needs `checks: read`, which every token has.
 */
export async function listCheckRunsForRef(
  gh: GitHubClient,
  params: {
    owner: string
    repo: string
    ref: string
    checkName: string
    status?: CheckRunStatus
    filter?: 'latest' | 'all'
  }
): Promise<CheckRunInfo[]> {
  const { data } = await gh.rest.checks.listForRef({
    owner: params.owner,
    repo: params.repo,
    ref: params.ref,
    check_name: params.checkName,
    filter: params.filter ?? 'all',
    ...(params.status ? { status: params.status } : {}),
    per_page: 100
  })
  return data.check_runs
    .filter(run => run.name === params.checkName)
    .map(run => ({
      id: run.id,
      name: run.name,
      headSha: run.head_sha,
      status: run.status as CheckRunStatus,
      conclusion: run.conclusion as CheckRunConclusion | null,
      startedAt: run.started_at,
      completedAt: run.completed_at,
      detailsUrl: run.details_url,
      externalId: run.external_id,
      htmlUrl: run.html_url,
      appSlug: run.app?.slug,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text
      }
    }))
    .sort((a, b) => b.id - a.id)
}
