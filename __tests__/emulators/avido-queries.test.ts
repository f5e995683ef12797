import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createClock, startAvidoEmulator, type AvidoEmulator } from '../../emulators/avido/index.js'
import { call, listTestsPath } from '../../emulators/avido/testing.js'

const T0 = Date.parse('2025-03-01T12:00:00.000Z')
const MIN = 60_000
const TASK_A = 'aaaaaaaa-0000-4000-8000-000000000001'
const TASK_B = 'bbbbbbbb-0000-4000-8000-000000000002'
const VARIANT = 'cccccccc-0000-4000-8000-000000000003'
const DEF_CUSTOM = 'dddddddd-0000-4000-8000-000000000004'

let emulator: AvidoEmulator

beforeEach(async () => {
  emulator = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }) })
})
afterEach(async () => {
  await emulator.close()
})

async function ids(query: string): Promise<string[]> {
  const res = await call(emulator.url, 'GET', listTestsPath(query))
  expect(res.status).toBe(200)
  return res.json.data.map((test: { id: string }) => test.id)
}

/** Five settled tests with 4 evals each (pass rates 100, 75, 50, 25, errored) and one that never settles. */
function seedMix() {
  emulator.seed.task({ id: TASK_A, title: 'Block a lost card' })
  emulator.seed.task({ id: TASK_B, title: 'Explain fees', tags: ['tag-fees'] })
  const at = (minutes: number) => T0 - 60 * MIN + minutes * MIN
  return {
    success: emulator.seed.test({ taskId: TASK_A, createdAt: at(0), passRate: 100 }),
    warning: emulator.seed.test({ taskId: TASK_A, createdAt: at(10), passRate: 75, runType: 'SCHEDULED' }),
    error: emulator.seed.test({
      taskId: TASK_B,
      createdAt: at(20),
      passRate: 50,
      experimentVariantId: VARIANT
    }),
    low: emulator.seed.test({
      taskId: TASK_B,
      createdAt: at(30),
      passRate: 25,
      evals: ['NATURALNESS', { definitionId: DEF_CUSTOM, name: 'Escalates', type: 'CUSTOM' }]
    }),
    errored: emulator.seed.test({ taskId: TASK_A, createdAt: at(40), status: 'FAILED' }),
    pending: emulator.seed.test({ taskId: TASK_B, createdAt: at(50), status: 'PENDING' })
  }
}

describe('GET /v0/tests filters', () => {
  it('buckets by result.passRate and keeps unsettled tests only when every badge is asked for', async () => {
    const t = seedMix()
    expect(await ids('passRateStatuses=success')).toEqual([t.success.id])
    expect(await ids('passRateStatuses=warning')).toEqual([t.warning.id])
    expect(await ids('passRateStatuses=error')).toEqual([t.errored.id, t.low.id, t.error.id])
    expect(await ids('passRateStatuses=success,warning')).toEqual([t.warning.id, t.success.id])
    expect(await ids('passRateStatuses=success,warning,error')).toHaveLength(6)
    expect(
      await ids('passRateStatuses=error&passRateStatuses=warning&passRateStatuses=success')
    ).toHaveLength(6)
  })

  it('accepts arrays comma-joined and as repeated keys alike', async () => {
    const t = seedMix()
    const comma = await ids('status=COMPLETED,FAILED')
    const repeated = await ids('status=COMPLETED&status=FAILED')
    expect(comma).toEqual(repeated)
    expect(comma).not.toContain(t.pending.id)
    expect(comma).toHaveLength(5)
    expect(await ids(`taskId=${TASK_A}&taskId=${TASK_B}`)).toEqual(await ids(`taskId=${TASK_A},${TASK_B}`))
  })

  it('filters by status, task, run type, experiment variant, eval definition and tag', async () => {
    const t = seedMix()
    expect(await ids('status=PENDING')).toEqual([t.pending.id])
    expect(await ids('status=FAILED')).toEqual([t.errored.id])
    expect(await ids(`taskId=${TASK_A}`)).toEqual([t.errored.id, t.warning.id, t.success.id])
    expect(await ids(`taskId=${TASK_A.toUpperCase()}`)).toHaveLength(3)
    expect(await ids('runType=SCHEDULED')).toEqual([t.warning.id])
    expect(await ids('runType=MANUAL,SCHEDULED')).toHaveLength(6)
    expect(await ids('runType=EXPERIMENT')).toEqual([])
    expect(await ids(`experimentVariantId=${VARIANT}`)).toEqual([t.error.id])
    expect(await ids(`evalDefinitionId=${DEF_CUSTOM}`)).toEqual([t.low.id])
    expect(await ids('tagId=tag-fees')).toEqual([t.pending.id, t.low.id, t.error.id])
    expect(await ids('tagId=none')).toEqual([t.errored.id, t.warning.id, t.success.id])
    expect(await ids('tagId=none,tag-fees')).toHaveLength(6)
  })

  it('filters on createdAt with inclusive startDate and endDate', async () => {
    const t = seedMix()
    const iso = (minutes: number) => new Date(T0 - 60 * MIN + minutes * MIN).toISOString()
    expect(await ids(`startDate=${iso(10)}&endDate=${iso(30)}`)).toEqual([t.low.id, t.error.id, t.warning.id])
    expect(await ids(`startDate=${iso(10)}&endDate=${iso(10)}`)).toEqual([t.warning.id])
    expect(await ids(`startDate=${iso(51)}`)).toEqual([])
    expect(await ids(`endDate=${iso(0)}`)).toEqual([t.success.id])
  })
})

