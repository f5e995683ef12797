import { type GitHubEmulator } from '../../emulators/github/index.js'
import { createOctokit, type GitHubClient, type GitHubClientOptions } from '../../src/github/octokit.js'

export const RUN_ROUTE = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}'
/** The workflow run `seedRun` puts in the emulator. */
export const run = { owner: 'acme', repo: 'bot', runId: 77 }
const RUN_CREATED_AT = '2025-05-05T05:05:05Z'

/** Seeds workflow run 77 of acme/bot, made for commit `sha`. */
export function seedRun(gh: GitHubEmulator, sha: string): void {
  gh.seed.workflowRun({ owner: 'acme', repo: 'bot', id: 77, created_at: RUN_CREATED_AT, head_sha: sha })
}

/** A client of the emulator that keeps the warnings it logs; `extra` may replace any option. */
export function warningClient(
  gh: GitHubEmulator,
  extra: Partial<GitHubClientOptions> = {}
): { octokit: GitHubClient; warnings: string[] } {
  const warnings: string[] = []
  const octokit = createOctokit({
    token: gh.token,
    apiUrl: gh.url,
    log: { debug: () => undefined, warn: message => warnings.push(message) },
    ...extra
  })
  return { octokit, warnings }
}

/** The requests the emulator saw for the workflow run. */
export const runRequests = (gh: GitHubEmulator) => gh.requests.filter(r => r.route === RUN_ROUTE)
