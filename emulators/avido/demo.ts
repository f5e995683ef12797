import { DEFINITIONS } from './definitions.js'
import type { EvalDefinitionRecord } from './records.js'
import type { Scenario } from './scenarios.js'
import type { DemoApplication } from './seed-types.js'
import type { DataSeeder } from './seeder.js'
import type { EmulatorState } from './state.js'

// A customer-support bot of a retail bank: four tasks, one run of twenty tests (five per task, four evals
// each) created now and settling one after another over `settleMs`.

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
    if (existing !== undefined) {
      existing.scenario = scenario
      continue
    }
    for (const definition of task.evals) seeder.definitions.register(definition)
    seeder.task({
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
