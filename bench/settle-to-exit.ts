import { benchRun, seedSettling, withScene } from './gate-run.js'

/**
 * 1,000 tests settle together `settleInMs` after the action starts (emulator clock, which ticks in real
 * time); the figure is the time from that instant to the action's exit.
 */
export function measureSettleToExit(pollIntervalMs: number, settleInMs: number): Promise<number> {
  return withScene(async scene => {
    const settledAt = scene.avido.clock.now() + settleInMs
    seedSettling(scene, 1000, settledAt)
    const run = await benchRun(scene, { inputs: { 'poll-interval': `${pollIntervalMs}ms` } })
    const exitedAt = run.spawnedAt + run.durationMs
    return exitedAt - settledAt
  })
}
