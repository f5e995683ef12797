import type { BaselineComparison } from '../judge/baseline.js'
import type { Judgement } from '../judge/types.js'
import { formatChange, formatCount, formatMargin, formatRate, plural } from '../shared/format.js'
import { oneLine, STATUS_DESCRIPTION_MAX } from '../shared/text.js'

// Commit status descriptions: plain text (GitHub shows them verbatim), one line, at most STATUS_DESCRIPTION_MAX characters.

const fit = (text: string) => oneLine(text, STATUS_DESCRIPTION_MAX)

/** `Waiting for Avido: 12/40 tests settled`. */
export function pendingDescription(settled: number, total: number): string {
  if (total <= 0) return 'Waiting for Avido: no tests yet'
  return fit(`Waiting for Avido: ${formatCount(settled)}/${formatCount(total)} tests settled`)
}

/** `▼ 4.0 vs base` for a significant change, `-1.5 vs base (noise)` for one within noise. */
function changeText(compared: BaselineComparison): string {
  const { change, significant } = compared.comparison
  if (change === undefined) return ''
  const versus = compared.baseline.source === 'base-commit' ? 'vs base' : 'vs scheduled'
  const shown = formatChange(change)
  if (!significant || shown === '0.0') return ` · ${shown} ${versus} (noise)`
  return ` · ${change > 0 ? '▲' : '▼'} ${shown.slice(1)} ${versus}`
}

/** ` ± 6.1`; at 0 % or 100 % the rule of three's bound, ` (≥ 92.5%)`; '' with fewer than 2 tests. */
function marginText(judgement: Judgement): string {
  const { margin, method, low, high } = judgement.interval
  if (margin === undefined) return ''
  if (method === 'rule-of-three') {
    return judgement.passed > 0 ? ` (≥ ${formatRate(low ?? 0)}%)` : ` (≤ ${formatRate(high ?? 100)}%)`
  }
  return ` ± ${formatMargin(margin)}`
}

/** `82.5% ± 6.1 passed (33/40 evals) · ▼ 4.0 vs base · success`. */
export function finalDescription(judgement: Judgement, compared?: BaselineComparison): string {
  if (judgement.result === 'none') return 'No Avido tests matched · none'
  const errored = judgement.erroredTests > 0 ? `, ${plural(judgement.erroredTests, 'errored test')}` : ''
  const rate = `${formatRate(judgement.passRate)}%${marginText(judgement)}`
  const change = compared ? changeText(compared) : ''
  return fit(
    `${rate} passed (${formatCount(judgement.passed)}/${formatCount(judgement.total)} evals${errored})${change} · ${judgement.result}`
  )
}

/** `Timed out after 15m: 12/40 tests settled`. */
export function timeoutDescription(settled: number, total: number, after?: string): string {
  const when = after ? ` after ${after}` : ''
  return fit(`Timed out${when}: ${formatCount(settled)}/${formatCount(total)} tests settled`)
}

/** `Avido test gate error: <message>`, the message cut to fit. */
export function errorDescription(message: string): string {
  return fit(`Error: ${message}`)
}
