import { describe, expect, it } from '@jest/globals'
import { MAX_REASONS_KEPT } from '../../src/judge/digest.js'
import { RunSummary } from '../../src/judge/summary.js'
import type { JudgedTest } from '../../src/judge/types.js'
import { groupFailingEvals } from '../../src/render/report/sections/failing-groups.js'
import { groupReasons } from '../../src/render/report/sections/failing-evals.js'

// What the summary keeps must not depend on the number of tests: only on tasks, eval definitions and the
// bounded lists. Counted by the things kept, not by timing or heap size.

function judged(n: number, reasons: (n: number) => string): JudgedTest {
  const status = n % 17 === 0 ? 'PENDING' : n % 13 === 0 ? 'FAILED' : 'COMPLETED'
  return {
    id: `t${n}`,
    taskId: `task${n % 5}`,
    taskTitle: `Task ${n % 5}`,
    runId: 'run',
    status,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    passed: n % 2,
    total: 2,
    passRate: (n % 2) * 50,
    badge: 'error',
    errored: status === 'FAILED',
    pending: status === 'PENDING',
    evals: [0, 1, 2].map(k => ({
      id: `e${n}-${k}`,
      definitionId: `def${k}`,
      name: `Eval ${k}`,
      type: 'CUSTOM',
      status: status === 'PENDING' ? 'PENDING' : 'COMPLETED',
      score: 0,
      passed: (n + k) % 3 === 0,
      explanation: reasons(n)
    }))
  } as JudgedTest
}

function summarize(count: number, reasons: (n: number) => string): RunSummary {
  const summary = new RunSummary()
  for (let n = 0; n < count; n++) summary.add(judged(n, reasons))
  return summary
}

describe('RunSummary memory', () => {
  it.each([
    ['repeated reasons', (n: number) => `reason ${n % 7}`],
    ['a distinct reason per test', (n: number) => `reason of test ${n}`]
  ])('keeps as many things for 10,000 tests as for 1,000 (%s)', (_, reasons) => {
    const small = summarize(1_000, reasons)
    const large = summarize(10_000, reasons)
    expect(large.count).toBe(10_000)
    expect(large.retained()).toBe(small.retained())
  })

  it('counts every test while keeping at most the bounded lists', () => {
    const options = { thresholds: { warning: 75, error: 50 }, failOn: 'error' as const }
    const judgement = summarize(10_000, n => `reason of test ${n}`).finish(options)
    expect(judgement.tests).toBe(10_000)
    expect(judgement.pendingTests).toBe(Math.floor(9_999 / 17) + 1)
    expect(judgement.digest.firstPending).toHaveLength(20)
    expect(judgement.digest.failingEvals).toHaveLength(30)
    const groups = groupFailingEvals(['task0'], judgement.digest)
    const evalGroup = groups.find(g => g.definition)!
    expect(evalGroup.reasons).toHaveLength(MAX_REASONS_KEPT)
    expect(evalGroup.moreReasons).toBe(true)
    // Past the reasons counted, the report says there are more without a count it does not have.
    expect(groupReasons(evalGroup).at(-1)).toBe(`  - … and over ${MAX_REASONS_KEPT - 3} more reasons`)
  })

  it('ranks reasons by frequency, ties by the oldest test, whatever order the tests come in', () => {
    const tests = Array.from({ length: 40 }, (_, n) => judged(n * 3 + 1, n => `reason ${n % 4}`))
    const forward = new RunSummary()
    const backward = new RunSummary()
    for (const t of tests) forward.add(t)
    for (const t of [...tests].reverse()) backward.add(t)
    const options = { thresholds: { warning: 75, error: 50 }, failOn: 'error' as const }
    const order = (s: RunSummary) => groupFailingEvals([], s.finish(options).digest)
    expect(order(backward)).toEqual(order(forward))
  })
})
