import { NODE24 } from '../emulators/runner/run-action.js'
import { benchRun, pageQuery, seedSettling, withScene } from './gate-run.js'
import { withMeasuredNode } from './peak-rss.js'
import { bareRead } from './whole-step.js'

export interface LargeRunFigures {
  /** Spawn to exit, through the wrapper that measures memory. */
  stepMs: number
  /** Spawn to exit of a bare reader of the same pages with the same query, 4 in flight. */
  bareMs: number
  peakMiB: number
  /** '' when the gate judged all `n` tests and passed; else what it said instead. */
  failure: string
}

/**
 * A settled run of `n` tests of one eval: the whole step's time and its peak resident memory, and the time
 * a bare reader takes over the same pages (what the emulator and the wire cost, whatever the reader).
 */
export function measureLargeRun(n: number): Promise<LargeRunFigures> {
  return withScene(async scene => {
    seedSettling(scene, n)
    const step = await withMeasuredNode(NODE24, async node => {
      const run = await benchRun(scene, { node: node.path, mayFail: true })
      const judged = run.outputs.result === 'success' && run.outputs.tests === String(n)
      const error = run.lines.find(line => line.startsWith('::error::')) ?? `exit ${run.code}`
      return { stepMs: run.durationMs, peakMiB: node.peakMiB(), failure: judged ? '' : error.slice(0, 160) }
    })
    const bareMs = await bareRead(scene, n, pageQuery(scene))
    return { ...step, bareMs }
  })
}
