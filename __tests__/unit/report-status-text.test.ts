import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  errorDescription,
  finalDescription,
  pendingDescription,
  timeoutDescription
} from '../../src/render/status-text.js'
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

  it('mentions errored tests', () => {
    const j = makeJudgement([
      { title: 'T', tests: [{ evals: [{ name: 'a', passed: true }] }, { status: 'FAILED', evals: [] }] }
    ])
    expect(finalDescription(j)).toBe('50.0% passed (1/2 evals, 1 errored test) · error')
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
