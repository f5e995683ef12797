import type { GitHubClient } from './octokit.js'

/**
 * The workflow run's `created_at`: unlike `run_started_at` it stays put when the run is re-run, so a re-run
 * gates the same window. Needs `actions: read`.
 */
export async function getWorkflowRunCreatedAt(
  gh: GitHubClient,
  params: { owner: string; repo: string; runId: number }
): Promise<string> {
  const { data } = await gh.rest.actions.getWorkflowRun({
    owner: params.owner,
    repo: params.repo,
    run_id: params.runId
  })
  const createdAt: unknown = data.created_at
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    throw new Error(`GitHub returned workflow run ${params.runId} without a valid created_at.`)
  }
  return createdAt
}
