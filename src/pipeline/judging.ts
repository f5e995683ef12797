import {
  compareWithBaseline,
  describeChange,
  regressedVerdict,
  regressionFailure,
  type Baseline,
  type BaselineComparison
} from '../judge/baseline.js'
import { shortSha } from '../shared/format.js'
import { measuredScope } from './baseline.js'
import type { PendingTest } from '../judge/digest.js'
import type { Judgement } from '../judge/types.js'
import { verdictOf, type TimeoutInfo, type Verdict } from '../judge/verdict.js'
import type { GateDeps } from './deps.js'
import type { SpooledTests } from './test-spool.js'
import { thresholdsOf, type Waited } from './waiting.js'

const MAX_PENDING_LISTED = 10

export interface Judged {
  judgement: Judgement
  verdict: Verdict
  /** Set when the wait ended before the run settled. */
  timedOut?: TimeoutInfo
  /** The run against its baseline, when one was found and the run was measured. */
  compared?: BaselineComparison
  /** What the gate decided of the run: `timed-out` only when the run did not settle and on-timeout is fail. */
  outcome: 'passed' | 'failed' | 'timed-out'
  /** The step's failure line when the verdict fails it. */
  failure?: string
  /** The judged tests, as the JSON report lists them. */
  tests?: SpooledTests
}

/** Step 4: add up the judged tests into the run's figures, and decide. */
export function judgeWaitedRun(
  deps: Pick<GateDeps, 'config' | 'log'>,
  waited: Waited,
  baseline: Baseline | undefined
): Judged {
  const { config, log } = deps
  const judgement = waited.summary.finish({ thresholds: thresholdsOf(config), failOn: config.failOn })
  if (judgement.result === 'none' && judgement.tests > 0) {
    log.warning(`${judgement.tests} test(s) matched but none has a settled eval to judge.`, 'Avido test gate')
  }
  const pending = judgement.pendingTests
  const timedOut = waited.timedOut ? { pendingTests: pending, onTimeout: config.onTimeout } : undefined
  const quality = verdictOf(judgement, timedOut)
  let verdict = quality
  const compared =
    baseline && judgement.result !== 'none'
      ? compareWithBaseline(judgement, baseline, {
          scope: measuredScope(config),
          maxRegression: config.maxRegression
        })
      : undefined
  if (compared)
    log.info(`Against ${baselineName(compared.baseline)}: ${describeChange(compared.comparison)}.`)
  let regression: string | undefined
  if (compared?.failsGate && config.maxRegression !== undefined) {
    const name = baselineName(compared.baseline)
    regression = regressionFailure(compared, config.maxRegression, name)
    verdict = regressedVerdict(quality, compared, config.maxRegression, name)
  }
  log.info(verdict.reason)
  if (timedOut && config.onTimeout === 'judge') {
    log.warning(
      `Timed out with ${pending} test(s) still pending; judged the settled tests.`,
      'Avido test gate'
    )
  }
  let failure: string | undefined
  const timedOutFails = timedOut !== undefined && config.onTimeout === 'fail'
  if (timedOutFails) failure = timeoutFailure(config.timeoutMs, judgement.digest.firstPending, pending)
  else if (judgement.failsQuality) failure = `Avido test gate failed: ${quality.reason}`
  else if (regression) failure = regression
  return {
    judgement,
    verdict,
    outcome: failure ? (timedOutFails ? 'timed-out' : 'failed') : 'passed',
    tests: waited.tests,
    ...(timedOut ? { timedOut } : {}),
    ...(compared ? { compared } : {}),
    ...(failure ? { failure } : {})
  }
}

/** `the base commit abc1234` or `the scheduled Avido run(s)`. */
export function baselineName(baseline: Baseline): string {
  return baseline.source === 'base-commit'
    ? `the base commit ${shortSha(baseline.sha ?? '')}`
    : `the scheduled Avido run${baseline.runIds && baseline.runIds.length > 1 ? 's' : ''}`
}

function timeoutFailure(timeoutMs: number, first: readonly PendingTest[], pending: number): string {
  const listed = first
    .slice(0, MAX_PENDING_LISTED)
    .map(test => `${test.id} (${test.taskTitle}, ${test.status})`)
  const more = pending > MAX_PENDING_LISTED ? `, and ${pending - MAX_PENDING_LISTED} more` : ''
  const seconds = Math.round(timeoutMs / 1000)
  if (pending === 0) {
    return `Timed out after ${seconds}s waiting for Avido tests: fewer tests matched than min-tests requires.`
  }
  return `Timed out after ${seconds}s waiting for Avido: ${pending} test(s) still pending: ${listed.join(', ')}${more}.`
}
