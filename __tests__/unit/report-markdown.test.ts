import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { commentMarker, decodeHiddenData, nextHiddenData } from '../../src/render/hidden-data.js'
import type { RenderOptions, ReportInput } from '../../src/render/markdown.js'
import {
  CHECK_RUN_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  SUMMARY_MAX_BYTES,
  isDefaultLookingKey,
  renderReport,
  safeUrl
} from '../../src/render/markdown.js'
import { expectNoPings, expectOnlyOwnHtml, expectWellFormedTables } from './report-checks.js'
import type { TaskSpec } from './report-fixtures.js'
import { KEY, makeJudgement, reportInput } from './report-fixtures.js'

const COMMENT: RenderOptions = { maxLength: COMMENT_MAX_LENGTH, target: 'comment' }
const SUMMARY: RenderOptions = { maxLength: SUMMARY_MAX_BYTES, target: 'summary' }
const CHECK_RUN: RenderOptions = { maxLength: CHECK_RUN_MAX_LENGTH, target: 'check-run' }
const sampleRun = (): TaskSpec[] => [
  {
    title: 'Refund request',
    tests: [
      {
        evals: [
          {
            name: 'Tone',
            type: 'STYLE',
            passed: false,
            score: 2,
            explanation: 'Too curt for the style guide.'
          },
          { name: 'Policy', type: 'CUSTOM', passed: true }
        ]
      },
      { status: 'FAILED', evals: [{ name: 'Tone', type: 'STYLE', passed: false }] }
    ]
  },
  { title: 'Greeting', tests: [{ evals: [{ name: 'Tone', type: 'STYLE', passed: true }] }] }
]

describe('renderReport content', () => {
  const j = makeJudgement(sampleRun())
  const comment = renderReport(reportInput(j), COMMENT)

  it('puts the marker first and the hidden data last', () => {
    expect(comment.startsWith(`${commentMarker(KEY)}\n`)).toBe(true)
    expect(comment.trimEnd().endsWith('-->')).toBe(true)
    expect(decodeHiddenData(comment, KEY)?.lastPassRate).toBe(j.passRate)
  })

  it('has the heading, counts, verdict, table, failing evals and links', () => {
    expect(comment).toContain('## 🔴 Avido test gate: 50.0% (0.0–100.0) passed')
    expect(comment).toContain('**2/4 evals passed** · 3 tests (1 errored) · 2 tasks')
    expect(comment).toContain('❌ **Gate failed**: 50.0% is at or below the error threshold of 50%.')
    expect(comment).toContain('| 🔴 | Refund request | 33.3% (0.0–100.0) | 1/3 | 2 (1 errored) |')
    expect(comment).toContain('<summary>❌ Failing evals (2)</summary>')
    expect(comment).toContain('| 🔴 | Tone | STYLE | 33.3% (0.0–100.0) | 1/3 | 3 |')
    expect(comment).toContain(
      '- **Refund request** · Tone (STYLE) · failed in 1 of 1 test\n  - Too curt for the style guide.'
    )
    expect(comment).toContain(
      '- **Refund request** · 1 of 2 tests errored in Avido, counted as 1 failed eval'
    )
    expect(comment).toContain('[Workflow run](https://github.com/acme/support-bot/actions/runs/9001)')
    expect(comment).toContain('Commit [`3f2c1a9`](https://github.com/acme/support-bot/commit/')
    expect(comment).not.toContain('Pull request')
    expect(comment).not.toContain('Shortened')
  })

  it('links the pull request in the summary and has no hidden parts there', () => {
    const summary = renderReport(reportInput(j), SUMMARY)
    expect(summary).toContain('[Pull request](https://github.com/acme/support-bot/pull/7)')
    expect(summary).not.toContain('<!--')
  })

  it('shows a non-default comment key in the heading', () => {
    expect(isDefaultLookingKey('CI/gate')).toBe(true)
    expect(isDefaultLookingKey('CI/gate/gpt-4o')).toBe(false)
    const keyed = renderReport(reportInput(j, { commentKey: 'CI/gate/@octocat <b>' }), COMMENT)
    expect(keyed).toContain(
      '## 🔴 Avido test gate (CI/gate/@&#8203;octocat &lt;b&gt;): 50.0% (0.0–100.0) passed'
    )
    expect(comment).toContain('## 🔴 Avido test gate: ')
  })

  it('shows the change since the previous run and the trend', () => {
    const previous = {
      v: 1 as const,
      key: KEY,
      lastPassRate: 60,
      lastResult: 'warning' as const,
      taskBadges: { [j.tasks[0].id]: 'warning' as const, [j.tasks[1].id]: 'success' as const },
      history: [{ sha: 'a', passRate: 60, result: 'warning' as const, at: 't' }]
    }
    const hiddenData = nextHiddenData(previous, j, { key: KEY, sha: 'b', at: 't2' })
    const body = renderReport(reportInput(j, { previous, hiddenData }), COMMENT)
    expect(body).toContain(
      '**Since the previous run:** ▼ 10.0 points (60.0% → 50.0%), 🟡 → 🔴 · badge changed for 1 task: Refund request 🟡 → 🔴'
    )
    expect(body).toContain('| 🔴 | Refund request | 33.3% (0.0–100.0) | 1/3 | 2 (1 errored) | 🟡 → 🔴 |')
    expect(body).toContain('📈 **Trend** over the last 2 runs on this pull request: █▁ 60.0% → 50.0%')
  })

  it('reports the issue, a dry run and a timeout', () => {
    expect(renderReport(reportInput(j, { issue: { id: 'iss-1', status: 'filed' } }), COMMENT)).toContain(
      '🐞 Filed Avido issue `iss-1`'
    )
    expect(renderReport(reportInput(j, { issue: { id: 'iss-1', status: 'existing' } }), COMMENT)).toContain(
      'is already open for this gate; no new issue was filed.'
    )
    expect(renderReport(reportInput(j, { dryRun: true }), SUMMARY)).toContain('🧪 **Dry run**')
    const pending = makeJudgement([
      ...sampleRun(),
      { title: 'Slow', tests: [{ status: 'IN_PROGRESS', evals: [{ name: 'Tone', passed: false }] }] }
    ])
    const timedOut = renderReport(reportInput(pending, { timedOut: { pendingTests: 1 } }), COMMENT)
    expect(timedOut).toContain('## ⏱️ Avido test gate: timed out with 1 test pending')
    expect(timedOut).toContain('<summary>⏳ Pending tests (1)</summary>')
    expect(timedOut).toContain('❌ **Gate failed**: Timed out waiting for Avido with 1 test still pending.')
    const judged = renderReport(
      reportInput(pending, { timedOut: { pendingTests: 1, onTimeout: 'judge' } }),
      COMMENT
    )
    expect(judged).toContain('## 🔴 Avido test gate: 50.0% (0.0–100.0) passed')
    expect(judged).toContain('Timed out with 1 test still pending; judged the settled tests')
  })

  it('never renders an empty name', () => {
    const blank = makeJudgement([
      { title: '\u0000\u202E ', id: ' ', tests: [{ evals: [{ name: '\u200B', passed: false }] }] }
    ])
    const body = renderReport(reportInput(blank), COMMENT)
    expect(body).toContain('| 🔴 | (untitled task) | 0.0% |')
    expect(body).toMatch(/- \*\*\(untitled task\)\*\* · 00000004-[\d-]+ \(CUSTOM\) · failed/)
    expect(body).toMatch(/\| 🔴 \| 00000004-[\d-]+ \| CUSTOM \|/)
  })

  it('reports an empty run', () => {
    const body = renderReport(reportInput(makeJudgement([])), COMMENT)
    expect(body).toContain('## ⚪ Avido test gate: no tests matched')
    expect(body).toContain('✅ **Gate passed**: No tests matched, and min-tests 0 allows an empty run.')
    expect(body).not.toContain('| Task |')
    expect(body).not.toContain('<details>')
  })

  it('is deterministic', () => {
    expect(renderReport(reportInput(j), COMMENT)).toBe(comment)
  })

  it('only links http(s) URLs, made safe for Markdown', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
    expect(safeUrl('https://ghe.example/a b/(x)')).toBe('https://ghe.example/a%20b/%28x%29')
    const body = renderReport(
      reportInput(j, { links: { commitUrl: 'javascript:alert(1)', runUrl: 'data:text/html,x' } }),
      COMMENT
    )
    expect(body).toContain('🔗 Commit `3f2c1a9`')
    expect(body).not.toContain('javascript:')
  })
})

