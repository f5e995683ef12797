import { AvidoApiError, AvidoRequestError } from '../avido/errors.js'
import { GitHubContextError } from '../github/context.js'
import { InputError } from '../inputs/parse.js'
import { abortedSummary } from '../render/aborted.js'
import type { JsonReport } from '../render/json-report.js'
import { emptyOutputs } from '../render/outputs.js'
import type { SpooledTests } from './test-spool.js'

/**
 * What the gate decided, and why. `passed` and `failed` are verdicts on the run's quality; `timed-out` means
 * the run did not settle in time (with `on-timeout: fail`); `aborted` means the gate could not reach a
 * verdict (an Avido API error, a bad input, any unexpected fault).
 */
export type GateVerdict = 'passed' | 'failed' | 'timed-out' | 'aborted'

export interface GateOutcome {
  verdict: GateVerdict
  /** One sentence for a person; the step's failure line whenever the verdict is not `passed`. */
  reason: string
  /** Every output of the action, as strings ('' when absent). */
  outputs: Record<string, string>
  /** The job summary (Markdown). */
  summary: string
  /** The JSON report, when the run was judged. */
  report?: JsonReport
  /** Its tests, when they were written aside as they were judged (`report.tests` is then empty). */
  reportTests?: SpooledTests
}

/** The outcome when the gate stopped before a verdict: no quality figures, only the reason. */
export function abortedOutcome(reason: string, outputs: Record<string, string> = {}): GateOutcome {
  return {
    verdict: 'aborted',
    reason,
    outputs: { ...emptyOutputs(), gate: 'fail', regressed: 'false', ...outputs },
    summary: abortedSummary(reason)
  }
}

/** Errors whose message is already a sentence for a person. */
const EXPLAINED = [AvidoApiError, AvidoRequestError, InputError, GitHubContextError]

/** An error as one line for a person: its message, never its stack. */
export function describeFault(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // Bad inputs are all reported at once, one line each.
  if (error instanceof InputError) return message.trim()
  const line = message.split('\n')[0].trim() || 'no message'
  if (EXPLAINED.some(kind => error instanceof kind)) return line
  const name = error instanceof Error ? `${error.name}: ` : ''
  return `Avido test gate stopped on an unexpected error (${name}${line}).`
}
