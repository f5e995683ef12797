import type { RunType, TestStatus } from '../../src/avido/schemas.js'
import type { TimeInput } from './clock.js'
import type { EvalType, FinalStatus, StoredIssue } from './records.js'
import type { Scenario } from './scenarios.js'

export interface EvalDefinitionSeed {
  id?: string
  name?: string
  type: EvalType
  globalConfig?: Record<string, unknown>
  styleGuideId?: string | null
}

/** One eval of a test: a type (its default definition), or a definition plus optional fixed outcome. */
export type EvalSeed =
  | EvalType
  | {
      type?: EvalType
      definitionId?: string
      name?: string
      id?: string
      /** Defaults from the test's passRate; always null for an eval whose status is FAILED. */
      passed?: boolean
      status?: FinalStatus
      score?: number | null
      results?: Record<string, unknown> | null
    }

export interface TaskSeed {
  id?: string
  title?: string
  description?: string
  createdAt?: TimeInput
  /** Tests one trigger creates (default 5). */
  testsPerRun?: number
  /** Pass rate (percent) of triggered runs; when unset the scenario decides. */
  passRate?: number
  scenario?: Scenario
  /** Eval definitions its tests use (default NATURALNESS, STYLE, CUSTOM, FACT). */
  evals?: (EvalType | EvalDefinitionSeed | { definitionId: string })[]
  /** Tag ids (strings) or full tags, matched by the tests' tagId filter. */
  tags?: (string | { id: string; name?: string; color?: string })[]
  topicId?: string | null
  contentKey?: string
}

export interface TestSeed {
  id?: string
  /** An unknown id creates a task with that id; absent = a shared default task. */
  taskId?: string
  /** An unknown id creates a run with that id; absent = a new run (seed.test) or a shared one (seed.tests). */
  runId?: string
  runType?: RunType
  experimentVariantId?: string | null
  traceId?: string | null
  /** Default: the clock's now. Tests created in the future stay invisible until the clock reaches them. */
  createdAt?: TimeInput
  /** Absolute times; null = never. Default: startedAt a quarter of the way to settledAt. */
  startedAt?: TimeInput | null
  settledAt?: TimeInput | null
  /** Relative to createdAt, used when the absolute time is not given. Default: settled at creation. */
  startAfterMs?: number
  settleAfterMs?: number
  /**
   * Final status. PENDING / IN_PROGRESS make a test that stays in that state forever (unless startedAt /
   * settledAt say otherwise); FAILED makes an errored test whose evals failed to run.
   */
  status?: TestStatus
  evals?: EvalSeed[]
  /** Percent of evals that pass (default 100). */
  passRate?: number
  /** null: the test settles without a result. */
  result?: null
}

export interface RunSeed {
  id?: string
  type?: RunType
  experimentVariantId?: string | null
  createdAt?: TimeInput
  /** Tests to create in this run: a count, a list of specs, or a spec per index (count from testCount). */
  tests?: number | TestSeed[]
  testSpec?: TestSeed | ((index: number) => TestSeed)
}

/** A settled run Avido started on its own (a schedule or monitoring), e.g. a baseline before a change. */
export interface ScheduledRunSeed {
  /** The tasks it ran; each gets `testsPerTask` tests unless `outcomes` says otherwise. */
  taskIds: string[]
  /** When it ran, typically in the past; its tests are created then and settle `settleAfterMs` later. */
  createdAt: TimeInput
  /** Default SCHEDULED. */
  runType?: 'SCHEDULED' | 'MONITORING'
  /** Default 1. */
  testsPerTask?: number
  /** Percent of evals that pass in every test (default 100); ignored when `outcomes` is given. */
  passRate?: number
  /** One test per entry, in order: its task (default: the task ids in turn) and pass rate, or FAILED. */
  outcomes?: { taskId?: string; passRate?: number; status?: 'COMPLETED' | 'FAILED' }[]
  /** Default 60,000 (one minute). */
  settleAfterMs?: number
}

export interface IssueSeed {
  id?: string
  title: string
  source?: string
  status?: string
  priority?: string
  type?: string
  description?: string | null
  createdAt?: TimeInput
  taskId?: string | null
  testId?: string | null
  traceId?: string | null
}

export interface SeededTask {
  id: string
  title: string
}

export interface SeededTest {
  id: string
  taskId: string
  runId: string
  createdAt: string
  /** Null when the test never starts / never settles. */
  startedAt: string | null
  settledAt: string | null
  finalStatus: FinalStatus
  /** Pass rate of the settled result, null when it settles without one. */
  passRate: number | null
}

export interface SeededRun {
  id: string
  type: RunType
  createdAt: string
  testIds: string[]
}

export interface DemoApplication {
  scenario: Scenario
  tasks: SeededTask[]
  taskIds: string[]
  runId: string
  testIds: string[]
  /** Overall pass rate of the seeded run (percent). */
  passRate: number
}

/** In-process API to add data to the emulator, with realistic defaults for everything not given. */
export interface Seeder {
  /** Registers a task (e.g. so that triggering it works). */
  task(spec?: TaskSeed): SeededTask
  evalDefinition(spec: EvalDefinitionSeed): { id: string; name: string; type: EvalType }
  /** A run, optionally with tests in it. */
  run(spec?: RunSeed): SeededRun
  /** A settled SCHEDULED or MONITORING run of the given tasks at a given time (e.g. days ago). */
  scheduledRun(spec: ScheduledRunSeed): SeededRun
  test(spec?: TestSeed): SeededTest
  /** Many tests at once (10,000+ is fine); those without a runId share one run per run type. */
  tests(count: number, spec?: TestSeed | ((index: number) => TestSeed)): SeededTest[]
  issue(spec: IssueSeed): StoredIssue
  /** A customer-support bot: four tasks and one run of twenty tests created now, settling over settleMs. */
  demoApplication(scenario?: Scenario): DemoApplication
}
