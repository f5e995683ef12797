import type { Scope } from '../judge/scope.js'
import { judgeTest } from '../judge/judge.js'
import { explainEval } from '../judge/explain.js'
import { RunSummary } from '../judge/summary.js'
import type { Thresholds } from '../judge/types.js'
import type { GateDeps } from './deps.js'
import type { StatusCheck } from './status-check.js'
import { memorySpool, type SpooledTests } from './test-spool.js'
import { readScope, waitForRun, type PollProgress, type TestJudge, type TestSink } from './wait.js'

/** Time allowed after the wait for reading every page and filing the issue (at most `timeout` as well). */
export const AFTER_WAIT_BUDGET_MS = 120_000

export interface Waited {
  /** Every test in scope, added up as its page arrived. */
  summary: RunSummary
  /** The same tests, as the JSON report will list them. */
  tests: SpooledTests
  timedOut: boolean
}

type SummarySink = TestSink & { summary: RunSummary }

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
  const thresholds = thresholdsOf(deps.config)
  const judge: TestJudge = test => judgeTest(test, thresholds, explainEval)
  const spool = deps.spoolTests?.() ?? memorySpool()
  // Each reading starts over; only the last one is judged and reported.
  const newSink = (): SummarySink => {
    spool.restart()
    const summary = new RunSummary()
    return {
      summary,
      add: test => {
        summary.add(test)
        spool.add(test)
      },
      get count() {
        return summary.count
      },
      get pending() {
        return summary.pending
      }
    }
  }
  try {
    const waited = await waitAndRead(deps, scope, check, waitDeadline, judge, newSink)
    return { ...waited, tests: spool.close() }
  } catch (error) {
    spool.discard()
    throw error
  }
}

async function waitAndRead(
  deps: GateDeps,
  scope: Scope,
  check: StatusCheck,
  waitDeadline: number,
  judge: TestJudge,
  newSink: () => SummarySink
): Promise<Omit<Waited, 'tests'>> {
  const { config, log, avido } = deps
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
    newSink,
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
    log.info(`Settled after ${result.polls} poll(s): ${result.tests.count} test(s).`)
    return { summary: result.tests.summary, timedOut: false }
  }
  // Avido did not answer the last poll: reading the tests now would only wait as long again.
  if (result.lastError !== undefined) throw result.lastError
  const tests = await readScope(avido, scope, judge, newSink())
  log.info(`Timed out after ${result.polls} poll(s) with ${tests.pending} test(s) pending.`)
  return { summary: tests.summary, timedOut: true }
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
