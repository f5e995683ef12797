import type { Result } from './vocabulary.js'

// Small, locale-independent number and label formatting shared by the report renderers. Nothing here reads
// the clock or the locale, so the same judgement always renders to the same text.

export const RESULT_EMOJI: Record<Result, string> = {
  success: '🟢',
  warning: '🟡',
  error: '🔴',
  none: '⚪'
}

/** A figure without binary noise: a drop of exactly 10 points computes as -10.000000000000009 from 70 % and 80 %. */
export const withoutBinaryNoise = (value: number): number => Number(value.toPrecision(12))

/**
 * A pass rate with one decimal, rounded half up (`82.45` → `82.5`). Only the ends are kept honest: a rate
 * below 100 never shows as `100.0` and a rate above 0 never as `0.0`. Near a threshold the shown value may
 * sit on the threshold while the badge (computed on the unrounded rate) is on either side of it. One rule
 * for every shown pass rate, so the comment, the status, the outputs and the issue title agree.
 */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0.0'
  if (rate >= 100) return '100.0'
  // toPrecision drops binary noise first, so 82.45 (stored as 82.4499…) still rounds up.
  const tenths = Math.round(withoutBinaryNoise(rate * 10))
  return (Math.min(999, Math.max(1, tenths)) / 10).toFixed(1)
}

/** An eval score with at most two decimals (`0.42`, `1`, `4.5`); '' for a missing score. */
export function formatScore(score: number | null | undefined): string {
  if (typeof score !== 'number' || !Number.isFinite(score)) return ''
  const rounded = Math.round(score * 100) / 100
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/** A threshold as the user wrote it (`75`, `62.5`). */
export function formatThreshold(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '?'
}

/** An integer with thousands separators (`65,536`), independent of the runner's locale. */
export function formatCount(n: number): string {
  const digits = String(Math.max(0, Math.trunc(Number.isFinite(n) ? n : 0)))
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `1 test`, `3 tests`, `1,200 evals`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`
}

/** The first seven hex digits of a commit SHA; anything that is not hex is dropped. */
export function shortSha(sha: string): string {
  return sha
    .replace(/[^0-9a-fA-F]/g, '')
    .slice(0, 7)
    .toLowerCase()
}

/** `2026-11-23T19:45:20.000Z` → `2026-11-23 19:45 UTC`; anything else → ''. */
export function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso)
  return m ? `${m[1]} ${m[2]} UTC` : ''
}

/** A signed change in points with one decimal, rounded half away from zero: `+3.0`, `-12.5`, `0.0`. */
export function formatChange(change: number): string {
  const tenths = Math.round(Math.abs(withoutBinaryNoise(change * 10)))
  if (tenths === 0) return '0.0'
  return `${change > 0 ? '+' : '-'}${(tenths / 10).toFixed(1)}`
}

/**
 * A margin in points with one decimal (`6.1`); '' when there is none or it is not a usable number. Rates and
 * their changes lie within 100 points: a wider margin only says that anything is possible, and shows as 100.
 */
export function formatMargin(margin: number | undefined): string {
  if (margin === undefined || !Number.isFinite(margin) || margin < 0) return ''
  return (Math.round(withoutBinaryNoise(Math.min(100, margin) * 10)) / 10).toFixed(1)
}
