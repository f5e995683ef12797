// Durations as the action accepts them: `500ms`, `30s`, `15m`, `1h`, or bare seconds (`90`, `1.5`).

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?$/
/** No gate waits a day; the cap also keeps every value far inside the range timers accept. */
export const MAX_DURATION_MS = 24 * 3_600_000

export const DURATION_SYNTAX = 'use a number with ms, s, m or h, e.g. 500ms, 30s, 15m, 1h, or bare seconds'

export type DurationCheck = { ok: true; ms: number } | { ok: false; reason: string }

/** Reads a duration; on failure `reason` reads well after the quoted value, e.g. `"5d" is not a duration (…)`. */
export function checkDuration(text: string): DurationCheck {
  const trimmed = text.trim()
  const shown = JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed)
  if (trimmed === '') return { ok: false, reason: `is empty (${DURATION_SYNTAX})` }
  if (/^-\s*\d|^-\s*\.\d/.test(trimmed)) return { ok: false, reason: `${shown} is negative` }
  const match = DURATION.exec(trimmed)
  if (!match) return { ok: false, reason: `${shown} is not a duration (${DURATION_SYNTAX})` }
  const unit = (match[2] ?? 's') as keyof typeof UNIT_MS
  const ms = Math.round(Number(match[1]) * UNIT_MS[unit])
  if (ms > MAX_DURATION_MS) return { ok: false, reason: `${shown} is longer than the maximum of 24h` }
  return { ok: true, ms }
}

/** Duration in milliseconds; throws a RangeError whose message is the reason. */
export function parseDuration(text: string): number {
  const checked = checkDuration(text)
  if (!checked.ok) throw new RangeError(checked.reason)
  return checked.ms
}

/** `900000` → `15m`, `1500` → `1.5s`: durations in messages, in the unit a person would write. */
export function formatDuration(ms: number): string {
  if (ms >= UNIT_MS.h && ms % UNIT_MS.h === 0) return `${ms / UNIT_MS.h}h`
  if (ms >= UNIT_MS.m && ms % UNIT_MS.m === 0) return `${ms / UNIT_MS.m}m`
  if (ms >= UNIT_MS.s) return `${ms / UNIT_MS.s}s`
  return `${ms}ms`
}
