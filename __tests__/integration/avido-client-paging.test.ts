import { avidoFailure as failure } from '../support/avido-failure.js'
import { useEmulatorClients } from '../support/fake-clock-client.js'
import { describe, expect, it } from '@jest/globals'
import type { RecordedRequest } from '../../emulators/avido/index.js'

// Reading every test of a run through the client, against the Avido emulator: parallel pages, runs of any
// size, listings that lie, and baselines read by run type and date.

const KEY = 'avido_test_0123456789abcdef'
const APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const START = Date.UTC(2025, 4, 1, 12)
const DAY = 24 * 60 * 60 * 1000

const { emu, setup, calls } = useEmulatorClients(KEY, APP, START)

describe('readTests', () => {
  const inFlightAtOnce = (requests: RecordedRequest[]): number => {
    const times = requests.map(r => r.at).sort((a, b) => a - b)
    return times.filter(t => t - (times[0] ?? 0) < 200).length
  }

  it.each([
    ['after a first page', undefined, 2],
    ['all at once with the expected total', 250, 3]
  ])(
    'reads 250 tests in 3 pages of 100, %s, with pages in flight together',
    async (_name, expectedTotal, together) => {
      emu().seed.tests(250)
      // Each answer takes 300 ms, so requests arriving within 200 ms of each other were in flight together.
      emu().inject('GET /v0/tests', { kind: 'delay', ms: 300 }, { times: Infinity })
      const { client } = setup()
      const tests = await client.readTests({ runType: ['MANUAL'] }, test => test, { expectedTotal })

      expect(tests).toHaveLength(250)
      expect(new Set(tests.map(t => t.id)).size).toBe(250)
      expect(tests.map(t => t.createdAt)).toEqual([...tests.map(t => t.createdAt)].sort())
      const pages = calls('GET', '/v0/tests')
      expect(pages.map(p => p.query.skip?.[0]).sort()).toEqual(['0', '100', '200'])
      for (const page of pages) {
        expect(page.query).toMatchObject({
          limit: ['100'],
          orderBy: ['createdAt'],
          orderDir: ['asc'],
          runType: ['MANUAL']
        })
      }
      const laterPages = expectedTotal === undefined ? pages.slice(1) : pages
      expect(inFlightAtOnce(laterPages)).toBeGreaterThanOrEqual(together)
    }
  )

  it('ends with the rows really present when the total lies', async () => {
    emu().seed.tests(250)
    emu().inject('GET /v0/tests', { kind: 'lieTotal', total: 1000 }, { times: Infinity })
    const { client, lines } = setup()
    const tests = await client.readTests({}, test => test)
    expect(tests).toHaveLength(250)
    expect(calls('GET', '/v0/tests').length).toBeLessThanOrEqual(4 + 4)
    expect(lines.join('\n')).toMatch(/stopped early: page \d+ came back empty although the total is 1000/)
  })

  it('fails clearly when a page repeats the first', async () => {
    emu().seed.tests(250)
    emu().inject('GET /v0/tests', { kind: 'repeatPage' }, { times: Infinity })
    const { client } = setup()
    const error = await failure(client.readTests({}, test => test))
    expect(error.kind).toBe('schema')
    expect(error.message).toMatch(/^Avido GET \/v0\/tests sent page [23] with only tests already read/)
    expect(calls('GET', '/v0/tests').length).toBeLessThanOrEqual(3)
  })

  it('fails clearly when the listing starts over from its first test, pages after they were forgotten', async () => {
    for (let batch = 0; batch < 15; batch++)
      emu().seed.tests(100, { createdAt: START - (15 - batch) * 60_000 })
    emu().inject('GET /v0/tests', { kind: 'startOver', after: 1500 }, { times: Infinity })
    const { client } = setup()
    const error = await failure(client.readTests({}, test => test))
    expect(error.message).toMatch(/^Avido GET \/v0\/tests sent page 16 with only tests already read/)
  })
})

