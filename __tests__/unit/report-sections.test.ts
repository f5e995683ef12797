import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { rateCell } from '../../src/render/markdown.js'
import { sectionContext } from '../../src/render/report/context.js'
import { REPORT_SECTIONS } from '../../src/render/report/order.js'
import { groupFailingEvals } from '../../src/render/report/sections/failing-groups.js'
import type { Budget, ReportInput, Section, Target } from '../../src/render/report/types.js'
import type { TaskSpec } from './report-fixtures.js'
import { makeJudgement, reportInput } from './report-fixtures.js'

const SECTIONS_DIR = fileURLToPath(new URL('../../src/render/report/sections/', import.meta.url))
const FULL: Budget = { keep: () => Number.POSITIVE_INFINITY }

const isSection = (value: unknown): value is Section =>
  typeof value === 'object' && value !== null && typeof (value as Section).prepare === 'function'

/** The blocks one section renders for `input`, with everything kept. */
function blocksOf(
  id: string,
  input: ReportInput,
  target: Target = 'comment',
  notes: string[] = []
): string[] {
  const section = REPORT_SECTIONS.find(s => s.id === id)
  if (!section) throw new Error(`no section ${id}`)
  return section.prepare(sectionContext(input, target)).render(FULL, notes).blocks
}

const failing = (name: string, explanation: string) => ({ name, type: 'STYLE', passed: false, explanation })
const ok = (name: string) => ({ name, type: 'STYLE', passed: true })

describe('the order of sections', () => {
  it('lists every section under sections/, once, with unique ids', async () => {
    const files = readdirSync(SECTIONS_DIR).filter(f => f.endsWith('.ts'))
    const exported: Section[] = []
    for (const file of files) {
      const module = (await import(`${SECTIONS_DIR}${file}`)) as Record<string, unknown>
      exported.push(...Object.values(module).filter(isSection))
    }
    expect(exported.length).toBeGreaterThanOrEqual(14)
    for (const section of exported) expect(REPORT_SECTIONS).toContain(section)
    expect(new Set(REPORT_SECTIONS.map(s => s.id)).size).toBe(REPORT_SECTIONS.length)
  })

  it('starts with the marker, ends with the hidden data; the notice comes before the footer', () => {
    const ids = REPORT_SECTIONS.map(s => s.id)
    expect(ids[0]).toBe('marker')
    expect(ids.at(-1)).toBe('hidden-data')
    expect(ids.slice(1, 7)).toEqual([
      'heading',
      'comparison',
      'change',
      'tasks',
      'eval-definitions',
      'failing-evals'
    ])
    expect(ids.indexOf('notice')).toBe(ids.indexOf('footer') - 1)
  })

  it('gives up detail in one order across sections', () => {
    const j = makeJudgement([
      { title: 'A', tests: [{ evals: [ok('Always'), failing('Tone', 'curt')] }] },
      { title: 'B', tests: [{ evals: [ok('Always')] }] }
    ])
    const ctx = sectionContext(reportInput(j), 'comment')
    const steps = REPORT_SECTIONS.flatMap(s =>
      (s.prepare(ctx).steps ?? []).map(step => ({ name: `${s.id}.${step.id}`, priority: step.priority }))
    ).sort((a, b) => a.priority - b.priority)
    expect(steps.map(s => s.name)).toEqual([
      'eval-definitions.passing-rows',
      'tasks.passing-rows',
      'failing-evals.reasons',
      'failing-evals.groups',
      'eval-definitions.failing-rows',
      'tasks.failing-rows'
    ])
  })
})

describe('rateCell', () => {
  it.each([
    [82.5, undefined, '82.5%'],
    [82.45, 6.06, '82.5% ± 6.1'],
    [100, 14.95, '100.0% ± 15.0'],
    [0, 3, '0.0% ± 3.0'],
    [50, Number.NaN, '50.0%'],
    [50, -1, '50.0%']
  ])('%p with margin %p → %p', (rate, margin, shown) => {
    expect(rateCell(rate, margin)).toBe(shown)
  })

  it.each([
    [82.5, 6.06, { low: 76.44, high: 88.56 }, '82.5% ± 6.1'],
    [50, 107.6, { low: 0, high: 100 }, '50.0% (0.0–100.0)'],
    [100, 75, { low: 25, high: 100 }, '100.0% (25.0–100.0)'],
    [97, 5, { low: 92, high: 100 }, '97.0% (92.0–100.0)']
  ])('%p ± %p within %p → %p (bounds when the range cuts the interval)', (rate, margin, bounds, shown) => {
    expect(rateCell(rate, margin, bounds)).toBe(shown)
  })

  it('shows the margins in the heading and the tables when the judgement has them', () => {
    const j = makeJudgement([{ title: 'A', tests: [{ evals: [ok('Tone'), failing('Tone', 'x')] }] }])
    const rated = {
      ...j,
      interval: { ...j.interval, margin: 12.34, low: 37.66, high: 62.34 },
      tasks: j.tasks.map(t => ({ ...t, interval: { ...t.interval, margin: 7, low: 43, high: 57 } })),
      evalDefinitions: j.evalDefinitions.map(d => ({
        ...d,
        interval: { ...d.interval, margin: 8.25, low: 41.75, high: 58.25 }
      }))
    }
    const input = reportInput(rated)
    expect(blocksOf('heading', input)[0]).toBe('## 🔴 Avido test gate: 50.0% ± 12.3 passed')
    expect(blocksOf('tasks', input)[0]).toContain('| 🔴 | A | 50.0% ± 7.0 | 1/2 | 1 |')
    expect(blocksOf('eval-definitions', input)[0]).toContain('| 🔴 | Tone | STYLE | 50.0% ± 8.3 | 1/2 | 1 |')
  })
})

