import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  errorDescription,
  finalDescription,
  pendingDescription,
  timeoutDescription
} from '../../src/render/status-text.js'
import { compareWithBaseline, type Baseline } from '../../src/judge/baseline.js'
import { formatRate } from '../../src/shared/format.js'
import { STATUS_DESCRIPTION_MAX } from '../../src/shared/text.js'
import { makeJudgement } from './report-fixtures.js'

const run = (passed: number, failed: number) =>
  makeJudgement([
    {
      title: 'Task',
      tests: [
        {
          evals: [
            ...Array.from({ length: passed }, (_, i) => ({ name: `p${i}`, passed: true })),
            ...Array.from({ length: failed }, (_, i) => ({ name: `f${i}`, passed: false }))
          ]
        }
      ]
    }
  ])

describe('status descriptions', () => {
  it('reads like the spec examples', () => {
    expect(pendingDescription(12, 40)).toBe('Waiting for Avido: 12/40 tests settled')
    expect(pendingDescription(0, 0)).toBe('Waiting for Avido: no tests yet')
    expect(finalDescription(run(33, 7))).toBe('82.5% passed (33/40 evals) · success')
    expect(finalDescription(run(1, 3))).toBe('25.0% passed (1/4 evals) · error')
    expect(finalDescription(makeJudgement([]))).toBe('No Avido tests matched · none')
    expect(timeoutDescription(12, 40, '15m')).toBe('Timed out after 15m: 12/40 tests settled')
    expect(errorDescription('Avido GET /v0/tests returned 401: bad key')).toBe(
      'Error: Avido GET /v0/tests returned 401: bad key'
    )
  })

  it('gives the margin, and the change against the baseline marked only when significant', () => {
    const spec = (passing: number, tests: number) => ({
      title: 'Task',
      tests: Array.from({ length: tests }, (_, i) => ({
        evals: [
          { name: 'a', passed: i < passing },
          { name: 'b', passed: true }
        ]
      }))
    })
    const head = makeJudgement([spec(2, 20)])
    const base = makeJudgement([spec(20, 20)])
    const baseline = (b: typeof base): Baseline => ({
      source: 'base-commit',
      sha: 'c'.repeat(40),
      measuredAt: '2026-11-29T10:00:00.000Z',
      overall: b.sums,
      tasks: new Map(b.tasks.map(t => [t.id, t.sums])),
      evalDefinitions: new Map(b.evalDefinitions.map(d => [d.id, d.sums]))
    })
    const scope = { taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] }
    // 20 tests of 2 evals, 2 pass both and 18 pass one: p = 22/40, residuals 0.9 (×2) and −0.1 (×18),
    // SE = √(20/19 · 1.8) / 40 = 3.44 points, t(19) = 2.093: ± 7.2.
    const dropped = compareWithBaseline(head, baseline(base), { scope })
    expect(finalDescription(head, dropped)).toBe(
      '55.0% ± 7.2 passed (22/40 evals) · ▼ 45.0 vs base · warning'
    )
    // 19 pass both, 1 passes one: residuals 0.05 (×19) and −0.95, SE = √(20/19 · 0.95) / 40 = 2.5 points, ± 5.2.
    const level = compareWithBaseline(makeJudgement([spec(19, 20)]), baseline(base), { scope })
    expect(finalDescription(makeJudgement([spec(19, 20)]), level)).toBe(
      '97.5% ± 5.2 passed (39/40 evals) · -2.5 vs base (noise) · success'
    )
  })

  it('gives the rule of three when every eval passed or every eval failed', () => {
    const all = (passed: boolean) =>
      makeJudgement([
        { title: 'T', tests: Array.from({ length: 20 }, () => ({ evals: [{ name: 'a', passed }] })) }
      ])
    // 100 % of 20 tests: at least 1 − 3/20 = 85 %; 0 %: at most 15 %.
    expect(finalDescription(all(true))).toBe('100.0% (≥ 85.0%) passed (20/20 evals) · success')
    expect(finalDescription(all(false))).toBe('0.0% (≤ 15.0%) passed (0/20 evals) · error')
  })

  it('mentions errored tests', () => {
    const j = makeJudgement([
      { title: 'T', tests: [{ evals: [{ name: 'a', passed: true }] }, { status: 'FAILED', evals: [] }] }
    ])
    // Two tests say little: t(1) = 12.7 makes the margin run past 100 points, shown as 100.
    expect(finalDescription(j)).toBe('50.0% ± 100.0 passed (1/2 evals, 1 errored test) · error')
  })

  it('stays within 140 characters whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1000 }), fc.nat(), fc.nat(), (message, a, b) => {
        for (const d of [
          errorDescription(message),
          timeoutDescription(a, b, message),
          pendingDescription(a, b)
        ]) {
          expect(d.length).toBeLessThanOrEqual(STATUS_DESCRIPTION_MAX)
          expect(d).not.toMatch(/[\n\r]/)
        }
      })
    )
    expect(errorDescription('x'.repeat(500))).toHaveLength(140)
    expect(errorDescription('x'.repeat(500)).endsWith('…')).toBe(true)
  })
})

describe('formatRate', () => {
  it.each([
    [82.45, '82.5'],
    [82.5, '82.5'],
    [66.66666, '66.7'],
    [99.96, '99.9'],
    [0.01, '0.1'],
    [0, '0.0'],
    [100, '100.0'],
    [Number.NaN, '0.0']
  ])('%d → %s', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown)
  })
})
