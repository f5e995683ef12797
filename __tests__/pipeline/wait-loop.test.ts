import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createClock, startAvidoEmulator, type AvidoEmulator } from '../../emulators/avido/index.js'
import { AvidoClient } from '../../src/avido/client.js'
import { explainEval } from '../../src/judge/explain.js'
import { judgeTest } from '../../src/judge/judge.js'
import { buildScope, type Scope } from '../../src/judge/scope.js'
import {
  arraySink,
  waitForRun,
  type PollProgress,
  type TestReader,
  type WaitParams
} from '../../src/pipeline/wait.js'

type ArraySink = ReturnType<typeof arraySink>
import { wholeSecondNow } from './harness.js'

const KEY = 'avido_wait_key'
const APP = 'app_wait'
const START = wholeSecondNow()
const POLL = 5_000

let emu: AvidoEmulator
let client: AvidoClient

beforeAll(async () => {
  emu = await startAvidoEmulator({
    apiKey: KEY,
    applicationId: APP,
    clock: createClock({ start: START, frozen: true })
  })
})
afterAll(() => emu.close())
beforeEach(() => {
  emu.reset()
  emu.clock.set(START)
  client = new AvidoClient({
    baseUrl: emu.url,
    apiKey: KEY,
    applicationId: APP,
    now: () => emu.clock.now(),
    sleep: async ms => emu.clock.advance(ms),
    random: () => 0,
    maxRetries: 0
  })
})
afterEach(() => client.close())

function scope(runIds: string[] = []): Scope {
  const since = new Date(START - 1_000).toISOString()
  const config = { runIds, taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] }
  return buildScope(config, { start: since, source: 'since' })
}

function params(
  extra: Partial<WaitParams<ArraySink>> = {}
): WaitParams<ArraySink> & { polls: PollProgress[] } {
  const polls: PollProgress[] = []
  return {
    scope: scope(),
    judge: test => judgeTest(test, { warning: 75, error: 50 }, explainEval),
    newSink: arraySink,
    minTests: 1,
    pollIntervalMs: POLL,
    deadline: START + 60_000,
    now: () => emu.clock.now(),
    sleep: async ms => emu.clock.advance(ms),
    onPoll: progress => {
      polls.push(progress)
    },
    polls,
    ...extra
  }
}

const testListings = () => emu.requests.filter(r => r.method === 'GET' && r.path === '/v0/tests')
const counts = () => testListings().filter(r => r.query['limit']?.[0] === '1')

describe('waitForRun', () => {
  it('settles once every test in scope has settled, counting without reading until then', async () => {
    emu.seed.tests(3, { settleAfterMs: 12_000 })
    const p = params()
    const result = await waitForRun(client, p)
    expect(result.outcome).toBe('settled')
    expect(result.tests.tests).toHaveLength(3)
    expect(result.tests.tests.every(test => !test.pending)).toBe(true)
    // Polls at 0, 5 and 10 s find the tests running; the one at 15 s finds them settled.
    expect(result.polls).toBe(4)
    expect(p.polls.map(poll => poll.pending)).toEqual([3, 3, 3, 0])
    expect(emu.clock.now()).toBe(START + 15_000)
    // Two counts per poll, then one read of the pages.
    expect(counts()).toHaveLength(8)
    expect(testListings()).toHaveLength(9)
  })

  it('keeps waiting until min-tests tests match', async () => {
    emu.seed.tests(2, {})
    emu.seed.test({ createdAt: START + 10_000 })
    const p = params({ minTests: 3 })
    const result = await waitForRun(client, p)
    expect(result.outcome).toBe('settled')
    expect(result.tests.tests).toHaveLength(3)
    expect(p.polls.map(poll => poll.matched)).toEqual([2, 2, 3])
  })

  it('times out at the deadline without a poll past it when min-tests is never reached', async () => {
    emu.seed.tests(2, {})
    const result = await waitForRun(
      client,
      params({ minTests: 3, deadline: START + 30_000, pollIntervalMs: 10_000 })
    )
    expect(result.outcome).toBe('timeout')
    expect(result.lastError).toBeUndefined()
    // Polls at 0, 10 and 20 s; the sleep to 30 s reaches the deadline, where no poll is sent.
    expect(result.polls).toBe(3)
    expect(emu.clock.now()).toBe(START + 30_000)
  })

  it('times out with the tests still pending when the run never settles', async () => {
    emu.seed.tests(2, { status: 'IN_PROGRESS' })
    const p = params({ deadline: START + 20_000 })
    const result = await waitForRun(client, p)
    expect(result.outcome).toBe('timeout')
    expect(p.polls.every(poll => poll.pending === 2)).toBe(true)
    expect(emu.clock.now()).toBe(START + 20_000)
  })

  it('goes on polling after a transient fault, reporting it', async () => {
    emu.seed.tests(2, {})
    emu.inject('GET /v0/tests', { kind: 'status', status: 503 }, { times: 2 })
    const p = params()
    const result = await waitForRun(client, p)
    expect(result.outcome).toBe('settled')
    expect(result.tests.tests).toHaveLength(2)
    expect(p.polls[0]?.fault).toMatch(/503/)
    expect(p.polls.at(-1)).toEqual({ poll: p.polls.length, matched: 2, settled: 2, pending: 0 })
  })

  it('ends in a timeout carrying the fault when the last poll got no answer', async () => {
    emu.seed.tests(2, {})
    emu.inject('GET /v0/tests', { kind: 'status', status: 503 }, { times: 1_000 })
    const result = await waitForRun(client, params({ deadline: START + 12_000 }))
    expect(result.outcome).toBe('timeout')
    expect(String(result.lastError)).toMatch(/503/)
  })

  it('stops on a fault that is not transient', async () => {
    emu.inject('GET /v0/tests', { kind: 'status', status: 400 }, { times: 1 })
    await expect(waitForRun(client, params())).rejects.toThrow(/400/)
  })

  it('keeps waiting for a test created between the counts and the read', async () => {
    emu.seed.tests(2, {})
    let created = false
    const reader: TestReader = {
      countTests: filters => client.countTests(filters),
      forEachTest: (filters, select, emit, opts) => {
        if (!created) {
          created = true
          emu.seed.test({ settleAfterMs: 7_000 })
        }
        return client.forEachTest(filters, select, emit, opts)
      }
    }
    const p = params()
    const result = await waitForRun(reader, p)
    expect(result.outcome).toBe('settled')
    expect(result.tests.tests).toHaveLength(3)
    expect(result.tests.tests.every(test => !test.pending)).toBe(true)
    // The first read found the new test running; the polls at 5 s find it pending, at 10 s settled.
    expect(p.polls.map(poll => poll.pending)).toEqual([0, 1, 0])
  })

  it('reads every page on each poll when run ids are given, keeping only those runs', async () => {
    const run = emu.seed.run({ tests: [{ settleAfterMs: 6_000 }, {}] })
    emu.seed.run({ tests: 3 })
    const p = params({ scope: scope([run.id]) })
    const result = await waitForRun(client, p)
    expect(result.outcome).toBe('settled')
    expect(result.tests.tests.map(test => test.id).sort()).toEqual([...run.testIds].sort())
    expect(p.polls.map(poll => [poll.matched, poll.pending])).toEqual([
      [2, 1],
      [2, 1],
      [2, 0]
    ])
    expect(counts()).toHaveLength(0)
    expect(testListings()).toHaveLength(3)
  })
})
