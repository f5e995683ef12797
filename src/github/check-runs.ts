import type { GitHubClient } from './octokit.js'

export type CheckRunStatus = 'queued' | 'in_progress' | 'completed'
export type CheckRunConclusion =
  'action_required' | 'cancelled' | 'failure' | 'neutral' | 'success' | 'skipped' | 'stale' | 'timed_out'

export interface CheckRunOutput {
  title: string
  summary: string
  text?: string
}

/** What a create or an update may set. A conclusion completes the run; `completed` needs a conclusion. */
export interface CheckRunFields {
  status?: CheckRunStatus
  conclusion?: CheckRunConclusion
  detailsUrl?: string
  externalId?: string
  /** ISO 8601. */
  startedAt?: string
  completedAt?: string
  output?: CheckRunOutput
}

export interface CheckRunWritten {
  id: number
  htmlUrl: string
  status: CheckRunStatus
  conclusion: CheckRunConclusion | null
}

type Written = { id: number; html_url: string | null; status: string; conclusion: string | null }

function requestFields(fields: CheckRunFields): Record<string, unknown> {
  return {
    ...(fields.status ? { status: fields.status } : {}),
    ...(fields.conclusion ? { conclusion: fields.conclusion } : {}),
    ...(fields.detailsUrl ? { details_url: fields.detailsUrl } : {}),
    ...(fields.externalId !== undefined ? { external_id: fields.externalId } : {}),
    ...(fields.startedAt ? { started_at: fields.startedAt } : {}),
    ...(fields.completedAt ? { completed_at: fields.completedAt } : {}),
    ...(fields.output ? { output: fields.output } : {})
  }
}

function written(data: Written): CheckRunWritten {
  return {
    id: data.id,
    htmlUrl: data.html_url ?? '',
    status: data.status as CheckRunStatus,
    conclusion: data.conclusion as CheckRunConclusion | null
  }
}

/** Creates a check run on `headSha`. Needs `checks: write`, and a GitHub App token (GITHUB_TOKEN is one). */
export async function createCheckRun(
  gh: GitHubClient,
  params: { owner: string; repo: string; headSha: string; name: string } & CheckRunFields
): Promise<CheckRunWritten> {
  // Not retried: a 5xx or a dropped connection can come after GitHub made the check run, and a retry would
  // leave a second one (the first stuck in progress).
  const { data } = await gh.rest.checks.create({
    owner: params.owner,
    repo: params.repo,
    head_sha: params.headSha,
    name: params.name,
    ...requestFields(params),
    request: { retries: 0 }
  })
  return written(data)
}

/** Updates a check run; only the fields given change. Safe to retry. */
export async function updateCheckRun(
  gh: GitHubClient,
  params: { owner: string; repo: string; checkRunId: number; name?: string } & CheckRunFields
): Promise<CheckRunWritten> {
  const { data } = await gh.rest.checks.update({
    owner: params.owner,
    repo: params.repo,
    check_run_id: params.checkRunId,
    ...(params.name ? { name: params.name } : {}),
    ...requestFields(params)
  })
  return written(data)
}
