import type { TaskRecord } from './records.js'
import { passMask, scenarioRate } from './scenarios.js'
import type { DataSeeder } from './seeder.js'
import type { EmulatorState } from './state.js'
import { iso } from './test-view.js'

/**
 * What POST /v0/tasks/trigger starts: per task one MANUAL run of `testsPerRun` tests created now, settling
 * one after another over `settleMs`, with pass rates from the task or the scenario.
 */
export function triggerTasks(state: EmulatorState, seeder: DataSeeder, tasks: TaskRecord[]): void {
  const now = state.clock.now()
  const triggerIndex = state.store.triggers.length
  state.store.triggers.push({ taskIds: tasks.map(task => task.id), at: iso(now) })
  let erroredOne = false
  for (const task of tasks) {
    const scenario = task.scenario ?? state.scenario
    const rate = task.passRate ?? scenarioRate(scenario, `${task.id}:${triggerIndex}`)
    const definitions = task.definitions
    const count = task.testsPerRun
    const perTest = definitions.length
    const mask = passMask(count * perTest, rate, state.rng)
    const run = seeder.createRun({ type: 'MANUAL', createdAt: now })
    for (let i = 0; i < count; i++) {
      const verdicts = mask.slice(i * perTest, (i + 1) * perTest)
      // A failing application sometimes errors outright; one such test per trigger is enough to show it.
      const errored = scenario === 'fail' && !erroredOne && perTest > 0 && verdicts.every(v => !v)
      if (errored) erroredOne = true
      seeder.createTest(
        {
          taskId: task.id,
          createdAt: now,
          startedAt: now + Math.round((state.settleMs * (i + 1)) / (2 * count)),
          settledAt: now + Math.round((state.settleMs * (i + 1)) / count),
          status: errored ? 'FAILED' : 'COMPLETED',
          evals: definitions.map((definition, j) => ({
            definitionId: definition.id,
            passed: verdicts[j] as boolean
          }))
        },
        run
      )
    }
  }
}
