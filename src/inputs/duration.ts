import { cutText } from '../shared/text.js'

// Durations as the action accepts them: `500ms`, `30s`, `15m`, `1h`, or bare seconds (`90`, `1.5`). One rule for
// every duration input; a rule only differs in whether days (`7d`) are allowed and in its maximum. Waits
// (`timeout`, `poll-interval`) take no days: no gate waits a day, and a `d` there is more likely a typo than
// intent. Ages (`baseline-max-age`) are naturally counted in days.

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const
type Unit = keyof typeof UNIT_MS
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h|d)?$/

export interface DurationRule {
  /** Whether `d` (days) is accepted. */
  days: boolean
  /** The longest duration accepted, in milliseconds. */
  maxMs: number
}

/** How long the gate waits. The cap also keeps every value far inside the range timers accept. */
export const WAIT_DURATION: DurationRule = { days: false, maxMs: UNIT_MS.h * 24 }
/** How old something may be. */
export const AGE_DURATION: DurationRule = { days: true, maxMs: UNIT_MS.d * 365 }

export function durationSyntax(rule: DurationRule): string {
  return rule.days
    ? 'use a number with ms, s, m, h or d, e.g. 30s, 15m, 36h, 7d, or bare seconds'
    : 'use a number with ms, s, m or h, e.g. 500ms, 30s, 15m, 1h, or bare seconds'
}

export type DurationCheck = { ok: true; ms: number } | { ok: false; reason: string }

/** Reads a duration; on failure `reason` reads well after the input's name, e.g. `"5d" is not a duration (…)`. */
export function checkDuration(text: string, rule: DurationRule = WAIT_DURATION): DurationCheck {
  const trimmed = text.trim()
  const shown = JSON.stringify(cutText(trimmed, 40))
  if (trimmed === '') return { ok: false, reason: `is empty (${durationSyntax(rule)})` }
  if (/^-\s*\d|^-\s*\.\d/.test(trimmed)) return { ok: false, reason: `${shown} is negative` }
  const match = DURATION.exec(trimmed)
  const unit = (match?.[2] ?? 's') as Unit
  if (!match || (unit === 'd' && !rule.days)) {
    return { ok: false, reason: `${shown} is not a duration (${durationSyntax(rule)})` }
  }
  const ms = Math.round(Number(match[1]) * UNIT_MS[unit])
  if (ms > rule.maxMs) {
    return { ok: false, reason: `${shown} is longer than the maximum of ${formatDuration(rule.maxMs, rule)}` }
  }
  return { ok: true, ms }
}

/** Duration in milliseconds; throws a RangeError whose message is the reason. */
export function parseDuration(text: string, rule: DurationRule = WAIT_DURATION): number {
  const checked = checkDuration(text, rule)
  if (!checked.ok) throw new RangeError(checked.reason)
  return checked.ms
}

/**
 * `900000` → `15m`, `1500` → `1.5s`: durations in messages, in the unit a person would write and in a form the
 * rule accepts back (whole days only where days are allowed).
 */
export function formatDuration(ms: number, rule: Pick<DurationRule, 'days'> = WAIT_DURATION): string {
  if (rule.days && ms >= UNIT_MS.d && ms % UNIT_MS.d === 0) return `${ms / UNIT_MS.d}d`
  if (ms >= UNIT_MS.h && ms % UNIT_MS.h === 0) return `${ms / UNIT_MS.h}h`
  if (ms >= UNIT_MS.m && ms % UNIT_MS.m === 0) return `${ms / UNIT_MS.m}m`
  if (ms >= UNIT_MS.s) return `${ms / UNIT_MS.s}s`
  return `${ms}ms`
}
