import { formatChange, formatMargin, formatRate } from '../../../shared/format.js'
import { escapeInline } from '../../escape.js'
import { fixed, link } from '../cells.js'
import type { BaselineView, RowChange, Section } from '../types.js'

const MAX_LISTED = 5

/** A change as shown, by the gate's one rounding rule (the outputs and the status line use it too). */
function shownChange(change: number): { sign: number; size: string } {
  const text = formatChange(change)
  return text === '0.0'
    ? { sign: 0, size: text }
    : { sign: text.startsWith('+') ? 1 : -1, size: text.slice(1) }
}

/** `▼ 4.0 ± 3.1 points`, or `no change (0.0 ± 3.1 points)`. */
function changeText(change: number, margin: number | undefined): string {
  const { sign, size } = shownChange(change)
  const m = formatMargin(margin)
  const points = `${size}${m ? ` ± ${m}` : ''} points`
  return sign === 0 ? `no change (${points})` : `${sign > 0 ? '▲' : '▼'} ${points}`
}

export function comparisonLine(b: BaselineView): string {
  const what = link(escapeInline(b.label, 120), b.url)
  if (b.change === undefined) return `**Compared with ${what}:** no task in common, nothing to compare.`
  const rates =
    b.baseRate !== undefined && b.headRate !== undefined
      ? ` (${formatRate(b.baseRate)}% → ${formatRate(b.headRate)}%)`
      : ''
  const noise = b.significant ? 'significant' : 'within noise'
  const detectable =
    !b.significant && b.minimumDetectableDrop !== undefined
      ? `; the smallest drop this run could detect is ${formatRate(b.minimumDetectableDrop)} points`
      : ''
  return `**Compared with ${what}:** ${changeText(b.change, b.margin)}${rates}, ${noise}${detectable}`
}

function listed(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).map(name => escapeInline(name, 60))
  if (names.length > shown.length) shown.push(`and ${names.length - shown.length} more`)
  return shown.join(', ')
}

/** What was not compared: other filters, and tasks on one side only. */
export function scopeLine(b: BaselineView): string | undefined {
  const parts: string[] = []
  if (b.scopeDiffers)
    parts.push('the baseline was measured with other filters, so only the tasks both share are compared')
  if (b.onlyInRun?.length) parts.push(`only in this run: ${listed(b.onlyInRun)}`)
  if (b.onlyInBaseline?.length) parts.push(`only in the baseline: ${listed(b.onlyInBaseline)}`)
  return parts.length ? `<sub>Not compared: ${parts.join('; ')}.</sub>` : undefined
}

/** A table cell: `▼ 46.7 ± 36.5` when the change is significant, `-8.3 ± 52.7 (noise)` when it is not. */
export function rowChangeCell(row: RowChange | undefined): string {
  if (!row) return '–'
  const { sign, size } = shownChange(row.change)
  const m = formatMargin(row.margin)
  const cell = `${size}${m ? ` ± ${m}` : ''}`
  if (row.significant && sign !== 0) return `${sign > 0 ? '▲' : '▼'} ${cell}`
  return `${sign > 0 ? '+' : sign < 0 ? '−' : ''}${cell} (noise)`
}

/** The comparison with the baseline; nothing when the run has no baseline. */
export const comparisonSection: Section = {
  id: 'comparison',
  prepare: ({ input }) => {
    const b = input.baseline
    if (!b) return fixed(undefined)
    const scope = scopeLine(b)
    return fixed(scope ? `${comparisonLine(b)}\n\n${scope}` : comparisonLine(b))
  }
}
