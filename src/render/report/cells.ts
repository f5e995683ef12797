import { formatMargin, formatRate } from '../../shared/format.js'
import { normalizeText } from '../escape.js'
import type { RateBounds, RowData, Rendered, SectionView } from './types.js'

// Small pieces every section uses: rates, links, labels and the order of rows.

/**
 * Every shown pass rate: `82.5%`, or `82.5% ± 6.1` with a margin. An interval that the range 0–100 cuts short
 * (few tests, a rate near an end) shows its bounds instead, `50.0% (0.0–100.0)`: a margin past the range says
 * nothing a reader can use.
 */
export function rateCell(rate: number, margin?: number, bounds?: Pick<RateBounds, 'low' | 'high'>): string {
  const m = formatMargin(margin)
  if (!m || margin === undefined) return `${formatRate(rate)}%`
  const { low, high } = bounds ?? {}
  const cut =
    (low !== undefined && rate - margin < low - 1e-9) || (high !== undefined && rate + margin > high + 1e-9)
  if (cut && low !== undefined && high !== undefined)
    return `${formatRate(rate)}% (${formatRate(low)}–${formatRate(high)})`
  return `${formatRate(rate)}% ± ${m}`
}

/** `workflow/job`, the shape of the default `comment-key`; anything else is shown in the heading. */
export function isDefaultLookingKey(key: string): boolean {
  return /^[^/]+\/[^/]+$/.test(key)
}

/** An http(s) URL safe inside `[text](url)`, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    return parsed.href.replace(
      /[()<>\s"'`\\]/g,
      c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
  } catch {
    return undefined
  }
}

/** `[text](url)` for a safe URL, else the text alone. `text` must already be Markdown-safe. */
export function link(text: string, url: string | undefined): string {
  const href = safeUrl(url)
  return href ? `[${text}](${href})` : text
}

/** The first text that still shows something once cleaned (an empty `**…**` would render as a rule). */
export function label(fallback: string, ...texts: (string | undefined)[]): string {
  return texts.find(t => normalizeText(t) !== '') ?? fallback
}

export const taskName = (title: string | undefined, id: string) => label('(untitled task)', title, id)

let collator: Intl.Collator | undefined

/** Names compared in natural order ("eval 2" before "eval 10"); the collator is built on first use. */
export function naturalOrder(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true })
  return collator.compare(a, b)
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Worst first, rows without settled evals last; names in natural order; ids break ties. */
export function byBreakdownOrder<T extends RowData>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      Number(a.total === 0) - Number(b.total === 0) ||
      a.passRate - b.passRate ||
      naturalOrder(a.name, b.name) ||
      compareText(a.id, b.id)
  )
}

/** A collapsed block: `<details>` with a `<summary>` line and Markdown lines inside. */
export function details(summary: string, lines: string[]): string {
  return ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>'].join('\n')
}

/** A view that always renders the same blocks (or nothing) and has nothing to give up. */
export function fixed(...blocks: (string | false | undefined)[]): SectionView {
  const rendered: Rendered = { blocks: blocks.filter((b): b is string => typeof b === 'string' && b !== '') }
  return { render: () => rendered }
}