describe('GET /v0/tests ordering and paging', () => {
  it('orders by createdAt desc by default, asc on request, and by modifiedAt', async () => {
    const first = emulator.seed.test({ createdAt: T0 - 3 * MIN, settleAfterMs: 2.5 * MIN })
    const second = emulator.seed.test({ createdAt: T0 - 2 * MIN, settleAfterMs: 30_000 })
    const third = emulator.seed.test({ createdAt: T0 - 1 * MIN })
    expect(await ids('')).toEqual([third.id, second.id, first.id])
    expect(await ids('orderDir=asc')).toEqual([first.id, second.id, third.id])
    // modifiedAt = settledAt: first T0-30s, second T0-90s, third T0-60s
    expect(await ids('orderBy=modifiedAt')).toEqual([first.id, third.id, second.id])
    expect(await ids('orderBy=modifiedAt&orderDir=asc')).toEqual([second.id, third.id, first.id])
  })

  it('pages with skip/limit (default limit 25) in a { data, pagination } envelope', async () => {
    const seeded = emulator.seed.tests(30, i => ({ createdAt: T0 - (30 - i) * 1000 }))
    const newestFirst = seeded.map(test => test.id).reverse()
    const page1 = await call(emulator.url, 'GET', listTestsPath())
    expect(page1.json.pagination).toEqual({ skip: 0, limit: 25, total: 30, totalPages: 2 })
    expect(page1.json.data.map((t: { id: string }) => t.id)).toEqual(newestFirst.slice(0, 25))
    const page2 = await call(emulator.url, 'GET', listTestsPath('skip=25&limit=25'))
    expect(page2.json.pagination).toEqual({ skip: 25, limit: 25, total: 30, totalPages: 2 })
    expect(page2.json.data.map((t: { id: string }) => t.id)).toEqual(newestFirst.slice(25))
    const count = await call(emulator.url, 'GET', listTestsPath('limit=1&status=COMPLETED'))
    expect(count.json.pagination).toEqual({ skip: 0, limit: 1, total: 30, totalPages: 30 })
    expect(count.json.data).toHaveLength(1)
    const beyond = await call(emulator.url, 'GET', listTestsPath('skip=100'))
    expect(beyond.json.data).toEqual([])
    expect(beyond.json.pagination.total).toBe(30)
  })

  it('keeps pages stable when many tests share one createdAt', async () => {
    emulator.seed.tests(50)
    const pages = await Promise.all([0, 10, 20, 30, 40].map(skip => ids(`limit=10&skip=${skip}`)))
    expect(new Set(pages.flat()).size).toBe(50)
  })
})

