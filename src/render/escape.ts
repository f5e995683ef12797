// Escaping for text that comes from Avido (task titles, eval names, analyses, issue ids): all of it is
// untrusted. The output is safe to place in GitHub Markdown:
//
// - no raw HTML (`< > & " '` become entities), so nothing can open a tag or close our `<details>`;
// - no Markdown that opens links, images, code spans or emphasis (`\ ` * _ [ ] ~ $` are backslash-escaped);
// - no autolinks (`://` and `www.` get a zero-width space), no `@mentions`, no `#123`, `GH-123` or
//   `owner/repo#123` references: a zero-width space (`&#8203;`) goes after the `@`, the `#` or the `GH-`,
//   which GitHub renders invisibly but which stops it from pinging anyone or cross-linking an issue;
// - one line: newlines, tabs and other whitespace collapse to single spaces; control characters, bidi
//   overrides and invisible format characters are removed; lone surrogates become U+FFFD;
// - at most `maxLength` UTF-16 code units, cut with `…` between grapheme clusters, never inside a surrogate
//   pair, an emoji sequence or one of our entities.
//
// Untrusted text must not start a line: callers always put it after some Markdown of their own.

/** Zero-width space as an entity: renders invisibly, breaks mentions, references and autolinks. */
export const ZWSP = '&#8203;'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const WHITESPACE = /[\s\u0085]+/g
// C0/C1 controls (whitespace already gone), bidi marks/embeddings/overrides/isolates, zero-width space,
// word joiner and invisible operators, deprecated format characters, BOM, interlinear annotations.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g

/** Untrusted text reduced to one clean line (no escaping yet). */
export function normalizeText(text: unknown): string {
  const s = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text)
  return s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(WHITESPACE, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

function graphemes(text: string): string[] {
  // Printable ASCII has one grapheme per code unit; skip the (slower) segmenter for it.
  if (/^[\x20-\x7E]*$/.test(text)) return text.split('')
  return Array.from(segmenter.segment(text), s => s.segment)
}

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;']
])
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '~', '$'])

type Mode = 'cell' | 'inline'

/** The escaped form of code point `i` (escaping is per code point, so a combining mark cannot hide a `|`). */
function escapeChar(cs: string[], i: number, mode: Mode): string {
  const c = cs[i]
  const next = cs[i + 1] ?? ''
  const entity = ENTITIES.get(c)
  if (entity !== undefined) return entity
  if (c === '|') return mode === 'cell' ? '\\|' : '|'
  if (BACKSLASHED.has(c)) return `\\${c}`
  if (c === '@') return next === '' || next === ' ' ? '@' : `@${ZWSP}`
  if (c === '#') return /^\d/.test(next) ? `#${ZWSP}` : '#'
  if (c === '-' && /^\d/.test(next) && isGhPrefix(cs, i)) return `-${ZWSP}`
  if (c === ':' && next === '/' && cs[i + 2] === '/') return `:${ZWSP}`
  if (c === '.' && isWwwPrefix(cs, i)) return `${ZWSP}.`
  return c
}

/** The escaped text as atoms, one per grapheme cluster: cutting happens between atoms only. */
function atoms(text: string, mode: Mode): string[] {
  const cs = Array.from(text)
  const escaped = cs.map((_, i) => escapeChar(cs, i, mode))
  if (/^[\x20-\x7E]*$/.test(text)) return escaped
  const out: string[] = []
  let k = 0
  for (const g of graphemes(text)) {
    let atom = ''
    for (let n = Array.from(g).length; n > 0; n--) atom += escaped[k++]
    out.push(atom)
  }
  return out
}

/** `GH-123` (whatever precedes it: being too careful costs an invisible character). */
function isGhPrefix(cs: string[], i: number): boolean {
  return i >= 2 && /^gh$/i.test(cs[i - 2] + cs[i - 1])
}

/** `www.example.com`, which GFM autolinks after `_`, `*`, `~`, `(` or a space: whatever precedes it here. */
function isWwwPrefix(cs: string[], i: number): boolean {
  return i >= 3 && /^www$/i.test(cs[i - 3] + cs[i - 2] + cs[i - 1])
}

/** Joins atoms up to `maxLength` code units, ending with `…` when anything had to go. */
function fit(parts: string[], maxLength: number, cut: boolean): string {
  let total = 0
  for (const p of parts) total += p.length
  if (!cut && total <= maxLength) return parts.join('')
  if (maxLength < 1) return ''
  const kept: string[] = []
  let length = 0
  for (const p of parts) {
    if (length + p.length + 1 > maxLength) break
    kept.push(p)
    length += p.length
  }
  while (kept.length && kept[kept.length - 1] === ' ') kept.pop()
  kept.push('…')
  return kept.join('')
}

function escapeWith(text: unknown, maxLength: number, mode: Mode): string {
  const clean = normalizeText(text)
  const limit = Math.max(0, Math.floor(maxLength))
  // Each atom is at least as long as its grapheme, so nothing past `limit` code units can be kept; a few
  // more are read so that the atoms at the edge still see their neighbours.
  const window = clean.length > limit + 8 ? clean.slice(0, limit + 8) : clean
  return fit(atoms(window, mode), limit, window.length < clean.length)
}

/** Untrusted text for a Markdown table cell: also escapes `|`, so the row keeps its columns. */
export function escapeCell(text: unknown, maxLength: number): string {
  return escapeWith(text, maxLength, 'cell')
}

/** Untrusted text for a paragraph, list item, heading or `<summary>` (never at the start of a line). */
export function escapeInline(text: unknown, maxLength: number): string {
  return escapeWith(text, maxLength, 'inline')
}

/** Untrusted text as one clean line, cut to `maxLength` with `…`, unescaped (commit status, logs). */
export function truncatePlain(text: unknown, maxLength: number): string {
  const clean = normalizeText(text)
  const limit = Math.max(0, Math.floor(maxLength))
  if (clean.length <= limit) return clean
  return fit(graphemes(clean.slice(0, limit + 8)), limit, true)
}

/**
 * Untrusted text as an inline code span (for ids), at most `maxLength` code units including the fences.
 * Inside a code span GitHub renders no HTML, mentions or references, so only the fence needs care.
 * Not for table cells (a `|` inside a code span would still split the cell): use `escapeCell` there.
 */
export function escapeCode(text: unknown, maxLength: number): string {
  const clean = normalizeText(text)
  if (!clean) return ''
  const fenceFor = (s: string) => '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map(r => r.length)) + 1)
  const pad = (s: string) => (s.startsWith('`') || s.endsWith('`') ? ` ${s} ` : s)
  const budget = Math.floor(maxLength) - 2 * fenceFor(clean).length - 2
  if (budget < 1) return ''
  const content = pad(truncatePlain(clean, budget))
  const fence = fenceFor(content)
  return `${fence}${content}${fence}`
}
