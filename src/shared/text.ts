// The one rule for "one line, cut to N characters", used for every text that comes from outside (Avido,
// GitHub, the user's inputs) and goes into a log line, a commit status, an issue or a report:
//
// - one line: whitespace runs (newlines and tabs included) become single spaces; control characters, bidi
//   overrides and invisible format characters are removed; lone surrogates become U+FFFD;
// - at most `max` UTF-16 code units (what GitHub counts), cut between grapheme clusters, so never inside a
//   surrogate pair or an emoji sequence, and ending with `…` when anything had to go.

/** GitHub refuses a commit status whose description is longer than this. */
export const STATUS_DESCRIPTION_MAX = 140

export const ELLIPSIS = '…'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const WHITESPACE = /[\s\u0085]+/g
// C0/C1 controls (whitespace already gone), bidi marks/embeddings/overrides/isolates, zero-width space,
// word joiner and invisible operators, deprecated format characters, BOM, interlinear annotations.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/

/** Untrusted text (or any value) reduced to one clean line, uncut. */
export function normalizeText(text: unknown): string {
  const s = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text)
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(WHITESPACE, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

// Built on first use: making one takes several ms, and most runs start (and many end) with ASCII text only.
let segmenter: Intl.Segmenter | undefined

/** The grapheme clusters of a text: the places where it may be cut. */
export function graphemes(text: string): string[] {
  // Printable ASCII has one grapheme per code unit; skip the (slower) segmenter for it.
  if (PRINTABLE_ASCII.test(text)) return text.split('')
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  return Array.from(segmenter.segment(text), s => s.segment)
}

/**
 * Joins `parts` (units that must not be split: grapheme clusters, or their escaped forms) within `max` code
 * units. When they do not all fit, or `cut` says something before them was already dropped, as many as fit
 * are kept with `…` after them (trailing spaces go first).
 */
export function fitParts(parts: readonly string[], max: number, cut = false): string {
  const limit = Math.max(0, Math.floor(max))
  let total = 0
  for (const p of parts) total += p.length
  if (!cut && total <= limit) return parts.join('')
  if (limit < 1) return ''
  const kept: string[] = []
  let length = 0
  for (const p of parts) {
    if (length + p.length + ELLIPSIS.length > limit) break
    kept.push(p)
    length += p.length
  }
  while (kept.length && kept[kept.length - 1] === ' ') kept.pop()
  kept.push(ELLIPSIS)
  return kept.join('')
}

/** A text cut to at most `max` code units between grapheme clusters, with `…` when cut; otherwise as is. */
export function cutText(text: string, max: number): string {
  const limit = Math.max(0, Math.floor(max))
  if (text.length <= limit) return text
  // Only the first `limit` code units can be kept; a few more let the last cluster be seen whole.
  return fitParts(graphemes(text.slice(0, limit + 8)), limit, true)
}

/** Untrusted text as one clean line of at most `max` code units (see the rules above). */
export function oneLine(text: unknown, max = Infinity): string {
  const clean = normalizeText(text)
  return Number.isFinite(max) ? cutText(clean, max) : clean
}