describe('timelines on the emulator clock', () => {
  it('moves a test from PENDING to IN_PROGRESS to COMPLETED as the clock advances', async () => {
    const test = emulator.seed.test({ createdAt: T0, startAfterMs: 1000, settleAfterMs: 5000, passRate: 75 })
    const get = async () => (await call(emulator.url, 'GET', `/v0/tests/${test.id}`)).json.test
    const pending = await get()
    expect(pending).toMatchObject({ status: 'PENDING', result: null, modifiedAt: new Date(T0).toISOString() })
    expect(
      pending.evals.every(
        (e: { status: string; passed: unknown }) => e.status === 'PENDING' && e.passed === null
      )
    ).toBe(true)
    emulator.clock.advance(999)
    expect((await get()).status).toBe('PENDING')
    emulator.clock.advance(1)
    const running = await get()
    expect(running).toMatchObject({
      status: 'IN_PROGRESS',
      result: null,
      modifiedAt: new Date(T0 + 1000).toISOString()
    })
    emulator.clock.set(new Date(T0 + 5000))
    const done = await get()
    expect(done.status).toBe('COMPLETED')
    expect(done.modifiedAt).toBe(new Date(T0 + 5000).toISOString())
    expect(done.result).toMatchObject({ passed: 3, failed: 1, total: 4, passRate: 75 })
    expect(typeof done.result.averageScore).toBe('number')
    expect(await ids('status=COMPLETED')).toEqual([test.id])
  })

  it('hides tests created after the clock and shows them once it gets there', async () => {
    const later = emulator.seed.test({ createdAt: T0 + 10_000 })
    expect(await ids('')).toEqual([])
    expect((await call(emulator.url, 'GET', `/v0/tests/${later.id}`)).status).toBe(404)
    emulator.clock.advance(10_000)
    expect(await ids('')).toEqual([later.id])
  })

  it('serves errored tests, tests that never settle, and settled tests without a result', async () => {
    const errored = emulator.seed.test({ status: 'FAILED' })
    const stuck = emulator.seed.test({ status: 'IN_PROGRESS' })
    const bare = emulator.seed.test({ result: null })
    emulator.clock.advance(365 * 24 * 3600 * 1000)
    const get = async (id: string) => (await call(emulator.url, 'GET', `/v0/tests/${id}`)).json.test
    const e = await get(errored.id)
    expect(e.status).toBe('FAILED')
    expect(
      e.evals.every((ev: { status: string; passed: unknown }) => ev.status === 'FAILED' && ev.passed === null)
    ).toBe(true)
    expect(e.result).toMatchObject({ passed: 0, passRate: 0 })
    expect((await get(stuck.id)).status).toBe('IN_PROGRESS')
    expect((await get(bare.id)).result).toBeNull()
    expect(stuck.settledAt).toBeNull()
  })

  it('works with a ticking clock too', async () => {
    const ticking = await startAvidoEmulator()
    try {
      const test = ticking.seed.test({ settleAfterMs: 150 })
      const status = async () => (await call(ticking.url, 'GET', `/v0/tests/${test.id}`)).json.test.status
      expect(await status()).not.toBe('COMPLETED')
      await new Promise(resolve => setTimeout(resolve, 200))
      expect(await status()).toBe('COMPLETED')
    } finally {
      await ticking.close()
    }
  })
})

describe('runs', () => {
  it('aggregates a run result from its settled tests and lists runs', async () => {
    const run = emulator.seed.run({
      createdAt: T0,
      tests: [
        { passRate: 100, evals: ['NATURALNESS', 'FACT'] },
        { passRate: 50, evals: ['NATURALNESS', 'FACT'], settleAfterMs: 4000 }
      ]
    })
    const older = emulator.seed.run({ type: 'SCHEDULED', createdAt: T0 - MIN, tests: 1 })
    const get = async () => (await call(emulator.url, 'GET', `/v0/runs/${run.id}`)).json.run
    expect((await get()).result).toBeNull()
    emulator.clock.advance(4000)
    const settled = await get()
    expect(settled).toMatchObject({ id: run.id, type: 'MANUAL', experimentVariantId: null })
    expect(settled.result).toMatchObject({ passed: 3, failed: 1, total: 4, passRate: 75 })
    expect(settled.result.evals).toHaveLength(2)
    expect(settled.result.evals.find((e: { type: string }) => e.type === 'NATURALNESS')).toMatchObject({
      total: 2
    })
    const list = await call(emulator.url, 'GET', '/v0/runs')
    expect(list.json.data.map((r: { id: string }) => r.id)).toEqual([run.id, older.id])
    expect(list.json.pagination).toEqual({ skip: 0, limit: 25, total: 2, totalPages: 1 })
    const byType = await call(emulator.url, 'GET', '/v0/runs?orderBy=type&orderDir=asc')
    expect(byType.json.data.map((r: { type: string }) => r.type)).toEqual(['MANUAL', 'SCHEDULED'])
    const since = await call(emulator.url, 'GET', `/v0/runs?startDate=${new Date(T0).toISOString()}`)
    expect(since.json.data.map((r: { id: string }) => r.id)).toEqual([run.id])
  })
})
