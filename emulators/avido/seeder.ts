import {
  ISSUE_PRIORITIES,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  ISSUE_TYPES,
  RUN_TYPES
} from '../../src/avido/schemas.js'
import { toEpochMs } from './clock.js'
import { DefinitionRegistry } from './definition-registry.js'
import { DEFAULT_TASK_EVALS } from './definitions.js'
import { addIssue } from './issue-factory.js'
import {
  NEVER,
  type EvalType,
  type RunRecord,
  type StoredIssue,
  type TaskRecord,
  type TestRecord
} from './records.js'
import { bucketOf } from './scenarios.js'
import { buildEvals, buildTimeline } from './seed-tests.js'
import type {
  DemoApplication,
  EvalDefinitionSeed,
  IssueSeed,
  RunSeed,
  ScheduledRunSeed,
  SeededRun,
  SeededTask,
  SeededTest,
  Seeder,
  TaskSeed,
  TestSeed
} from './seed-types.js'
import type { EmulatorState } from './state.js'
import { iso } from './test-view.js'
import { seedDemoApplication } from './demo.js'
import type { Scenario } from './scenarios.js'
import { checkEnum, checkId } from './seed-checks.js'
import { scheduledRunSpec } from './seed-scheduled.js'

const DEFAULT_TASK_ID = '7a5c3e1f-2b4d-4c6e-8f1a-3b5d7e9f0a2c'
const TAG_COLORS = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed']

/** In-process API to add data to the emulator, with realistic defaults for everything not given. */
export class DataSeeder implements Seeder {
  /** Runs created on the fly for tests that named none (or named an unknown id): they start with their tests. */
  private readonly implicitRuns = new WeakSet<RunRecord>()
  readonly definitions: DefinitionRegistry

  constructor(private readonly state: EmulatorState) {
    this.definitions = new DefinitionRegistry(state)
  }

  private get store() {
    return this.state.store
  }

  evalDefinition(spec: EvalDefinitionSeed): { id: string; name: string; type: EvalType } {
    const definition = this.definitions.register(spec)
    return { id: definition.id, name: definition.name, type: definition.type }
  }

  /** Registers a task, e.g. so that triggering it works. */
  task(spec: TaskSeed = {}): SeededTask {
    const id = checkId('Task', spec.id ?? this.state.rng.uuid())
    if (this.store.tasks.has(id)) throw new Error(`A task with id ${id} already exists`)
    const title = spec.title ?? `Task ${this.store.tasks.size + 1}`
    const task: TaskRecord = {
      id,
      title,
      description: spec.description ?? `The user wants to: ${title.toLowerCase()}`,
      createdAt: spec.createdAt === undefined ? this.state.clock.now() : toEpochMs(spec.createdAt),
      type: 'NORMAL',
      topicId: spec.topicId ?? null,
      metadata: null,
      testsPerRun: spec.testsPerRun ?? 5,
      passRate: spec.passRate,
      scenario: spec.scenario,
      definitions: (spec.evals ?? DEFAULT_TASK_EVALS).map(ref => this.definitions.resolveRef(ref)),
      tags: (spec.tags ?? []).map((tag, i) =>
        typeof tag === 'string'
          ? { id: tag, name: `Tag ${i + 1}`, color: TAG_COLORS[i % TAG_COLORS.length] as string }
          : {
              id: tag.id,
              name: tag.name ?? tag.id,
              color: tag.color ?? (TAG_COLORS[i % TAG_COLORS.length] as string)
            }
      ),
      contentKey: spec.contentKey
    }
    if (task.testsPerRun < 1 || !Number.isInteger(task.testsPerRun))
      throw new Error('testsPerRun must be ≥ 1')
    this.store.tasks.set(id, task)
    return { id, title }
  }

  run(spec: RunSeed = {}): SeededRun {
    const run = this.createRun(spec)
    const testIds: string[] = []
    const specs = Array.isArray(spec.tests)
      ? spec.tests
      : Array.from({ length: spec.tests ?? 0 }, (_, i) =>
          typeof spec.testSpec === 'function' ? spec.testSpec(i) : (spec.testSpec ?? {})
        )
    for (const testSpec of specs) {
      testIds.push(this.createTest({ createdAt: run.createdAt, ...testSpec, runId: run.id }).id)
    }
    return { id: run.id, type: run.type, createdAt: iso(run.createdAt), testIds }
  }

  scheduledRun(spec: ScheduledRunSeed): SeededRun {
    return this.run(scheduledRunSpec(spec))
  }

  test(spec: TestSeed = {}): SeededTest {
    return summarise(this.createTest(spec))
  }

