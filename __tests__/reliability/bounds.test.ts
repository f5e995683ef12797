import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { measuredNode } from '../../bench/peak-rss.js'
import { startScene, type Scene } from '../../emulators/scene.js'
import {
  EXIT_SLACK_MS,
  NODE24,
  TIMEOUT_MS,
  expectJudged,
  expectOneError,
  injectAfterCounts,
  runGate,
  seedTests,
  testRequests
} from './support.js'

// A hostile Avido cannot make the action buffer without end or read pages forever: every bound holds, and
// ends with one clear line.

const MiB = 1024 * 1024
/** The client's cap on one response body, and on the pages of one listing (100 tests each). */
const BODY_CAP_MIB = 32
const MAX_PAGES = 200
const PAGE_READERS = 4

let scene: Scene
beforeEach(async () => {
  scene = await startScene()
  seedTests(scene, 5)
})
afterEach(async () => {
  await scene.close()
})

describe('response bodies', () => {
  it('a page streaming 512 MiB is cut at the cap, in bounded memory', async () => {
    injectAfterCounts(scene, { kind: 'oversize', bytes: 512 * MiB })
    const node = measuredNode(NODE24.path)
    const run = await runGate(scene, { runtime: { name: 'node24', path: node.path } })
    expect(expectOneError(scene, run)).toBe(
      `Avido GET /v0/tests sent a response larger than the ${BODY_CAP_MIB} MiB limit; reading stopped`
    )
    // The runtime (about 100 MiB for a whole run) plus the cap: far from the half gigabyte on offer.
    expect(node.peakMiB()).toBeLessThan(200)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })

  it('a page declaring 1 GiB is refused before its body is read', async () => {
    injectAfterCounts(scene, { kind: 'oversize', bytes: 1024 * MiB, contentLength: true })
    const run = await runGate(scene)
    expect(expectOneError(scene, run)).toMatch(/larger than the 32 MiB limit; reading stopped$/)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS)
  })

  it('an 8 MiB error page is read only for a message: the error line stays short', async () => {
    const page = `<html><body>${'<p>upstream exploded</p>'.repeat((8 * MiB) / 24)}</body></html>`
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 500, body: page }, { times: Infinity })
    const run = await runGate(scene)
    const error = expectOneError(scene, run)
    expect(error).toMatch(/answered 500 Internal Server Error\)/)
    expect(error.length).toBeLessThan(300)
    expect(run.stdout.length).toBeLessThan(64 * 1024)
  })
})

describe('page counts', () => {
  it(`endless full pages without a total stop after ${MAX_PAGES} pages with one line`, async () => {
    let served = 0
    let template: Record<string, unknown> | undefined
    // Every page: 100 tests never seen before (copies of a real one), and no total to say when it ends.
    const endless = (payload: unknown) => {
      template ??= (payload as { data: Record<string, unknown>[] }).data[0]
      const data = Array.from({ length: 100 }, () => ({ ...template, id: `hostile-${served++}` }))
      return { data, pagination: { limit: 100 } }
    }
    injectAfterCounts(scene, { kind: 'schema', mutate: endless })
    const run = await runGate(scene, { inputs: { timeout: '30s' } })
    expect(expectOneError(scene, run)).toMatch(
      /^Avido GET \/v0\/tests lists \d+ tests, more than the 20000 this client reads; narrow the filters$/
    )
    const pages = testRequests(scene).length - 2
    expect(pages).toBeGreaterThanOrEqual(MAX_PAGES)
    expect(pages).toBeLessThanOrEqual(MAX_PAGES + PAGE_READERS)
  })

  it('a search for the open issue that keeps getting full pages stops after 10 and files once', async () => {
    for (let i = 0; i < 100; i++) {
      scene.avido.seed.issue({ title: `Someone else's issue ${i}`, source: 'TEST', status: 'OPEN' })
    }
    seedTests(scene, 20, 0)
    let firstPage: unknown
    // Every page: the same 100 issues, none of them the gate's, and a total that says there are many more.
    const endless = (payload: unknown) => {
      firstPage ??= (payload as { data: unknown }).data
      return { data: firstPage, pagination: { total: 1_000_000 } }
    }
    scene.avido.inject('GET /v0/issues', { kind: 'schema', mutate: endless }, { times: Infinity })
    const run = await runGate(scene)
    expectJudged(scene, run, 'error')
    const searches = scene.avido.requests.filter(r => r.method === 'GET' && r.path === '/v0/issues')
    expect(searches).toHaveLength(10)
    expect(scene.avido.requests.filter(r => r.method === 'POST' && r.path === '/v0/issues')).toHaveLength(1)
  })
})
