// How long a server asks its client to wait before trying again. Pure: the time is passed in.

/** Headers as undici returns them (lower-case names), or a WHATWG Headers object. */
export type HeaderSource =
  Record<string, string | string[] | undefined> | { get(name: string): string | null }

export function headerValue(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
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

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return undefined
  const parsed = Number(trimmed)
  return Number.isFinite(parsed) ? parsed : undefined
}
