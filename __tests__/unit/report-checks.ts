// Checks on rendered Markdown shared by the report tests.
import { expect } from '@jest/globals'

export const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** Pipes that separate columns for GitHub's table parser: those not preceded by a backslash. */
const separators = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length

/** Every table row has as many columns as its header row. */
export function expectWellFormedTables(body: string): void {
  let columns = 0
  for (const line of body.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0
      continue
    }
    if (columns === 0) columns = separators(line)
    expect(separators(line)).toBe(columns)
  }
}

/** The Markdown without its code spans, whose content GitHub shows literally (no HTML, mentions or links). */
export const outsideCode = (markdown: string) =>
  markdown.replace(/\\[^]|(`+)[^`][^]*?\1/g, (match, fence) => (fence ? '' : match))

/** After removing the HTML we emit ourselves, not a single `<` is left outside code spans. */
export function expectOnlyOwnHtml(body: string): void {
  const rest = outsideCode(body)
    .replace(/<!-- avido-test-gate:(?:marker key=[^\s<>]*|data [A-Za-z0-9+/=]*) -->/g, '')
    .replace(/<\/?(?:details|summary|sub|br)>/g, '')
  expect(rest).not.toContain('<')
}

/** GitHub links no mention or reference inside a code span, so ids may keep theirs there. */
export function expectNoPings(markdown: string): void {
  const body = outsideCode(markdown)
  expect(body).not.toMatch(/@[\p{L}\p{N}_]/u)
  expect(body).not.toMatch(/(?<![&\w])#\d/)
  expect(body).not.toMatch(/\bGH-\d/i)
}
