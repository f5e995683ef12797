import { addTest, emptySums, rateInterval, type RateSums } from '../stats/index.js'
import {
  addTo,
  badgeFor,
  countsByDefinition,
  failsQualityFor,
  isWorse,
  percentOf,
  toBreakdowns,
  type Tally
} from './aggregate.js'
import { addToDigest, digestSize, emptyDigest, type RunDigest } from './digest.js'
import type { FailOn, JudgedTest, Judgement, Thresholds } from './types.js'

/**
 * Adds up tests judged one by one (as their pages arrived), keeping only running figures and the bounded
 * digest the report needs: what it holds does not grow with the number of tests. Pending tests are counted
 * and listed but count nowhere else.
 *
 * Result `none` means nothing was measured: no settled test carried an eval and none errored (no tests, only
 * pending ones, or tests without evals). Such a run has no pass rate to hold against the thresholds, and
 * calling it 0 % would fail the gate and file an Avido issue about a quality drop that never happened. An
 * errored test always counts as at least one failed eval, so a run with an errored test is never `none`.
 */
export class RunSummary {
  private readonly tasks = new Map<string, Tally>()
  private readonly definitions = new Map<string, Tally>()
  private readonly digest: RunDigest = emptyDigest()
  private passed = 0
  private total = 0
  private erroredTests = 0
  private sums: RateSums = emptySums()
  private worstTest: JudgedTest | undefined
  /** Tests added so far. */
  count = 0
  /** Pending tests added so far. */
  pending = 0

  add(judged: JudgedTest): void {
    this.count += 1
    addToDigest(this.digest, judged)
    if (judged.pending) {
      this.pending += 1
      return
    }
    if (judged.errored) this.erroredTests += 1
    this.passed += judged.passed
    this.total += judged.total
    this.sums = addTest(this.sums, judged.passed, judged.total)
    addTo(this.tasks, { id: judged.taskId, name: judged.taskTitle }, judged.passed, judged.total)
    for (const count of countsByDefinition(judged)) addTo(this.definitions, count, count.passed, count.total)
    // A test with nothing measured is no candidate for "worst": it says nothing about quality.
    if (judged.total > 0 && isWorse(judged, this.worstTest)) this.worstTest = judged
  }

  /** How many things are kept (groups, reasons, listed tests): the measure of the memory held, for tests. */
  retained(): number {
    return this.tasks.size + this.definitions.size + digestSize(this.digest) + (this.worstTest ? 1 : 0)
  }

  finish(options: { thresholds: Thresholds; failOn: FailOn }): Judgement {
    const { thresholds, failOn } = options
    const passRate = percentOf(this.passed, this.total)
    const result = this.total === 0 ? 'none' : badgeFor(passRate, thresholds)
    const badgeOf = (rate: number) => badgeFor(rate, thresholds)
    return {
      result,
      passRate,
      interval: rateInterval(this.sums),
      sums: this.sums,
      passed: this.passed,
      failed: this.total - this.passed,
      total: this.total,
      tests: this.count,
      erroredTests: this.erroredTests,
      pendingTests: this.pending,
      tasks: toBreakdowns(this.tasks, badgeOf),
      evalDefinitions: toBreakdowns(this.definitions, badgeOf),
      digest: this.digest,
      worstTest: this.worstTest,
      thresholds,
      failOn,
      failsQuality: failsQualityFor(result, failOn)
    }
  }
}

/** Adds up `judgedTests` at once (see `RunSummary`). */
export function summarizeRun(
  judgedTests: Iterable<JudgedTest>,
  options: { thresholds: Thresholds; failOn: FailOn }
): Judgement {
  const summary = new RunSummary()
  for (const judged of judgedTests) summary.add(judged)
  return summary.finish(options)
}
