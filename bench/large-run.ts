import { NODE24 } from '../emulators/runner/run-action.js'
import { API_KEY, APPLICATION_ID } from '../emulators/scene.js'
import { bareSequentialRead } from './bare-client.js'
import { benchRun, seedSettling, withScene } from './gate-run.js'
import { measuredNode } from './peak-rss.js'

export interface LargeRunFigures {
  /** From the first page request to the line that starts the report (the run is judged by then). */
  judgedMs: number
  /** The same pages read one after another by a plain fetch loop on the same Node. */
  bareMs: number
  peakMiB: number
}

/** A settled run of `n` tests: the action's reading and judging against a bare reader, and its memory. */
export function measureLargeRun(n: number, fourEvals = false): Promise<LargeRunFigures> {
  return withScene(async scene => {
    seedSettling(scene, n, undefined, fourEvals)
    const node = measuredNode(NODE24)
    const run = await benchRun(scene, { node: node.path })
    if (run.outputs.tests !== String(n)) throw new Error(`Judged ${run.outputs.tests} tests, not ${n}`)
    const pages = scene.avido.requests.filter(r => r.path === '/v0/tests' && r.query.limit?.[0] === '100')
    const judgedAt = run.lineTimes.get('::group::Report')
    if (judgedAt === undefined || pages.length === 0) throw new Error('No page read or no report line')
    const firstPage = Math.min(...pages.map(page => page.at))
    const query = Object.entries(pages[0]!.query).map(([name, values]): [string, string] => [
      name,
      values.join(',')
    ])
    const bareMs = await bareSequentialRead(NODE24, {
      baseUrl: scene.avido.url,
      query: new URLSearchParams(query).toString(),
      pages: Math.ceil(n / 100),
      headers: { 'x-api-key': API_KEY, 'x-application-id': APPLICATION_ID }
    })
    return { judgedMs: judgedAt - firstPage, bareMs, peakMiB: node.peakMiB() }
  })
}
