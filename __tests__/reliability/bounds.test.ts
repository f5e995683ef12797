import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { withMeasuredNode } from '../../bench/peak-rss.js'
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

// A hostile Avido cannot make the action buffer without end or read pages forever: every bound (a body's
// size, the totals a listing states, the number of issue pages, the timeout) holds, and ends with one clear line.

const MiB = 1024 * 1024
/** The client's cap on one response body. */
const BODY_CAP_MIB = 32
/** Pages of open issues the search for the gate's issue reads at most. */
const MAX_ISSUE_SEARCH_PAGES = 50

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
    let wrapper = ''
    await withMeasuredNode(NODE24.path, async node => {
      wrapper = node.path
      const run = await runGate(scene, { runtime: { name: 'node24', path: node.path } })
      expect(expectOneError(scene, run)).toBe(
        `Avido GET /v0/tests sent a response larger than the ${BODY_CAP_MIB} MiB limit; reading stopped`
      )
      // The runtime (about 100 MiB for a whole run) plus the cap: far from the half gigabyte on offer.
      expect(node.peakMiB()).toBeLessThan(200)
      expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
    })
    // The measuring wrapper leaves no temporary folder behind.
    expect(existsSync(dirname(wrapper))).toBe(false)
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
  let served = 0
  let template: Record<string, unknown> | undefined
  /** Every page: 100 tests never seen before (copies of a real one), and no total to say when it ends. */
  const endless = (payload: unknown) => {
    template ??= (payload as { data: Record<string, unknown>[] }).data[0]
    const data = Array.from({ length: 100 }, () => ({ ...template, id: `hostile-${served++}` }))
    return { data, pagination: { limit: 100 } }
  }
  beforeEach(() => {
    served = 0
    template = undefined
  })

  it('endless full pages past the count stop at the second page with one line', async () => {
    injectAfterCounts(scene, { kind: 'schema', mutate: endless })
    const run = await runGate(scene, { inputs: { timeout: '30s' } })
    // The counts said 5: a listing sending more than twice that plus a page is not judged.
    expect(expectOneError(scene, run)).toBe(
      'Avido GET /v0/tests kept sending new tests past the 5 it stated (200 so far): ' +
        'the paging is inconsistent, so the run is not judged'
    )
    expect(testRequests(scene).length - 2).toBe(2)
    expect(run.durationMs).toBeLessThan(10_000)
  })

  it('endless full pages with no total anywhere, counts included, end at the timeout with one line', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'schema', mutate: endless }, { times: Infinity })
    const run = await runGate(scene)
    // Cut in flight, or refused before it was sent: either way, the deadline.
    expect(expectOneError(scene, run)).toMatch(
      /^Avido GET \/v0\/tests (ran out of time|was not sent: the deadline has passed)/
    )
    expect(testRequests(scene).length).toBeGreaterThan(2)
    // The wait, then one more allowance (here the timeout again) to read what there is and list what is pending.
    expect(run.durationMs).toBeLessThan(2 * TIMEOUT_MS + EXIT_SLACK_MS)
  })

  /** Open TEST issues, none of them the gate's; `fresh` pages hold issues never seen, else the same 100 again. */
  function crowdedInbox(fresh: boolean): void {
    for (let i = 0; i < 100; i++) {
      scene.avido.seed.issue({ title: `Someone else's issue ${i}`, source: 'TEST', status: 'OPEN' })
    }
    let firstPage: Record<string, unknown>[] | undefined
    let pages = 0
    const crowded = (payload: unknown) => {
      firstPage ??= (payload as { data: Record<string, unknown>[] }).data
      const page = pages++
      const data = fresh ? firstPage.map((issue, i) => ({ ...issue, id: `other-${page}-${i}` })) : firstPage
      return { data, pagination: { total: 1_000_000 } }
    }
    scene.avido.inject('GET /v0/issues', { kind: 'schema', mutate: crowded }, { times: Infinity })
  }
  const issueSearches = () => scene.avido.requests.filter(r => r.method === 'GET' && r.path === '/v0/issues')
  const issueCreates = () => scene.avido.requests.filter(r => r.method === 'POST' && r.path === '/v0/issues')

  it(`a search for the open issue that keeps getting full pages stops after ${MAX_ISSUE_SEARCH_PAGES} and files once`, async () => {
    crowdedInbox(true)
    seedTests(scene, 20, 0)
    const run = await runGate(scene)
    expectJudged(scene, run, 'error')
    expect(issueSearches()).toHaveLength(MAX_ISSUE_SEARCH_PAGES)
    expect(issueCreates()).toHaveLength(1)
  })

  it('a search that gets the same full page again stops there and files once', async () => {
    crowdedInbox(false)
    seedTests(scene, 20, 0)
    const run = await runGate(scene)
    expectJudged(scene, run, 'error')
    expect(issueSearches()).toHaveLength(2)
    expect(issueCreates()).toHaveLength(1)
  })
})
