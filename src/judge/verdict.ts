import type { Judgement, Result } from './types.js'
import { formatRate, formatThreshold, plural } from '../shared/format.js'

export type Gate = 'pass' | 'fail'

export interface TimeoutInfo {
  /** Tests still PENDING or IN_PROGRESS when the wait ended. */
  pendingTests: number
  /** The `on-timeout` input; `fail` (the default) fails the gate. */
  onTimeout?: 'fail' | 'judge'
}

export interface Verdict {
  result: Result
  gate: Gate
  /** One plain-text sentence: why the gate passed or failed. */
  reason: string
}

function qualityReason(j: Judgement): string {
  const rate = `${formatRate(j.passRate)}%`
  const warning = `${formatThreshold(j.thresholds.warning)}%`
  const error = `${formatThreshold(j.thresholds.error)}%`
  switch (j.result) {
    case 'none':
      return 'No tests matched, and min-tests 0 allows an empty run.'
    case 'success':
      return `${rate} is above the warning threshold of ${warning}.`
    case 'warning':
      return j.failsQuality
        ? `${rate} is at or below the warning threshold of ${warning}, and fail-on is ${j.failOn}.`
        : `${rate} is at or below the warning threshold of ${warning} but above the error threshold of ${error}; fail-on is ${j.failOn}.`
    case 'error':
      return j.failsQuality
        ? `${rate} is at or below the error threshold of ${error}.`
        : `${rate} is at or below the error threshold of ${error}, but fail-on is ${j.failOn}.`
  }
}

/** The gate fails on the judged quality (`failsQuality`) or on a timeout with `on-timeout: fail`. */
export function verdictOf(judgement: Judgement, timedOut?: TimeoutInfo): Verdict {
  const timeoutFails = timedOut !== undefined && timedOut.onTimeout !== 'judge'
  const gate: Gate = judgement.failsQuality || timeoutFails ? 'fail' : 'pass'
  let reason = qualityReason(judgement)
  if (timedOut) {
    const pending = `${plural(timedOut.pendingTests, 'test')} still pending`
    reason = timeoutFails
      ? `Timed out waiting for Avido with ${pending}. Settled tests: ${reason}`
      : `Timed out with ${pending}; judged the settled tests: ${reason}`
  }
  return { result: judgement.result, gate, reason }
}
