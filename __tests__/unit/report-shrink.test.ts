import { describe, expect, it } from '@jest/globals'
import { commentMarker, decodeHiddenData } from '../../src/render/hidden-data.js'
import type { RenderOptions, Target } from '../../src/render/markdown.js'
import {
  CHECK_RUN_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  SUMMARY_MAX_BYTES,
  renderReport
} from '../../src/render/markdown.js'
import { bytes, expectWellFormedTables } from './report-checks.js'
import type { TaskSpec } from './report-fixtures.js'
import { KEY, bigJudgement, makeJudgement, reportInput } from './report-fixtures.js'

const LIMITS: Record<Target, number> = {
  comment: COMMENT_MAX_LENGTH,
  summary: SUMMARY_MAX_BYTES,
  'check-run': CHECK_RUN_MAX_LENGTH
}
const TARGETS = Object.keys(LIMITS) as Target[]
// A comment counts UTF-16 units; a summary and a check run count UTF-8 bytes (GitHub refuses either past its limit).
const size = (target: Target, s: string) => (target === 'comment' ? s.length : bytes(s))
const opts = (target: Target, maxLength = LIMITS[target]): RenderOptions => ({ target, maxLength })

/** 20 tasks of 3 tests; every test passes `Always`; the odd tasks fail `Eval 1` and `Eval 2`, for varied reasons. */
function layered(): TaskSpec[] {
  return Array.from({ length: 20 }, (_, t) => ({
    title: `Task ${t + 1}`,
    tests: Array.from({ length: 3 }, (_, n) => ({
      evals: [
        { name: 'Always', passed: true },
        ...[1, 2].map(k => ({
          name: `Eval ${k}`,
          type: 'STYLE',
          passed: t % 2 === 0,
          explanation: `Reason ${n} for eval ${k}: the reply skips the refund policy. `.repeat(3)
        }))
      ]
    }))
  }))
}

