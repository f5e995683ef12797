// Retry rules of the official Avido SDK: which answers are worth another attempt and how
// long to wait before it. Pure: time and randomness are passed in.

/** Headers as undici returns them (lower-case names), or a WHATWG Headers object. */
export type HeaderSource =
  Record<string, string | string[] | undefined> | { get(name: string): string | null }

const INITIAL_DELAY_MS = 500
const MAX_BACKOFF_MS = 8_000
const MAX_SERVER_WAIT_MS = 60_000

export function headerValue(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

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
 * The wait the server asks for, in ms: `retry-after-ms` first, then `Retry-After` as seconds (may be a
 * float) or as an HTTP date taken relative to `now`. Undefined when absent or unreadable.
 */
export function serverWaitMs(headers: HeaderSource | undefined, now: number): number | undefined {
  const ms = parseNumber(headerValue(headers, 'retry-after-ms'))
  if (ms !== undefined) return ms
  const retryAfter = headerValue(headers, 'retry-after')?.trim()
  if (!retryAfter) return undefined
  const seconds = parseNumber(retryAfter)
  if (seconds !== undefined) return seconds * 1000
  const date = Date.parse(retryAfter)
  return Number.isNaN(date) ? undefined : date - now
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

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return undefined
  const parsed = Number(trimmed)
  return Number.isFinite(parsed) ? parsed : undefined
}
