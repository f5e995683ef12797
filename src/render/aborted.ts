import { escapeInline } from './escape.js'

const REASON_LINE_MAX = 2_000

/**
 * The job summary and check run page when the gate stopped before a verdict. The reason may quote a server
 * or an input, so each of its lines (bad inputs give one each) is escaped as untrusted text.
 */
export function abortedSummary(reason: string): string {
  const lines = reason
    .split('\n')
    .map(line => escapeInline(line, REASON_LINE_MAX))
    .filter(Boolean)
  return `## 🔴 Avido test gate could not finish\n\n${lines.join('\n\n')}\n`
}
