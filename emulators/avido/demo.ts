import { DEFINITIONS } from './definitions.js'
import type { EvalDefinitionRecord } from './records.js'
import type { Scenario } from './scenarios.js'
import type { DemoApplication, SeededRun, Seeder, TestSeed } from './seed-types.js'
import type { DataSeeder } from './seeder.js'
import type { EmulatorState } from './state.js'

// A customer-support bot of a retail bank: four tasks, one run of twenty tests (five per task, four evals
// each) created now and settling one after another over `settleMs`; and, for the pull request to be
// compared with, an earlier run of the same tests on the main branch (`seedDemoBase`).

interface DemoTask {
  id: string
  contentKey: string
  title: string
  description: string
  evals: EvalDefinitionRecord[]
}

const { naturalness, identity, bankingAction, facts, refundPolicy, recall, brandVoice, handoff } = DEFINITIONS

export const DEMO_TASKS: DemoTask[] = [
  {
    id: '3f6a1c2e-8b4d-4e7f-9a1b-2c3d4e5f6a70',
    contentKey: 'lost-card',
    title: 'Block a lost card',
    description: 'The customer lost their debit card and wants it blocked right away.',
    evals: [naturalness, identity, bankingAction, facts]
  },
  {
    id: '3f6a1c2e-8b4d-4e7f-9a1b-2c3d4e5f6a71',
    contentKey: 'duplicate-charge',
    title: 'Refund a duplicate charge',
    description: 'The customer was charged twice for one purchase and wants the money back.',
    evals: [naturalness, refundPolicy, recall, facts]
  },
  {
    id: '3f6a1c2e-8b4d-4e7f-9a1b-2c3d4e5f6a72',
    contentKey: 'overdraft-fees',
    title: 'Explain overdraft fees',
    description: 'The customer asks what going into their overdraft will cost.',
    evals: [brandVoice, facts, recall, naturalness]
  },
  {
    id: '3f6a1c2e-8b4d-4e7f-9a1b-2c3d4e5f6a73',
    contentKey: 'escalation',
    title: 'Escalate to a human agent',
    description: 'The customer is upset about a fee and asks to speak to a person.',
    evals: [naturalness, handoff, brandVoice, bankingAction]
  }
]

const TESTS_PER_TASK = 5

/** Pass rate per task, so that badges differ between tasks; overall 90 % (pass), 65 % (warn), 35 % (fail). */
const TASK_RATES: Record<Scenario, number[]> = {
  pass: [100, 90, 75, 95],
  warn: [80, 65, 50, 65],
  fail: [60, 35, 20, 25]
}

/**
 * Pass rate per task on the main branch before the change, so that each scenario compares as its name says:
 * pass is about level (87.5 % before, 90 % after), warn a drop within noise (70 % to 65 %), fail a
 * significant regression (87.5 % to 35 %).
 */
const BASE_TASK_RATES: Record<Scenario, number[]> = {
  pass: [95, 90, 70, 95],
  warn: [85, 70, 55, 70],
  fail: [95, 90, 70, 95]
}

/** In the fail scenario one test of this task errors (its evals never ran). */
const ERRORED_TASK_INDEX = 2

