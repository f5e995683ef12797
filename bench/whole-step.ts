import { NODE24 } from '../emulators/runner/run-action.js'
import { API_KEY, APPLICATION_ID, type Scene } from '../emulators/scene.js'
import { bareReader } from './bare-client.js'
import { benchRun, pageQuery, seedSettling, withScene } from './gate-run.js'

export interface WholeStepFigures {
  /** Spawn to exit of the action, comment and status check included, one per run. */
  actionMs: number[]
  /** Spawn to exit of the bare reader of the same pages, one per run. */
  bareMs: number[]
}

const IN_FLIGHT = 4

/** The floor of reading `n` tests: a bare reader of the scene's pages with the action's query, 4 in flight. */
export function bareRead(scene: Scene, n: number, query: string): Promise<number> {
  return bareReader(NODE24, {
    baseUrl: scene.avido.url,
    query,
    pages: Math.ceil(n / 100),
    headers: { 'x-api-key': API_KEY, 'x-application-id': APPLICATION_ID },
    inFlight: IN_FLIGHT
  })
}

/**
 * `n` settled tests, read `runs` times by the action (the whole step) and by a bare reader with the action's
 * query, 4 pages in flight, alternating which goes first. One scene serves every run, so the query is the same
 * each time; from the second run on, the action updates its comment rather than posting it.
 */
export function measureWholeStep(n: number, runs: number): Promise<WholeStepFigures> {
  return withScene(async scene => {
    seedSettling(scene, n)
    const figures: WholeStepFigures = { actionMs: [], bareMs: [] }
    let query: string | undefined
    const action = async () => {
      const run = await benchRun(scene)
      if (run.outputs.tests !== String(n)) throw new Error(`Judged ${run.outputs.tests} tests, not ${n}`)
      query ??= pageQuery(scene)
      figures.actionMs.push(run.durationMs)
    }
    const bare = async () => {
      figures.bareMs.push(await bareRead(scene, n, query!))
    }
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        await action()
        await bare()
      } else {
        await bare()
        await action()
      }
    }
    return figures
  })
}
