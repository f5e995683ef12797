import { cutText, fitParts, graphemes, normalizeText } from '../shared/text.js'

// Escaping for text that comes from Avido (task titles, eval names, analyses, issue ids): all of it is
// untrusted. The output is safe to place in GitHub Markdown:
//
// - no raw HTML (`< > & " '` become entities), so nothing can open a tag or close our `<details>`;
// - no Markdown that opens links, images, code spans or emphasis (`\ ` * _ [ ] ~ $` are backslash-escaped);
// - no autolinks (`://` and `www.` get a zero-width space), no `@mentions`, no `#123`, `GH-123` or
//   `owner/repo#123` references: a zero-width space (`&#8203;`) goes after the `@`, the `#` or the `GH-`,
//   which GitHub renders invisibly but which stops it from pinging anyone or cross-linking an issue;
// - one line and cut to `maxLength` UTF-16 code units by the shared rule (src/shared/text.ts), the cut
//   falling between escaped grapheme clusters, so never inside one of our entities either.
//
// Untrusted text must not start a line: callers always put it after some Markdown of their own.

/** Zero-width space as an entity: renders invisibly, breaks mentions, references and autolinks. */
export const ZWSP = '&#8203;'

// The report's cells reduce text with the shared rule too; it is exported here beside the escaping.
export { normalizeText }

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

function escapeWith(text: unknown, maxLength: number, mode: Mode): string {
  const clean = normalizeText(text)
  const limit = Math.max(0, Math.floor(maxLength))
  // Each atom is at least as long as its grapheme, so nothing past `limit` code units can be kept; a few
  // more are read so that the atoms at the edge still see their neighbours.
  const window = clean.length > limit + 8 ? clean.slice(0, limit + 8) : clean
  return fitParts(atoms(window, mode), limit, window.length < clean.length)
}

/** Untrusted text for a Markdown table cell: also escapes `|`, so the row keeps its columns. */
export function escapeCell(text: unknown, maxLength: number): string {
  return escapeWith(text, maxLength, 'cell')
}

/** Untrusted text for a paragraph, list item, heading or `<summary>` (never at the start of a line). */
export function escapeInline(text: unknown, maxLength: number): string {
  return escapeWith(text, maxLength, 'inline')
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
  const content = pad(cutText(clean, budget))
  const fence = fenceFor(content)
  return `${fence}${content}${fence}`
}