export function seedDemoApplication(
  state: EmulatorState,
  seeder: DataSeeder,
  scenario: Scenario
): DemoApplication {
  const { store, rng, settleMs } = state
  const now = state.clock.now()
  for (const task of DEMO_TASKS) {
    const existing = store.tasks.get(task.id)
    if (existing !== undefined) existing.scenario = scenario
    else registerDemoTask(seeder, task, scenario)
  }

  const verdicts = DEMO_TASKS.map((task, t) => {
    const evalCount = task.evals.length * TESTS_PER_TASK
    const passing = Math.round(((TASK_RATES[scenario][t] as number) / 100) * evalCount)
    const errored = scenario === 'fail' && t === ERRORED_TASK_INDEX
    const pool = rng.shuffle(
      Array.from({ length: evalCount - (errored ? task.evals.length : 0) }, (_, i) => i < passing)
    )
    return errored ? [...task.evals.map(() => false), ...pool] : pool
  })

  const run = seeder.createRun({ type: 'MANUAL', createdAt: now })
  const total = DEMO_TASKS.length * TESTS_PER_TASK
  const testIds: string[] = []
  let passed = 0
  let evals = 0
  for (let k = 0; k < total; k++) {
    const t = k % DEMO_TASKS.length
    const index = Math.floor(k / DEMO_TASKS.length)
    const task = DEMO_TASKS[t] as DemoTask
    const slice = (verdicts[t] as boolean[]).slice(index * task.evals.length, (index + 1) * task.evals.length)
    const errored = scenario === 'fail' && t === ERRORED_TASK_INDEX && index === 0
    const test = seeder.createTest(
      {
        taskId: task.id,
        createdAt: now,
        startedAt: now + Math.round((settleMs * (k + 1)) / (2 * total)),
        settledAt: now + Math.round((settleMs * (k + 1)) / total),
        status: errored ? 'FAILED' : 'COMPLETED',
        evals: task.evals.map((definition, j) => ({
          definitionId: definition.id,
          passed: slice[j] as boolean
        }))
      },
      run
    )
    testIds.push(test.id)
    passed += test.evals.filter(e => e.passed === true).length
    evals += test.evals.length
  }

  return {
    scenario,
    tasks: DEMO_TASKS.map(task => ({ id: task.id, title: task.title })),
    taskIds: DEMO_TASKS.map(task => task.id),
    runId: run.id,
    testIds,
    passRate: (passed / evals) * 100
  }
}

function registerDemoTask(
  seed: Pick<Seeder, 'task' | 'evalDefinition'>,
  task: DemoTask,
  scenario: Scenario
): void {
  for (const definition of task.evals) seed.evalDefinition(definition)
  seed.task({
    id: task.id,
    title: task.title,
    description: task.description,
    createdAt: Date.parse('2025-01-06T09:00:00.000Z'),
    testsPerRun: TESTS_PER_TASK,
    scenario,
    contentKey: task.contentKey,
    evals: task.evals.map(definition => ({ definitionId: definition.id }))
  })
}

/** The first `passing` of `total` slots spread evenly over them, so every test of a task gets its share. */
function spreadPasses(total: number, passing: number): boolean[] {
  return Array.from(
    { length: total },
    (_, i) => Math.floor(((i + 1) * passing) / total) > Math.floor((i * passing) / total)
  )
}

export interface DemoBase extends SeededRun {
  /** Overall pass rate of the run (percent). */
  passRate: number
}

/**
 * The same twenty tests run earlier on the main branch, created at `createdAt` and settled within a minute, for
 * the pull request's run to be compared with. Registers the demo tasks, so it comes before `demoApplication`.
 */
export function seedDemoBase(seed: Seeder, scenario: Scenario, createdAt: number): DemoBase {
  for (const task of DEMO_TASKS) registerDemoTask(seed, task, scenario)
  const verdicts = DEMO_TASKS.map((task, t) => {
    const evalCount = task.evals.length * TESTS_PER_TASK
    return spreadPasses(evalCount, Math.round(((BASE_TASK_RATES[scenario][t] as number) / 100) * evalCount))
  })
  const total = DEMO_TASKS.length * TESTS_PER_TASK
  const tests: TestSeed[] = Array.from({ length: total }, (_, k) => {
    const t = k % DEMO_TASKS.length
    const index = Math.floor(k / DEMO_TASKS.length)
    const task = DEMO_TASKS[t] as DemoTask
    const slice = (verdicts[t] as boolean[]).slice(index * task.evals.length, (index + 1) * task.evals.length)
    return {
      taskId: task.id,
      settleAfterMs: 30_000 + k * 1_000,
      evals: task.evals.map((definition, j) => ({ definitionId: definition.id, passed: slice[j] as boolean }))
    }
  })
  const passed = verdicts.flat().filter(Boolean).length
  const run = seed.run({ type: 'MANUAL', createdAt, tests })
  return { ...run, passRate: (passed / verdicts.flat().length) * 100 }
}
