import { formatRate } from '../../../shared/format.js'
import { escapeInline } from '../../escape.js'
import { fixed, formatMargin, link } from '../cells.js'
import type { BaselineView, Section } from '../types.js'

/** `▼ 4.0 ± 3.1 points`; the sign of a change as shown (one decimal). */
function changeText(change: number, margin: number | undefined): string {
  const shown = Math.round(change * 10) / 10
  const m = formatMargin(margin)
  const size = `${Math.abs(shown).toFixed(1)}${m ? ` ± ${m}` : ''} points`
  return shown === 0 ? `no change (${size})` : `${shown > 0 ? '▲' : '▼'} ${size}`
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

/** The comparison with the baseline; nothing when the run has no baseline. */
export const comparisonSection: Section = {
  id: 'comparison',
  prepare: ({ input }) => fixed(input.baseline && comparisonLine(input.baseline))
}
