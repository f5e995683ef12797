// Retry rules of the official Avido SDK: which answers are worth another attempt and how
// long to wait before it. Pure: time and randomness are passed in.

import { headerValue, serverWaitMs, type HeaderSource } from '../shared/retry-after.js'

export { headerValue, serverWaitMs, type HeaderSource }

const INITIAL_DELAY_MS = 500
const MAX_BACKOFF_MS = 8_000
const MAX_SERVER_WAIT_MS = 60_000

/** 408, 409, 429 and every 5xx are retried; other answers (400, 401, 403, 404, 422, …) are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500
}

/** The server may override the status rule with `x-should-retry: true|false`. */
export function shouldRetryResponse(status: number, headers?: HeaderSource): boolean {
  const override = headerValue(headers, 'x-should-retry')?.trim().toLowerCase()
  if (override === 'true') return true
  if (override === 'false') return false
  return isRetryableStatus(status)
}

/**
 * Exponential backoff: min(0.5 s · 2^retry, 8 s), shortened by up to 25 % of jitter.
 * `retry` counts the retries already made (0 before the first one).
 */
export function backoffMs(retry: number, random: () => number): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** Math.min(retry, 1000), MAX_BACKOFF_MS)
  return Math.max(0, base * (1 - 0.25 * random()))
}

/** The server's wait when it is one to honour (0 < wait ≤ 60 s, as the official SDK does), else undefined. */
export function honouredServerWaitMs(headers: HeaderSource | undefined, now: number): number | undefined {
  const wait = serverWaitMs(headers, now)
  return wait !== undefined && wait > 0 && wait <= MAX_SERVER_WAIT_MS ? wait : undefined
}

/** The wait before the next attempt: the server's, when 0 < wait ≤ 60 s, else backoff. */
export function retryDelayMs(
  retry: number,
  headers: HeaderSource | undefined,
  random: () => number,
  now: number
): number {
  return honouredServerWaitMs(headers, now) ?? backoffMs(retry, random)
}

/** True when the server asked for a wait it can be taken at its word for (used for unsafe requests). */
export function hasServerWait(headers: HeaderSource | undefined, now: number): boolean {
  const wait = serverWaitMs(headers, now)
  return wait !== undefined && wait >= 0
}
