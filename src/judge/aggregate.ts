import { addTest, emptySums, rateInterval, type RateSums } from '../stats/index.js'
import type { Badge, Breakdown, FailOn, Judgement, JudgedTest, Thresholds } from './types.js'

/** Running counts for one group (a task or an eval definition) while the tests are read once. */
export interface Tally {
  id: string
  name: string
  type?: string
  passed: number
  total: number
  tests: number
  /** Per-test running sums, for the error bars. */
  sums: RateSums
}

export function percentOf(passed: number, total: number): number {
  return total > 0 ? (passed / total) * 100 : 0
}

/** Adds one test's counts to the tally of `group.id`, creating it on first sight. */
export function addTo(
  tallies: Map<string, Tally>,
  group: { id: string; name: string; type?: string },
  passed: number,
  total: number
): void {
  let tally = tallies.get(group.id)
  if (!tally) {
    tally = { ...group, passed: 0, total: 0, tests: 0, sums: emptySums() }
    tallies.set(group.id, tally)
  }
  tally.passed += passed
  tally.total += total
  tally.tests += 1
  tally.sums = addTest(tally.sums, passed, total)
}

/** Worst first (lowest pass rate), then by name and id so the order never depends on the input order. */
export function toBreakdowns(tallies: Map<string, Tally>, badgeOf: (rate: number) => Badge): Breakdown[] {
  const rows = [...tallies.values()].map(tally => {
    const passRate = percentOf(tally.passed, tally.total)
    return {
      ...tally,
      failed: tally.total - tally.passed,
      passRate,
      badge: badgeOf(passRate),
      interval: rateInterval(tally.sums)
    }
  })
  return rows.sort(
    (a, b) => a.passRate - b.passRate || compareText(a.name, b.name) || compareText(a.id, b.id)
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A creation time as ms, for ordering: Avido's timestamps may carry any offset. Unreadable ones go last. */
export function createdMs(createdAt: string): number {
  const time = Date.parse(createdAt)
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time
}

/** True when `candidate` is a worse test than `current`: lower pass rate, then created earlier, then by id. */
export function isWorse(candidate: JudgedTest, current: JudgedTest | undefined): boolean {
  if (!current) return true
  if (candidate.passRate !== current.passRate) return candidate.passRate < current.passRate
  const byTime = createdMs(candidate.createdAt) - createdMs(current.createdAt)
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime < 0
  return compareText(candidate.id, current.id) < 0
}

/** Badge of an unrounded pass rate: success above `warning`, warning above `error`, else error. */
export function badgeFor(rate: number, thresholds: Thresholds): Badge {
  if (rate > thresholds.warning) return 'success'
  if (rate > thresholds.error) return 'warning'
  return 'error'
}

export function failsQualityFor(result: Judgement['result'], failOn: FailOn): boolean {
  if (result === 'none' || failOn === 'never') return false
  return result === 'error' || (failOn === 'warning' && result === 'warning')
}

/** One definition's evals in one test. */
export interface DefinitionCount {
  id: string
  name: string
  type: string
  passed: number
  total: number
}

/** A test's evals counted per eval definition: each eval's own flag, and every eval of an errored test as failed. */
export function countsByDefinition(judged: JudgedTest): DefinitionCount[] {
  // A test has a few evals: a scan finds the definition sooner than a Map is built.
  const counts: DefinitionCount[] = []
  for (const outcome of judged.evals) {
    let count: DefinitionCount | undefined
    for (const known of counts) if (known.id === outcome.definitionId) count = known
    if (!count) {
      count = { id: outcome.definitionId, name: outcome.name, type: outcome.type, passed: 0, total: 0 }
      counts.push(count)
    }
    count.passed += !judged.errored && outcome.passed ? 1 : 0
    count.total += 1
  }
  return counts
}