describe('renderReport size limits, per target', () => {
  // 6,000 tests over 2,000 tasks, 3 evals each with a 2,000-character analysis of its own.
  const huge = reportInput(bigJudgement(6000, 2000, 3, 2000))

  it.each(TARGETS)('keeps a huge run within the %s limit, with a notice', target => {
    const body = renderReport(huge, opts(target))
    expect(size(target, body)).toBeLessThanOrEqual(LIMITS[target])
    expect(body).toContain('> ✂️ **Shortened** to fit ')
    // the groups beyond what fits are counted (1 MiB holds all of them without their reasons)
    if (target !== 'summary') expect(body).toMatch(/- … and [\d,]+ more\n/)
    expectWellFormedTables(body)
  })

  it('keeps the comment marker and hidden data whole; the summary and check run have none', () => {
    const comment = renderReport(huge, opts('comment'))
    expect(comment.startsWith(commentMarker(KEY))).toBe(true)
    expect(decodeHiddenData(comment, KEY)).toEqual(
      decodeHiddenData(renderReport(huge, opts('comment', 1e9)), KEY)
    )
    expect(comment).toContain(
      "to fit GitHub's limit of 65,536 characters for a comment: 1,000 passing tasks not listed"
    )
    expect(comment).toContain(
      'The full report is in the [job summary](https://github.com/acme/support-bot/actions/runs/9001)'
    )
    for (const target of ['summary', 'check-run'] as const) {
      expect(renderReport(huge, opts(target))).not.toContain('<!--')
    }
    expect(renderReport(huge, opts('summary'))).toContain(
      "GitHub's limit of 1 MiB for a job summary: 1,000 passing tasks not listed"
    )
    const checkRun = renderReport(huge, opts('check-run'))
    expect(checkRun).toContain("GitHub's limit of 65,535 characters for a check run summary")
    expect(checkRun).toContain('The full report is in the [job summary](')
  })

  it.each(TARGETS)('%s: the full report at exactly its size, shortened one unit below', target => {
    const input = reportInput(makeJudgement(layered()))
    const full = renderReport(input, opts(target, 1e9))
    expect(renderReport(input, opts(target, size(target, full)))).toBe(full)
    const shorter = renderReport(input, opts(target, size(target, full) - 1))
    expect(size(target, shorter)).toBeLessThan(size(target, full))
    expect(shorter).toContain('Shortened')
  })

  it('a report of 65,536 characters fits a comment but not a check run', () => {
    const input = reportInput(bigJudgement(400, 100, 3, 300))
    // the largest full check-run report under 65,536 characters is cut at 65,535
    const body = renderReport(input, opts('check-run', 1e9))
    expect(body.length).toBeGreaterThan(CHECK_RUN_MAX_LENGTH)
    expect(renderReport(input, opts('check-run')).length).toBeLessThanOrEqual(CHECK_RUN_MAX_LENGTH)
  })

  it('limits the task table when even the failing tasks do not fit', () => {
    const comment = renderReport(reportInput(bigJudgement(4000, 4000, 2, 100)), opts('comment'))
    expect(comment.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
    expect(comment).toMatch(/\| {2}\| … and [\d,]+ more tasks \|/)
    expect(comment).toContain('failing tasks not listed')
    expect(decodeHiddenData(comment, KEY)).toBeDefined()
    expectWellFormedTables(comment)
  })

  it('gives up detail in order: passing definitions, passing tasks, reasons, groups, failing rows', () => {
    const input = reportInput(makeJudgement(layered()))
    const at = (maxLength: number) => renderReport(input, opts('comment', maxLength))
    // In the order they are given up: while one is there, all after it are there too.
    const details: [string, (body: string) => boolean][] = [
      ['passing definitions', b => b.includes('| 🟢 | Always |')],
      ['passing tasks', b => b.includes('| 🟢 | Task 1 |')],
      ['reasons', b => b.includes('\n  - Reason 0 for eval 1')],
      ['all groups', b => !/- … and [\d,]+ more\n/.test(b)],
      ['failing definitions', b => b.includes('| 🔴 | Eval 2 |')],
      ['failing tasks', b => b.includes('| 🔴 | Task 20 |')]
    ]
    const full = at(1e9)
    const seen = details.map(() => new Set<boolean>())
    for (let maxLength = full.length; maxLength > 3_000; maxLength -= 53) {
      const body = at(maxLength)
      expect(body.length).toBeLessThanOrEqual(maxLength)
      const present = details.map(([, has]) => has(body))
      present.forEach((p, i) => seen[i].add(p))
      for (let i = 0; i + 1 < present.length; i++) {
        if (present[i]) expect([details[i + 1][0], present[i + 1]]).toEqual([details[i + 1][0], true])
      }
    }
    // every detail was both shown and given up somewhere in the sweep
    expect(seen.map(s => s.size)).toEqual(details.map(() => 2))
  })

  it('says what it gave up', () => {
    const input = reportInput(makeJudgement(layered()))
    const body = renderReport(input, opts('comment', 3_700))
    expect(body).toContain('1 passing eval definition not listed')
    expect(body).toContain('10 passing tasks not listed')
    expect(body).toContain('explanations left out')
    expect(body).toMatch(/[\d,]+ groups? of failing evals not listed/)
  })

  it('does not shorten a small run', () => {
    const input = reportInput(makeJudgement(layered().slice(0, 2)))
    for (const target of TARGETS) expect(renderReport(input, opts(target))).not.toContain('Shortened')
  })

  it('fits any maxLength that leaves room for the marker and the hidden data', () => {
    const input = reportInput(bigJudgement(200, 40, 2, 300))
    for (const maxLength of [4_000, 6_000, 10_000, 30_000]) {
      const body = renderReport(input, opts('comment', maxLength))
      expect(body.length).toBeLessThanOrEqual(maxLength)
      expect(body.startsWith(commentMarker(KEY))).toBe(true)
      expect(decodeHiddenData(body, KEY)).toBeDefined()
    }
  })
})
