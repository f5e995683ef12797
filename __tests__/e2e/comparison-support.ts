import type { ActionRun, Runtime } from '../../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, REPO, type Scene } from '../../emulators/scene.js'
import { runGateAction, seedRate } from './reporting-support.js'

export const TASK = '7c1e4a52-93b0-4d6f-8a21-5e0f3b9c2d11'
export const RECORD_MARKER = '<!-- avido-test-gate-record'
const NULL_SHA = '0'.repeat(40)

/** The inputs every comparison run starts from: a check run only, no comment, no Avido issue. */
export const BASE_INPUTS = {
  'status-check': 'check-run',
  comment: 'off',
  'create-issue': 'false'
} as const

export const pushEvent = (after: string, before = NULL_SHA) => ({
  ref: 'refs/heads/main',
  before,
  after,
  repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } }
})

/** The scene's pull request event with `base.sha` set, as GitHub sends it. */
export function pullEventOn(scene: Scene, baseSha: string): object {
  const event = scene.pullRequestEvent() as { pull_request: { base: object } }
  return {
    ...event,
    pull_request: { ...event.pull_request, base: { ...event.pull_request.base, sha: baseSha } }
  }
}

/**
 * A push on `sha` whose gate measures `passing` of `tests` tests of TASK and records it in its check run; the
 * Avido emulator is then emptied, so that the next run sees only its own tests.
 */
export async function recordOnPush(
  runtime: Runtime,
  scene: Scene,
  sha: string,
  rate: { tests: number; passing: number }
): Promise<ActionRun> {
  seedRate(scene, { ...rate, taskId: TASK })
  const run = await runGateAction(runtime, scene, {
    eventName: 'push',
    event: pushEvent(sha),
    env: { GITHUB_SHA: sha },
    inputs: { ...BASE_INPUTS, baseline: 'none' }
  })
  scene.avido.reset()
  return run
}

/** A pull request on HEAD_SHA, built on `baseSha`, whose gate measures `passing` of `tests` tests of TASK. */
export function runPull(
  runtime: Runtime,
  scene: Scene,
  baseSha: string,
  rate: { tests: number; passing: number },
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  seedRate(scene, { ...rate, taskId: TASK })
  return runGateAction(runtime, scene, {
    event: pullEventOn(scene, baseSha),
    inputs: { ...BASE_INPUTS, baseline: 'base-commit', ...inputs }
  })
}

export interface CheckRunView {
  id: number
  name: string
  status: string
  conclusion: string | null
  output: { title: string | null; summary: string | null; text: string | null }
}

export const checkRunsOn = (scene: Scene, sha = HEAD_SHA) =>
  scene.github.checkRuns(OWNER, REPO, sha) as unknown as CheckRunView[]

export const historyOf = (scene: Scene, id: number) =>
  scene.github.checkRunHistory(id) as unknown as CheckRunView[]

/** Lines that look like a JavaScript stack frame. */
export const stackFrames = (run: ActionRun) =>
  `${run.stdout}\n${run.stderr}`.split('\n').filter(line => /^\s+at .+\(?.+:\d+:\d+\)?$/.test(line))

/** A workflow command line with the runner's escapes (%25, %0D, %0A) undone. */
export const unescapeCommand = (line: string) =>
  line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
