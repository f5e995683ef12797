import { expect } from '@jest/globals'
import type { Fault } from '../../emulators/avido/index.js'
import { runAction, runtimes, type ActionRun, type Runtime } from '../../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, type Scene } from '../../emulators/scene.js'

export const [NODE20, NODE24] = runtimes() as [Runtime, Runtime]

/** The gate's `timeout` in these suites: short, because the point is that nothing outlasts it. */
export const TIMEOUT_MS = 3000
/** Process start, GitHub reporting and exit on top of the timeout, with room for a loaded CI machine. */
export const EXIT_SLACK_MS = 2500
export const FAST_INPUTS = { timeout: `${TIMEOUT_MS / 1000}s`, 'poll-interval': '200ms' }

export interface GateRunOptions {
  runtime?: Runtime
  inputs?: Record<string, string>
  env?: Record<string, string>
  eventName?: string
  event?: object
}

/** Runs the bundle against the scene on a pull_request event, with the short timeout and poll interval. */
export function runGate(scene: Scene, options: GateRunOptions = {}): Promise<ActionRun> {
  return runAction({
    node: (options.runtime ?? NODE24).path,
    inputs: scene.inputs({ ...FAST_INPUTS, ...options.inputs }),
    eventName: options.eventName ?? 'pull_request',
    event: options.event ?? scene.pullRequestEvent(),
    env: scene.env(options.env),
    timeoutMs: 60_000
  })
}

/** `n` settled tests of one eval each, `passing` of them passed. */
export function seedTests(scene: Scene, n: number, passing = n): void {
  let left = passing
  scene.avido.seed.tests(n, () => ({ evals: [{ type: 'CUSTOM', passed: left-- > 0 }] }))
}

/** What the step printed, without the `::add-mask::` commands (which carry the secrets to the runner). */
export const printed = (run: ActionRun): string =>
  [...run.lines.filter(line => !line.startsWith('::add-mask::')), run.stderr].join('\n')

export const errorLines = (run: ActionRun): string[] => run.lines.filter(line => line.startsWith('::error'))
export const warningLines = (run: ActionRun): string[] =>
  run.lines.filter(line => line.startsWith('::warning'))

/** Node's stack frames (`    at fn (file:1:2)`) anywhere in what the step printed. */
const STACK_FRAME = /^\s+at .*(:\d+:\d+\)?|native|<anonymous>)$/m

/** No stack trace, nothing on stderr, at most one error line, and never a second comment or issue. */
export function expectOrderly(scene: Scene, run: ActionRun): void {
  expect(run.stdout).not.toMatch(STACK_FRAME)
  expect(run.stderr).toBe('')
  expect(errorLines(run).length).toBeLessThanOrEqual(1)
  expect(scene.github.comments(OWNER, REPO, PR_NUMBER).length).toBeLessThanOrEqual(1)
  expect(gateIssues(scene).length).toBeLessThanOrEqual(1)
}

/** The Avido issues the gate filed (those seeded by a test carry no key). */
export const gateIssues = (scene: Scene) =>
  scene.avido.issues.filter(issue => issue.description?.includes('test-gate-key:'))

/** The step failed with exactly one error line, which is returned (without the `::error::` prefix). */
export function expectOneError(scene: Scene, run: ActionRun): string {
  expectOrderly(scene, run)
  expect(run.code).toBe(1)
  const errors = errorLines(run)
  expect(errors).toHaveLength(1)
  return decodeCommand(errors[0]!.replace(/^::error::/, ''))
}

/** The run was judged as healthy: the verdict of the seeded tests, one comment, a success status. */
export function expectJudged(scene: Scene, run: ActionRun, result: 'success' | 'error' = 'success'): void {
  expectOrderly(scene, run)
  expect(run.outputs.result).toBe(result)
  expect(run.code).toBe(result === 'success' ? 0 : 1)
  expect(scene.github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1)
}

/** Workflow command data as the runner decodes it. */
export const decodeCommand = (data: string): string =>
  data.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')

export const lastStatus = (scene: Scene): string | undefined =>
  scene.github.statuses(OWNER, REPO, HEAD_SHA).at(-1)?.state as string | undefined

export const testRequests = (scene: Scene) =>
  scene.avido.requests.filter(request => request.method === 'GET' && request.path === '/v0/tests')

/** Faults for the page reads only: the two count requests of the first poll get through untouched. */
export function injectAfterCounts(scene: Scene, fault: Fault, times = Infinity): void {
  scene.avido.inject('GET /v0/tests', { kind: 'delay', ms: 0 }, { times: 2 })
  scene.avido.inject('GET /v0/tests', fault, { times })
}
