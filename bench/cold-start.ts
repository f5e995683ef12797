import { NODE24 } from '../emulators/runner/run-action.js'
import { bareColdStart } from './bare-client.js'
import { benchRun, seedSettling, withScene } from './gate-run.js'

/** Time from spawning the action to the first request that reaches either emulator, in ms. */
export function measureActionColdStart(): Promise<number> {
  return withScene(async scene => {
    seedSettling(scene, 3)
    const run = await benchRun(scene)
    const first = Math.min(...[...scene.avido.requests, ...scene.github.requests].map(r => r.at))
    return first - run.spawnedAt
  })
}

export const measureBareColdStart = (): Promise<number> => bareColdStart(NODE24)
