import type { Eval } from '../avido/schemas.js'
import { formatScore } from '../shared/format.js'

// An eval's own explanation as plain text (the shape of `results` depends on the eval type). Everything
// is read defensively: `results` is an untyped record from Avido and any field may be missing or mistyped.
// The text is untrusted and not escaped; the renderers escape and shorten it.

/** Longest expected/got value quoted in an OUTPUT_MATCH explanation. */
const MAX_QUOTED = 80
const RECALL_METRICS = ['Faithfulness', 'AnswerRelevancy', 'ContextPrecision', 'ContextRelevancy'] as const

type Fields = Record<string, unknown>

function record(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join(' · ')
}

function errorText(results: Fields): string {
  const error = text(results.error)
  return error ? `Error: ${error}` : ''
}

function outputMatch(results: Fields): string {
  const quote = (value: unknown) => {
    const s = text(value)
    return s && s.length <= MAX_QUOTED && !s.includes('\n') ? `"${s}"` : ''
  }
  const expected = quote(results.expected)
  const got = quote(results.got)
  const comparison = expected && got ? `expected ${expected}, got ${got}` : ''
  return join(text(results.reason), comparison)
}

function recall(results: Fields): string {
  const scores: string[] = []
  const errors: string[] = []
  for (const name of RECALL_METRICS) {
    const metric = record(results[name])
    if (!metric) continue
    const score = formatScore(typeof metric.score === 'number' ? metric.score : null)
    if (score) scores.push(`${name} ${score}`)
    const error = text(metric.error)
    if (error) errors.push(`${name} error: ${error}`)
  }
  return join(...scores, ...errors)
}

function fact(results: Fields): string {
  const score = formatScore(typeof results.score === 'number' ? results.score : null)
  const classification = record(results.classification)
  const counts = classification
    ? `${count(classification.FN)} missed (FN), ${count(classification.FP)} unsupported (FP)`
    : ''
  return join(score ? `F1 ${score}` : '', counts, errorText(results))
}

/** The eval's explanation for its type, or '' when the type or the shape is unknown. */
export function explainEval(e: Pick<Eval, 'definition' | 'results'>): string {
  const results = record(e.results)
  if (!results) return ''
  switch (e.definition?.type) {
    case 'NATURALNESS':
    case 'STYLE':
      return text(results.analysis)
    case 'CUSTOM':
      return join(text(record(results.metadata)?.rationale), errorText(results))
    case 'OUTPUT_MATCH':
      return outputMatch(results)
    case 'RECALL':
      return recall(results)
    case 'FACT':
      return fact(results)
    default:
      return ''
  }
}