describe('sections', () => {
  const j = makeJudgement([{ title: 'A', tests: [{ evals: [ok('Tone'), failing('Facts', 'x')] }] }])
  const input = reportInput(j)

  it('comparison: nothing without a baseline, one line with one', () => {
    expect(blocksOf('comparison', input)).toEqual([])
    const baseline = {
      label: 'base commit @octocat',
      url: 'https://github.com/acme/support-bot/commit/abc',
      headRate: 82.5,
      baseRate: 86.5,
      change: -4,
      margin: 3.14,
      significant: false,
      minimumDetectableDrop: 6.2
    }
    expect(blocksOf('comparison', { ...input, baseline })).toEqual([
      '**Compared with [base commit @&#8203;octocat](https://github.com/acme/support-bot/commit/abc):** ▼ 4.0 ± 3.1 points (86.5% → 82.5%), within noise; the smallest drop this run could detect is 6.2 points'
    ])
  })

  it('eval definitions: worst first, with badge, name, type, rate, evals and tests', () => {
    expect(blocksOf('eval-definitions', input)).toEqual([
      [
        '|  | Eval definition | Type | Pass rate | Evals | Tests |',
        '|:-:|:--|:--|--:|--:|--:|',
        '| 🔴 | Facts | STYLE | 0.0% | 0/1 | 1 |',
        '| 🟢 | Tone | STYLE | 100.0% | 1/1 | 1 |'
      ].join('\n')
    ])
  })

  it('links the pull request in the summary and the check run, not in the comment', () => {
    expect(blocksOf('links', input, 'comment')[0]).not.toContain('Pull request')
    expect(blocksOf('links', input, 'summary')[0]).toContain('[Pull request](')
    expect(blocksOf('links', input, 'check-run')[0]).toContain('[Pull request](')
  })

  it('puts the marker, the hidden data and the key only in the comment', () => {
    for (const target of ['summary', 'check-run'] as const) {
      expect(blocksOf('marker', input, target)).toEqual([])
      expect(blocksOf('hidden-data', input, target)).toEqual([])
      expect(blocksOf('footer', input, target)[0]).not.toContain('key ')
    }
    expect(blocksOf('marker', input)[0]).toMatch(/^<!-- avido-test-gate:marker /)
    expect(blocksOf('footer', input)[0]).toContain('key `CI/avido-gate`')
  })

  it('the notice shows only with notes, naming the target limit', () => {
    expect(blocksOf('notice', input, 'comment')).toEqual([])
    expect(blocksOf('notice', input, 'check-run', ['a', 'b'])[0]).toMatch(
      /^> ✂️ \*\*Shortened\*\* to fit GitHub's limit of 65,535 characters for a check run summary: a; b\. /
    )
  })
})

describe('failing evals, grouped', () => {
  const task: TaskSpec = {
    title: 'Refunds @support',
    tests: [
      { evals: [failing('Tone', 'Too curt @octocat'), failing('Facts', 'wrong fee')] },
      { evals: [failing('Tone', 'Too curt @octocat'), ok('Facts')] },
      { evals: [failing('Tone', 'No apology'), ok('Facts')] },
      { evals: [failing('Tone', 'r3'), failing('Tone', 'r4'), ok('Facts')] },
      { evals: [ok('Tone'), ok('Facts')] },
      { status: 'FAILED', evals: [ok('Tone'), ok('Facts')] },
      { status: 'FAILED', evals: [] },
      { status: 'PENDING', evals: [] }
    ]
  }
  const body = blocksOf('failing-evals', reportInput(makeJudgement([task])))[0]

  it('has one entry per task and eval definition, with its tests and distinct reasons', () => {
    expect(body).toContain('<summary>❌ Failing evals (9)</summary>')
    expect(body).toContain(
      [
        '- **Refunds @&#8203;support** · 2 of 7 tests errored in Avido, counted as 3 failed evals',
        '- **Refunds @&#8203;support** · Tone (STYLE) · failed in 4 of 5 tests',
        '  - Too curt @&#8203;octocat',
        '  - No apology',
        '  - r3',
        '  - … and 1 more reason',
        '- **Refunds @&#8203;support** · Facts (STYLE) · failed in 1 of 5 tests',
        '  - wrong fee'
      ].join('\n')
    )
  })

  it('groups every failing eval of a settled test exactly once', () => {
    const evalArb = fc.record({ name: fc.constantFrom('A', 'B', 'C'), passed: fc.boolean() })
    const testArb = fc.record({
      evals: fc.array(evalArb, { maxLength: 4 }),
      status: fc.constantFrom(
        'COMPLETED' as const,
        'COMPLETED' as const,
        'FAILED' as const,
        'PENDING' as const
      )
    })
    const tasksArb = fc.array(fc.record({ title: fc.constantFrom('T1', 'T2'), tests: fc.array(testArb) }), {
      maxLength: 3
    })
    fc.assert(
      fc.property(tasksArb, specs => {
        const judged = makeJudgement(specs)
        const groups = groupFailingEvals(
          judged.tasks.map(t => t.id),
          judged.digest
        )
        const expected = new Set<string>()
        for (const t of judged.judgedTests) {
          if (t.pending) continue
          if (t.errored) expected.add(`${t.taskId} errored`)
          else for (const e of t.evals) if (!e.passed) expected.add(`${t.taskId} ${e.definitionId}`)
        }
        const keys = groups.map(g => `${g.taskId} ${g.definition?.id ?? 'errored'}`)
        expect(new Set(keys)).toEqual(expected)
        expect(keys.length).toBe(expected.size)
        for (const g of groups) {
          expect(g.failedTests).toBeGreaterThanOrEqual(1)
          expect(g.failedTests).toBeLessThanOrEqual(g.ofTests)
        }
      })
    )
  })
})