describe('readTests', () => {
  it('hands each test to select once, in createdAt order, and keeps only what it returns', async () => {
    emu().seed.tests(250)
    const { client } = setup()
    const seen: string[] = []
    const picked = await client.readTests({}, test => {
      seen.push(test.id)
      return seen.length % 2 === 0 ? undefined : { id: test.id, createdAt: test.createdAt }
    })
    expect(new Set(seen).size).toBe(250)
    expect(picked).toHaveLength(125)
    expect(picked.map(p => p.createdAt)).toEqual([...picked.map(p => p.createdAt)].sort())
    expect(Object.keys(picked[0] ?? {})).toEqual(['id', 'createdAt'])
    expect(calls('GET', '/v0/tests')).toHaveLength(3)
  })

  it('reads a run of 25,000 tests, past any fixed bound, with the count as the hint', async () => {
    emu().seed.tests(25_000, { evals: ['CUSTOM'] })
    // A frozen clock lets the emulator filter the 25,000 tests once for all pages.
    emu().clock.freeze()
    const { client } = setup()
    const total = await client.countTests({})
    const ids = await client
      .readTests({}, test => ({ id: test.id }), { expectedTotal: total })
      .finally(() => emu().clock.useRealTime())
    expect(total).toBe(25_000)
    expect(new Set(ids.map(t => t.id)).size).toBe(25_000)
    expect(calls('GET', '/v0/tests')).toHaveLength(1 + 250)
  }, 20_000)

  it.each([
    ['without a count', undefined],
    ['with the count as the hint', 250]
  ])('stops a listing that keeps sending full pages past its stated total (%s)', async (_name, hint) => {
    emu().seed.tests(1000, { evals: ['CUSTOM'] })
    emu().inject('GET /v0/tests', { kind: 'lieTotal', total: 250 }, { times: Infinity })
    const { client } = setup()
    const error = await failure(client.readTests({}, test => test, { expectedTotal: hint }))
    expect(error.kind).toBe('schema')
    expect(error.message).toMatch(
      /^Avido GET \/v0\/tests kept sending new tests past the 250 it stated \(\d+ so far\): the paging is inconsistent/
    )
    expect(calls('GET', '/v0/tests').length).toBeLessThanOrEqual(6 + 4)
  })

  it.each(['totalCount', 'noTotals', 'empty', 'absent'] as const)(
    'reads every test when the envelope is %s, and counts them',
    async shape => {
      emu().seed.tests(230, { evals: ['CUSTOM'] })
      emu().inject('GET /v0/tests', { kind: 'envelope', shape }, { times: Infinity })
      const { client } = setup()
      expect(await client.countTests({})).toBe(230)
      expect(await client.readTests({}, test => test)).toHaveLength(230)
    }
  )
})

describe('scheduled baselines', () => {
  it('reads the settled SCHEDULED and MONITORING tests of given tasks between two dates', async () => {
    const [a, b, other] = [emu().seed.task(), emu().seed.task(), emu().seed.task()]
    const now = emu().clock.now()
    const recent = emu().seed.scheduledRun({ taskIds: [a.id, b.id], createdAt: now - 2 * DAY, passRate: 50 })
    const older = emu().seed.scheduledRun({
      taskIds: [a.id],
      createdAt: now - 10 * DAY,
      runType: 'MONITORING',
      outcomes: [{ passRate: 100 }, { passRate: 75 }, { status: 'FAILED' }]
    })
    emu().seed.scheduledRun({ taskIds: [other.id], createdAt: now - 2 * DAY })
    emu().seed.tests(5, { taskId: a.id, createdAt: now - 2 * DAY })
    const { client } = setup()
    const read = (filters: Parameters<typeof client.readTests>[0]) =>
      client.readTests({ taskId: [a.id, b.id], status: ['COMPLETED', 'FAILED'], ...filters }, test => test)

    const lastWeek = await read({
      runType: ['SCHEDULED', 'MONITORING'],
      startDate: new Date(now - 7 * DAY),
      endDate: new Date(now - DAY)
    })
    expect(lastWeek.map(t => t.id).sort()).toEqual([...recent.testIds].sort())
    expect(lastWeek.every(t => t.runId === recent.id && t.result?.passRate === 50)).toBe(true)

    const monitoring = await read({ runType: ['MONITORING'], endDate: new Date(now - 9 * DAY) })
    expect(monitoring.map(t => t.id)).toEqual(older.testIds)
    expect(monitoring.map(t => [t.status, t.result?.passRate])).toEqual([
      ['COMPLETED', 100],
      ['COMPLETED', 75],
      ['FAILED', 0]
    ])
    expect(calls('GET', '/v0/tests')[0]?.query).toMatchObject({
      runType: ['SCHEDULED,MONITORING'],
      endDate: [new Date(now - DAY).toISOString()]
    })
  })
})
