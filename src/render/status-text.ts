import type { Judgement } from '../judge/types.js'
import { formatCount, formatRate, plural } from '../shared/format.js'
import { oneLine, STATUS_DESCRIPTION_MAX } from '../shared/text.js'

// Commit status descriptions: plain text (GitHub shows them verbatim), one line, at most STATUS_DESCRIPTION_MAX characters.

const fit = (text: string) => oneLine(text, STATUS_DESCRIPTION_MAX)

/** `Waiting for Avido: 12/40 tests settled`. */
export function pendingDescription(settled: number, total: number): string {
  if (total <= 0) return 'Waiting for Avido: no tests yet'
  return fit(`Waiting for Avido: ${formatCount(settled)}/${formatCount(total)} tests settled`)
}

/** `82.5% passed (33/40 evals) · success`. */
export function finalDescription(judgement: Judgement): string {
  if (judgement.result === 'none') return 'No Avido tests matched · none'
  const errored = judgement.erroredTests > 0 ? `, ${plural(judgement.erroredTests, 'errored test')}` : ''
  return fit(
    `${formatRate(judgement.passRate)}% passed (${formatCount(judgement.passed)}/${formatCount(judgement.total)} evals${errored}) · ${judgement.result}`
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