  /** Many tests at once; those without a runId share one run per run type. */
  tests(count: number, spec: TestSeed | ((index: number) => TestSeed) = {}): SeededTest[] {
    const shared = new Map<string, RunRecord>()
    const seeded: SeededTest[] = []
    for (let i = 0; i < count; i++) {
      const testSpec = typeof spec === 'function' ? spec(i) : spec
      let run: RunRecord | undefined
      if (testSpec.runId === undefined) {
        const key = `${testSpec.runType ?? 'MANUAL'}|${testSpec.experimentVariantId ?? ''}`
        run = shared.get(key)
        if (run === undefined) {
          run = this.implicitRun(testSpec)
          shared.set(key, run)
        }
      }
      seeded.push(summarise(this.createTest(testSpec, run)))
    }
    return seeded
  }

  issue(spec: IssueSeed): StoredIssue {
    return addIssue(this.state, {
      ...spec,
      id: spec.id === undefined ? undefined : checkId('Issue', spec.id),
      source: checkEnum('issue source', spec.source ?? 'TEST', ISSUE_SOURCES),
      status: checkEnum('issue status', spec.status ?? 'OPEN', ISSUE_STATUSES),
      priority: checkEnum('issue priority', spec.priority ?? 'MEDIUM', ISSUE_PRIORITIES),
      type: checkEnum('issue type', spec.type ?? 'BUG', ISSUE_TYPES),
      createdAt: spec.createdAt === undefined ? undefined : toEpochMs(spec.createdAt)
    })
  }

  /** A customer-support bot: four tasks and one run of twenty tests created now (see demo.ts). */
  demoApplication(scenario: Scenario = this.state.scenario): DemoApplication {
    return seedDemoApplication(this.state, this, scenario)
  }

  // Internal building blocks, shared with the trigger route and the demo.

  createRun(spec: RunSeed = {}): RunRecord {
    const id = checkId('Run', spec.id ?? this.state.rng.uuid())
    if (this.store.runs.has(id)) throw new Error(`A run with id ${id} already exists`)
    const run: RunRecord = {
      id,
      type: checkEnum('run type', spec.type ?? 'MANUAL', RUN_TYPES),
      experimentVariantId: spec.experimentVariantId ?? null,
      createdAt: spec.createdAt === undefined ? this.state.clock.now() : toEpochMs(spec.createdAt),
      tests: []
    }
    this.store.runs.set(id, run)
    return run
  }

  createTest(spec: TestSeed, run?: RunRecord): TestRecord {
    const { rng, store } = this.state
    const id = checkId('Test', spec.id ?? rng.uuid())
    const task = this.resolveTask(spec.taskId)
    const timeline = buildTimeline(spec, this.state.clock.now())
    const testRun = run ?? this.resolveRun(spec)
    if (this.implicitRuns.has(testRun)) testRun.createdAt = Math.min(testRun.createdAt, timeline.createdAt)
    const evals = buildEvals(spec, timeline.finalStatus, task, rng, seed => this.definitions.resolve(seed))
    const counts =
      spec.result === null
        ? null
        : (() => {
            const passed = evals.filter(e => e.passed === true).length
            const total = evals.length
            return {
              passed,
              failed: total - passed,
              total,
              passRate: total === 0 ? 0 : (passed / total) * 100
            }
          })()
    const test: TestRecord = {
      seq: store.nextSeq(),
      id,
      task,
      run: testRun,
      traceId: spec.traceId === undefined ? rng.uuid() : spec.traceId,
      ...timeline,
      evals,
      counts,
      bucket: counts === null ? null : bucketOf(counts.passRate)
    }
    store.addTest(test)
    return test
  }

  private implicitRun(spec: TestSeed): RunRecord {
    const run = this.createRun({
      id: spec.runId,
      type: spec.runType,
      experimentVariantId: spec.experimentVariantId,
      createdAt: spec.createdAt
    })
    this.implicitRuns.add(run)
    return run
  }

  private resolveRun(spec: TestSeed): RunRecord {
    if (spec.runId !== undefined) {
      const existing = this.store.runs.get(spec.runId.toLowerCase())
      if (existing !== undefined) return existing
    }
    return this.implicitRun(spec)
  }

  private resolveTask(taskId: string | undefined): TaskRecord {
    const id = (taskId ?? DEFAULT_TASK_ID).toLowerCase()
    const existing = this.store.tasks.get(id)
    if (existing !== undefined) return existing
    this.task({ id, title: taskId === undefined ? 'Answer a customer question' : undefined })
    return this.store.tasks.get(id) as TaskRecord
  }
}

function summarise(test: TestRecord): SeededTest {
  const time = (ms: number): string | null => (ms === NEVER ? null : iso(ms))
  return {
    id: test.id,
    taskId: test.task.id,
    runId: test.run.id,
    createdAt: iso(test.createdAt),
    startedAt: time(test.startedAt),
    settledAt: time(test.settledAt),
    finalStatus: test.finalStatus,
    passRate: test.counts?.passRate ?? null
  }
}
