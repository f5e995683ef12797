import { WAIT_DURATION, formatDuration } from './duration.js'
import { booleanSpelling, positiveDuration, quote, type Reader } from './readers.js'

// Readers that belong to a single input.

/** Shorter polls would spend the API's rate limit on waiting without making the gate any faster. */
const MIN_POLL_INTERVAL_MS = 100

// The API key is never quoted back: its problems are described without the value.
export const apiKey: Reader<string> = (value, fail) => {
  if (value === '') fail('is required; pass it from a secret, e.g. ${{ secrets.AVIDO_API_KEY }}')
  else if (/[\s\p{Cc}]/u.test(value)) fail('contains whitespace or control characters; check the secret')
  return value
}

export const applicationId: Reader<string> = (value, fail) => {
  if (value === '') fail('is required')
  else if (/[\s\p{Cc}]/u.test(value)) fail(`${quote(value)} must not contain whitespace`)
  return value
}

const waitDuration = positiveDuration(WAIT_DURATION)

export const pollInterval: Reader<number> = (value, fail) => {
  const ms = waitDuration(value, fail)
  if (ms > 0 && ms < MIN_POLL_INTERVAL_MS) {
    fail(
      `${formatDuration(ms)} is too short: use at least ${MIN_POLL_INTERVAL_MS}ms, ` +
        'faster polling only spends the Avido API rate limit without finishing sooner'
    )
  }
  return ms
}

export const STATUS_CHECK_MODES = ['check-run', 'status', 'both', 'off'] as const
type StatusCheckMode = (typeof STATUS_CHECK_MODES)[number]

/** Where the verdict is posted on the head commit. */
export interface StatusCheck {
  /** A check run, which also holds the record a later run compares with. */
  checkRun: boolean
  /** A commit status. */
  commitStatus: boolean
}

// `true` and `false` keep working from when this input was a boolean.
export const statusCheck: Reader<StatusCheck> = (text, fail) => {
  const spelled = booleanSpelling(text)
  const mode: StatusCheckMode | undefined =
    spelled === undefined
      ? STATUS_CHECK_MODES.find(option => option === text.toLowerCase())
      : spelled
        ? 'check-run'
        : 'off'
  if (mode === undefined) {
    fail(
      `${quote(text)} is not one of ${STATUS_CHECK_MODES.join(', ')} (or true for check-run, false for off)`
    )
  }
  return {
    checkRun: mode === 'check-run' || mode === 'both',
    commitStatus: mode === 'status' || mode === 'both'
  }
}
