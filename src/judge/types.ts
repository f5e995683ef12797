import type { TestStatus } from '../avido/schemas.js'
import type { RunDigest } from './digest.js'
import type { RateInterval, RateSums } from '../stats/index.js'
import type { Badge, FailOn, Result, Thresholds } from '../shared/vocabulary.js'

export type { Badge, FailOn, Result, Thresholds }

export interface EvalOutcome {
  id: string
  definitionId: string
  name: string
  type: string
  status: TestStatus
  score: number | null
  passed: boolean
  /** The eval's own explanation, already reduced to plain text (untrusted, not yet escaped). */
  explanation: string
}

export interface JudgedTest {
  id: string
  taskId: string
  taskTitle: string
  runId: string
  status: TestStatus
  createdAt: string
  passed: number
  total: number
  /** Percent, unrounded; 0 for an errored (FAILED) test. */
  passRate: number
  badge: Badge
  errored: boolean
  pending: boolean
  evals: EvalOutcome[]
}

export interface Breakdown {
  id: string
  name: string
  /** Eval type, for eval-definition breakdowns. */
  type?: string
  passed: number
  failed: number
  total: number
  tests: number
  passRate: number
  badge: Badge
  /** Per-test running sums of this group, from which its error bars (and a later comparison) are computed. */
  sums: RateSums
  /** The pass rate with its 95 % confidence interval, tests being the clusters. */
  interval: RateInterval
}

export interface Judgement {
  result: Result
  /** Overall micro-average pass rate in percent, unrounded (0 when there are no evals). */
  passRate: number
  /** The overall pass rate with its 95 % confidence interval. */
  interval: RateInterval
  sums: RateSums
  passed: number
  failed: number
  total: number
  tests: number
  erroredTests: number
  pendingTests: number
  tasks: Breakdown[]
  evalDefinitions: Breakdown[]
  /** What the report shows about single tests, bounded whatever the number of tests. */
  digest: RunDigest
  /** The test with the lowest pass rate (ties: the first created), used for the Avido issue. */
  worstTest: JudgedTest | undefined
  thresholds: Thresholds
  failOn: FailOn
  /** True when the verdict fails the step for quality. */
  failsQuality: boolean
}
