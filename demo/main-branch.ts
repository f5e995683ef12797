import { seedDemoBase } from '../emulators/avido/demo.js'
import type { Scenario } from '../emulators/avido/index.js'
import type { RunActionOptions } from '../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, RUN_ID, type Scene } from '../emulators/scene.js'

// The main branch the demo's pull request builds on: a few commits, a workflow run for the push of the newest,
// and the Avido tests that run made ten minutes ago, before the pull request's. Gating that push leaves the
// record in its check run that the pull request's gate then compares with.

/** The workflow run of the push to main, before the pull request's own (RUN_ID). */
export const MAIN_RUN_ID = RUN_ID - 1

const MINUTE = 60_000

export interface MainBranch {
  /** The newest commit on main: the pull request's base. */
  sha: string
  /** Tests in main's run, as many as in the pull request's. */
  testCount: number
  /** The push event's run of the action on that commit. */
  run: Omit<RunActionOptions, 'node' | 'onStdout' | 'timeoutMs'>
}

export function seedMainBranch(scene: Scene, scenario: Scenario): MainBranch {
  const { github } = scene
  const [sha = '', before = ''] = github.seed.commitChain(OWNER, REPO, { length: 3, branch: 'main' })
  github.seed.commits(OWNER, REPO, [
    { sha: HEAD_SHA, parents: [sha], message: 'Improve the refund flow prompt' }
  ])
  const createdAt = new Date(Date.now() - 10 * MINUTE).toISOString()
  github.seed.workflowRun({
    owner: OWNER,
    repo: REPO,
    id: MAIN_RUN_ID,
    created_at: createdAt,
    run_started_at: createdAt,
    head_sha: sha,
    head_branch: 'main',
    event: 'push'
  })
  const base = seedDemoBase(scene.avido.seed, scenario, Date.now() - 9 * MINUTE)
  return {
    sha,
    testCount: base.testIds.length,
    run: {
      inputs: scene.inputs({
        'poll-interval': '1s',
        timeout: '2m',
        'status-check': 'check-run',
        baseline: 'auto'
      }),
      eventName: 'push',
      event: {
        ref: 'refs/heads/main',
        before,
        after: sha,
        repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } }
      },
      env: scene.env({ GITHUB_SHA: sha, GITHUB_RUN_ID: String(MAIN_RUN_ID), GITHUB_REF: 'refs/heads/main' })
    }
  }
}

/** The scene's pull_request event, with the pull request's base at `baseSha`. */
export function pullRequestOnto(scene: Scene, baseSha: string): object {
  const event = scene.pullRequestEvent() as {
    pull_request: { number: number; base: Record<string, unknown> }
  }
  return {
    ...event,
    pull_request: {
      ...event.pull_request,
      number: PR_NUMBER,
      base: { ...event.pull_request.base, sha: baseSha }
    }
  }
}
