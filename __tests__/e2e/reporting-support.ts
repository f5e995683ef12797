import { afterEach } from '@jest/globals'
import type { EvalSeed, SeededTest } from '../../emulators/avido/seed-types.js'
import type { GitHubRoute } from '../../emulators/github/index.js'
import { runAction, runtimes, type ActionRun, type Runtime } from '../../emulators/runner/run-action.js'
import {
  HEAD_SHA,
  OWNER,
  PR_NUMBER,
  REPO,
  startScene,
  type Scene,
  type SceneOptions
} from '../../emulators/scene.js'

/** Node 24 (the action's runtime) always; Node 20 as well for the key cases. */
export function runtimesFor(key: boolean): Runtime[] {
  const [node20, node24] = runtimes()
  return key ? [node24, node20] : [node24]
}

/**
 * `startScene` for tests that start their own scene: the scene a test started is closed after it. Registers
 * the `afterEach`, so call it at the top level of a test file.
 */
export function useScenePerTest(): (options?: SceneOptions) => Promise<Scene> {
  let scene: Scene | undefined
  afterEach(async () => {
    await scene?.close()
    scene = undefined
  })
  return async options => (scene = await startScene(options))
}

/** `tests` settled tests whose evals pass so that exactly `passing` of `tests * evalsPerTest` pass. */
export function seedRate(
  scene: Scene,
  options: { tests: number; passing: number; evalsPerTest?: number; createdAt?: string; taskId?: string }
): SeededTest[] {
  const evalsPerTest = options.evalsPerTest ?? 1
  let left = options.passing
  return scene.avido.seed.tests(options.tests, () => {
    const evals: EvalSeed[] = []
    for (let e = 0; e < evalsPerTest; e++) evals.push({ type: 'CUSTOM', passed: left-- > 0 })
    return {
      evals,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      ...(options.taskId ? { taskId: options.taskId } : {})
    }
  })
}

export interface GateRun {
  inputs?: Record<string, string>
  eventName?: string
  event?: object
  env?: Record<string, string>
}

/** Runs the bundle on `runtime` against the scene, as a pull_request event unless told otherwise. */
export function runGateAction(runtime: Runtime, scene: Scene, run: GateRun = {}): Promise<ActionRun> {
  return runAction({
    node: runtime.path,
    inputs: scene.inputs({ 'poll-interval': '200ms', ...run.inputs }),
    eventName: run.eventName ?? 'pull_request',
    event: run.event ?? scene.pullRequestEvent(),
    env: scene.env(run.env)
  })
}

export const warningsOf = (run: ActionRun) => run.lines.filter(line => line.startsWith('::warning'))
export const errorsOf = (run: ActionRun) => run.lines.filter(line => line.startsWith('::error'))

export const prComments = (scene: Scene, issueNumber = PR_NUMBER) =>
  scene.github.comments(OWNER, REPO, issueNumber)
export const statusesOf = (scene: Scene, sha = HEAD_SHA) => scene.github.statuses(OWNER, REPO, sha)
/** The check runs on `sha`, each as it is now. */
export const checkRunsOf = (scene: Scene, sha = HEAD_SHA) => scene.github.checkRuns(OWNER, REPO, sha)

/** The GitHub requests made, as `METHOD /route`, in order. */
export const githubCalls = (scene: Scene): string[] =>
  scene.github.requests.map(request => request.route ?? `${request.method} ${request.path}`)

export const callsTo = (scene: Scene, route: GitHubRoute) =>
  scene.github.requests.filter(request => request.route === route)

export const COMMENTS: GitHubRoute = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
export const POST_COMMENT: GitHubRoute = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
export const PATCH_COMMENT: GitHubRoute = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
export const POST_STATUS: GitHubRoute = 'POST /repos/{owner}/{repo}/statuses/{sha}'
export const POST_CHECK_RUN: GitHubRoute = 'POST /repos/{owner}/{repo}/check-runs'
export const PATCH_CHECK_RUN: GitHubRoute = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'
