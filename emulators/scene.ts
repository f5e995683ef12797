import { startAvidoEmulator, type AvidoEmulator, type AvidoEmulatorOptions } from './avido/index.js'
import { startGitHubEmulator, type GitHubEmulator } from './github/index.js'

// A whole stage for the action: Avido and GitHub emulators, a repository with a pull request and a workflow
// run, and the inputs, environment and event payload the runner would hand the action. The demo, the
// end-to-end tests and the benchmark all start from here.

export const OWNER = 'acme'
export const REPO = 'support-bot'
export const HEAD_SHA = '3f6c2a9e8d7b4c1a0f9e8d7c6b5a4f3e2d1c0b9a'
export const PR_NUMBER = 7
export const RUN_ID = 9001
export const API_KEY = 'avido_test_key_9f8e7d6c5b4a'
export const APPLICATION_ID = 'app_support_bot'
export const GITHUB_TOKEN = 'ghs_scene_token_0123456789'

export interface SceneOptions {
  avido?: AvidoEmulatorOptions
  github?: { readOnly?: boolean; pathPrefix?: '' | '/api/v3'; selfLogin?: string }
  /** When the workflow run was created; default one minute ago. */
  workflowRunCreatedAt?: string
  runAttempt?: number
}

export interface Scene {
  avido: AvidoEmulator
  github: GitHubEmulator
  /** Inputs as action.yml names them, with the scene's key, application and URLs filled in. */
  inputs(extra?: Record<string, string>): Record<string, string>
  /** Runner environment for an event (GITHUB_API_URL, GITHUB_SERVER_URL, repository, run). */
  env(extra?: Record<string, string>): Record<string, string>
  pullRequestEvent(): object
  close(): Promise<void>
}

export async function startScene(options: SceneOptions = {}): Promise<Scene> {
  const avido = await startAvidoEmulator({ apiKey: API_KEY, applicationId: APPLICATION_ID, ...options.avido })
  const github = await startGitHubEmulator({ token: GITHUB_TOKEN, ...options.github })
  const createdAt = options.workflowRunCreatedAt ?? new Date(Date.now() - 60_000).toISOString()
  github.seed.workflowRun({
    owner: OWNER,
    repo: REPO,
    id: RUN_ID,
    created_at: createdAt,
    run_started_at: createdAt,
    run_attempt: options.runAttempt ?? 1,
    head_sha: HEAD_SHA,
    pull_requests: [{ number: PR_NUMBER, head: { sha: HEAD_SHA, ref: 'improve-refunds' } }]
  })
  github.seed.pull({
    owner: OWNER,
    repo: REPO,
    number: PR_NUMBER,
    head: { sha: HEAD_SHA, ref: 'improve-refunds' },
    base: { ref: 'main' },
    title: 'Improve the refund flow prompt'
  })

  return {
    avido,
    github,
    inputs: extra => ({
      'api-key': API_KEY,
      'application-id': APPLICATION_ID,
      'base-url': avido.url,
      'github-token': GITHUB_TOKEN,
      'poll-interval': '500ms',
      timeout: '30s',
      // Both kinds of status check, so that every suite sees the check run and the commit status; no baseline,
      // so that a suite counts only its own requests (the comparison suites ask for one).
      'status-check': 'both',
      baseline: 'none',
      ...extra
    }),
    env: extra => ({
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: github.serverUrl,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_SHA: HEAD_SHA,
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
      GITHUB_WORKFLOW: 'AI quality',
      GITHUB_JOB: 'gate',
      ...extra
    }),
    pullRequestEvent: () => ({
      action: 'synchronize',
      number: PR_NUMBER,
      pull_request: {
        number: PR_NUMBER,
        head: { sha: HEAD_SHA, ref: 'improve-refunds', repo: { full_name: `${OWNER}/${REPO}` } },
        base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } }
      },
      repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } }
    }),
    close: async () => {
      await Promise.all([avido.close(), github.close()])
    }
  }
}
