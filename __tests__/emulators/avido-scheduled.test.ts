import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createClock, startAvidoEmulator, type AvidoEmulator } from '../../emulators/avido/index.js'
import { call, listTestsPath } from '../../emulators/avido/testing.js'

// Settled runs Avido started on its own (schedules, monitoring) placed in the past, as baselines.

const T0 = Date.parse('2025-03-20T12:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000
const iso = (ms: number) => new Date(ms).toISOString()

let emulator: AvidoEmulator

beforeEach(async () => {
  emulator = await startAvidoEmulator({ clock: createClock({ start: T0, frozen: true }) })
})
afterEach(async () => {
  await emulator.close()
})

async function listed(
  query: string
): Promise<{ id: string; runId: string; runType: string; status: string }[]> {
  const res = await call(emulator.url, 'GET', listTestsPath(query))
  expect(res.status).toBe(200)
  return res.json.data
}

describe('seed.scheduledRun', () => {
  it('places settled SCHEDULED and MONITORING runs in the past, found by runType, taskId and dates', async () => {
    const [a, b] = [emulator.seed.task(), emulator.seed.task()]
    const twoDays = emulator.seed.scheduledRun({
      taskIds: [a.id, b.id],
      createdAt: T0 - 2 * DAY,
      passRate: 25
    })
    const tenDays = emulator.seed.scheduledRun({
      taskIds: [a.id],
      createdAt: iso(T0 - 10 * DAY),
      runType: 'MONITORING',
      testsPerTask: 3
    })
    emulator.seed.tests(4, { taskId: a.id, createdAt: T0 - 2 * DAY })
    expect(twoDays).toMatchObject({ type: 'SCHEDULED', createdAt: iso(T0 - 2 * DAY) })
    expect([twoDays.testIds.length, tenDays.testIds.length]).toEqual([2, 3])

    const scheduled = await listed('runType=SCHEDULED,MONITORING&status=COMPLETED&orderDir=asc')
    expect(scheduled.map(t => t.id)).toEqual([...tenDays.testIds, ...twoDays.testIds])
    const window = `startDate=${iso(T0 - 7 * DAY)}&endDate=${iso(T0 - DAY)}`
    expect((await listed(`runType=SCHEDULED&${window}`)).map(t => t.runId)).toEqual([twoDays.id, twoDays.id])
    expect(await listed(`runType=SCHEDULED&endDate=${iso(T0 - 3 * DAY)}`)).toEqual([])
    expect((await listed(`runType=MONITORING&taskId=${b.id}`)).length).toBe(0)
    expect((await listed(`taskId=${b.id}&passRateStatuses=error`)).map(t => t.id)).toEqual([
      twoDays.testIds[1]
    ])

    const run = await call(emulator.url, 'GET', `/v0/runs/${twoDays.id}`)
    expect(run.json.run).toMatchObject({ type: 'SCHEDULED', result: { passRate: 25 } })
  })

  it('takes per-test outcomes, an errored test included', async () => {
    const task = emulator.seed.task()
    const run = emulator.seed.scheduledRun({
      taskIds: [task.id],
      createdAt: T0 - DAY,
      outcomes: [{ passRate: 100 }, { passRate: 50 }, { status: 'FAILED' }]
    })
    const tests = await listed(`runType=SCHEDULED&orderDir=asc`)
    expect(tests.map(t => t.id)).toEqual(run.testIds)
    expect(tests.map(t => t.status)).toEqual(['COMPLETED', 'COMPLETED', 'FAILED'])
  })

  it('refuses a run type other than SCHEDULED or MONITORING, and no tasks', () => {
    expect(() =>
      emulator.seed.scheduledRun({ taskIds: ['x'], createdAt: T0, runType: 'MANUAL' as never })
    ).toThrow(/SCHEDULED or MONITORING/)
    expect(() => emulator.seed.scheduledRun({ taskIds: [], createdAt: T0 })).toThrow(/at least one task/)
  })
})
