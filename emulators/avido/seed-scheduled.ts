import { toEpochMs } from './clock.js'
import type { RunSeed, ScheduledRunSeed, TestSeed } from './seed-types.js'

const DEFAULT_SETTLE_MS = 60_000

/** The run (and its tests) a scheduled or monitoring run seed stands for. */
export function scheduledRunSpec(spec: ScheduledRunSeed): RunSeed {
  const runType = spec.runType ?? 'SCHEDULED'
  if (runType !== 'SCHEDULED' && runType !== 'MONITORING') {
    throw new Error(`A scheduled run is SCHEDULED or MONITORING, not ${String(runType)}`)
  }
  if (spec.taskIds.length === 0 && spec.outcomes === undefined) {
    throw new Error('A scheduled run needs at least one task id')
  }
  const perTask = spec.testsPerTask ?? 1
  if (!Number.isInteger(perTask) || perTask < 1) throw new Error('testsPerTask must be ≥ 1')
  const createdAt = toEpochMs(spec.createdAt)
  const settleAfterMs = spec.settleAfterMs ?? DEFAULT_SETTLE_MS
  const base: TestSeed = { createdAt, runType, startAfterMs: 0, settleAfterMs }

  const tests: TestSeed[] =
    spec.outcomes === undefined
      ? spec.taskIds.flatMap(taskId =>
          Array.from({ length: perTask }, () => ({ ...base, taskId, passRate: spec.passRate ?? 100 }))
        )
      : spec.outcomes.map((outcome, i) => ({
          ...base,
          taskId: outcome.taskId ?? spec.taskIds[i % Math.max(1, spec.taskIds.length)],
          passRate: outcome.passRate ?? 100,
          status: outcome.status
        }))
  return { type: runType, createdAt, tests }
}
