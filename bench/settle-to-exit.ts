import { benchRun, seedSettling, withScene } from './gate-run.js'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * 1,000 tests settle together `settleInMs` after the action starts (emulator clock, which ticks in real
 * time); the figure is the time from that instant to the action's exit. The default `baseline: auto` looks
 * up a scheduled run of 1,000 tests of the same task from the day before while it waits, so the figure
 * shows that the lookup adds nothing once the run has settled.
 */
export function measureSettleToExit(pollIntervalMs: number, settleInMs: number): Promise<number> {
  return withScene(async scene => {
    const settledAt = scene.avido.clock.now() + settleInMs
    const [first] = seedSettling(scene, 1000, settledAt)
    scene.avido.seed.scheduledRun({
      taskIds: [first!.taskId],
      createdAt: scene.avido.clock.now() - DAY_MS,
      testsPerTask: 1000
    })
    const run = await benchRun(scene, {
      inputs: { 'poll-interval': `${pollIntervalMs}ms`, baseline: 'auto' }
    })
    const exitedAt = run.spawnedAt + run.durationMs
    return exitedAt - settledAt
  })
}
