import type { Scope } from '../judge/scope.js'
import { judgeTest } from '../judge/judge.js'
import { explainEval } from '../judge/explain.js'
import type { JudgedTest, Thresholds } from '../judge/types.js'
import type { GateDeps } from './deps.js'
import type { StatusCheck } from './status-check.js'
import { readScope, waitForRun, type PollProgress, type TestJudge } from './wait.js'

/** Time allowed after the wait for reading every page and filing the issue (at most `timeout` as well). */
export const AFTER_WAIT_BUDGET_MS = 120_000

export interface Waited {
  /** Every test in scope, judged as its page arrived. */
  tests: JudgedTest[]
  timedOut: boolean
}

export function thresholdsOf(config: GateDeps['config']): Thresholds {
  return { warning: config.warningThreshold, error: config.errorThreshold }
}

/**
 * Step 3: poll until `waitDeadline` (the gate's start plus `timeout`) the run settles or the time is up, one log line per poll and the status check's
 * progress now and then, then read every test in scope, each judged as its page arrives.
 */
export async function waitForTests(
  deps: GateDeps,
  scope: Scope,
  check: StatusCheck,
  waitDeadline: number
): Promise<Waited> {
  const { config, log, avido } = deps
  const thresholds = thresholdsOf(config)
  const judge: TestJudge = test => judgeTest(test, thresholds, explainEval)
  const waitStarted = deps.now()
  const afterWaitBudget = Math.min(AFTER_WAIT_BUDGET_MS, config.timeoutMs)
  deps.setDeadline(waitDeadline)
  const onPoll = async (progress: PollProgress) => {
    log.info(progressLine(progress, config.minTests, deps.now() - waitStarted))
    // A poll that finds the run settled is followed by the final status at once.
    const settled = progress.matched >= config.minTests && progress.pending === 0
    if (progress.fault === undefined && !settled) await check.progress(progress.settled, progress.matched)
  }
  const result = await waitForRun(avido, {
    scope,
    judge,
    minTests: config.minTests,
    pollIntervalMs: config.pollIntervalMs,
    deadline: waitDeadline,
    now: deps.now,
    sleep: deps.sleep,
    onPoll,
    // Reading the pages of a run that settled just before the timeout must not fail for lack of time.
    whileReading: async read => {
      deps.setDeadline(deps.now() + afterWaitBudget)
      try {
        return await read()
      } finally {
        deps.setDeadline(waitDeadline)
      }
    }
  })
  deps.setDeadline(deps.now() + afterWaitBudget)
  if (result.outcome === 'settled') {
    log.info(`Settled after ${result.polls} poll(s): ${result.tests.length} test(s).`)
    return { tests: result.tests, timedOut: false }
  }
  // Avido did not answer the last poll: reading the tests now would only wait as long again.
  if (result.lastError !== undefined) throw result.lastError
  const tests = await readScope(avido, scope, judge)
  log.info(
    `Timed out after ${result.polls} poll(s) with ${tests.filter(test => test.pending).length} test(s) pending.`
  )
  return { tests, timedOut: true }
}

export function progressLine(progress: PollProgress, minTests: number, elapsedMs: number): string {
  const elapsed = `${Math.round(elapsedMs / 1000)}s`
  if (progress.fault)
    return `Poll ${progress.poll} (${elapsed}): Avido did not answer, trying again. ${progress.fault}`
  if (progress.matched === 0) {
    return `Poll ${progress.poll} (${elapsed}): no matching tests yet (waiting for at least ${minTests}).`
  }
  return `Poll ${progress.poll} (${elapsed}): ${progress.settled}/${progress.matched} settled, ${progress.pending} pending.`
}
