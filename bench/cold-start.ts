import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { NODE24, REPO_ROOT } from '../emulators/runner/run-action.js'
import { bareColdStart, exitWithoutInputs } from './bare-client.js'
import { BENCH_BUNDLE, benchRun, seedSettling, withScene } from './gate-run.js'

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

/**
 * dorny/test-reporter's bundle, kept beside this repository with other actions' bundles for comparison
 * (BENCH_PEER_BUNDLE names another); undefined when it is not there.
 */
export function peerBundle(): string | undefined {
  const path =
    process.env.BENCH_PEER_BUNDLE ??
    join(REPO_ROOT, '..', 'shared', 'peers', 'dorny-test-reporter', 'index.js')
  return existsSync(path) ? path : undefined
}

/** The action started with no input at all, spawn to exit. */
export const measureActionMissingInput = (): Promise<number> => exitWithoutInputs(NODE24, BENCH_BUNDLE)

export const measurePeerMissingInput = (peer: string): Promise<number> => exitWithoutInputs(NODE24, peer)