describe('renderReport with hostile text', () => {
  const hostile = fc.constantFrom(
    '|',
    '\\|',
    '\\',
    '`',
    '<b>x</b>',
    '</details>',
    '<!--',
    '-->',
    '@octocat',
    '@org/team',
    '#12',
    'o/r#3',
    'GH-9',
    '[a](http://x.y)',
    '![i](x)',
    'www.x.com',
    '**',
    '_x_',
    '~~',
    '$x$',
    '&amp;',
    '&#64;x',
    '\n',
    '\u202E'
  )
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.array(fc.oneof(hostile, fc.string({ maxLength: 5 })), { maxLength: 8 }).map(parts => parts.join(''))
  )
  const evalArb = fc.record({
    name: text,
    type: fc.oneof(fc.constantFrom('STYLE', 'CUSTOM', 'RECALL'), text),
    passed: fc.boolean(),
    score: fc.option(fc.double({ noNaN: true }), { nil: null }),
    explanation: fc.string({ unit: 'binary', maxLength: 500 })
  })
  const taskArb = fc.record({
    title: text,
    tests: fc.array(
      fc.record({
        evals: fc.array(evalArb, { minLength: 1, maxLength: 3 }),
        status: fc.constantFrom('COMPLETED', 'COMPLETED', 'FAILED')
      }),
      { minLength: 1, maxLength: 2 }
    )
  }) as fc.Arbitrary<TaskSpec>

  it('keeps the table columns, emits only its own HTML and pings no one', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { minLength: 1, maxLength: 4 }), text, (tasks, issueId) => {
        const j = makeJudgement(tasks)
        const previous = {
          v: 1 as const,
          key: KEY,
          lastPassRate: 50,
          taskBadges: Object.fromEntries(j.tasks.map(t => [t.id, 'warning' as const])),
          history: []
        }
        const input: ReportInput = {
          ...reportInput(j, { previous, issue: { id: issueId, status: 'existing' } }),
          prNumber: undefined,
          links: { commitUrl: 'https://github.com/acme/support-bot/commit/abc' }
        }
        for (const opts of [COMMENT, SUMMARY, CHECK_RUN]) {
          const body = renderReport(input, opts)
          expectWellFormedTables(body)
          expectOnlyOwnHtml(body)
          expectNoPings(body)
        }
      }),
      { numRuns: 150 }
    )
  })
})
