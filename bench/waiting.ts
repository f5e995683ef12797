import { startCountingFront } from './counting-front.js'
import { benchRun, seedSettling, withScene } from './gate-run.js'

export interface WaitingFigures {
  polls: number
  /** Avido requests per poll while the run was still running. */
  requestsPerPoll: number
  /** Page reads (limit=100) before the run settled: reading early would cost a page per 100 tests. */
  pagesWhileWaiting: number
  pagesAfterSettling: number
  maxPagesInFlight: number
}

/** `n` tests that settle 3 s in; polls every 500 ms, through a front that counts overlapping page reads. */
export function measureWaiting(n: number): Promise<WaitingFigures> {
  return withScene(async scene => {
    const front = await startCountingFront(scene.avido.url)
    try {
      const settledAt = scene.avido.clock.now() + 3000
      seedSettling(scene, n, settledAt)
      const run = await benchRun(scene, { baseUrl: front.url, inputs: { 'poll-interval': '500ms' } })
      if (run.outputs.tests !== String(n)) throw new Error(`Judged ${run.outputs.tests} tests, not ${n}`)
      const polls = run.lines.filter(line => line.startsWith('Poll ')).length
      const tests = scene.avido.requests.filter(r => r.method === 'GET' && r.path === '/v0/tests')
      const firstPage = Math.min(...front.pages.map(page => page.start))
      const whileWaiting = tests.filter(r => r.at < firstPage)
      return {
        polls,
        requestsPerPoll: whileWaiting.length / polls,
        pagesWhileWaiting: whileWaiting.filter(r => r.query.limit?.[0] === '100').length,
        pagesAfterSettling: front.pages.length,
        maxPagesInFlight: front.maxInFlight()
      }
    } finally {
      await front.close()
    }
  })
}
