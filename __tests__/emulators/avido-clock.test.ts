import { describe, expect, it } from '@jest/globals'
import { createClock, toEpochMs } from '../../emulators/avido/index.js'
import { Prng } from '../../emulators/avido/random.js'
import { bucketOf } from '../../emulators/avido/scenarios.js'
import { UUID_PATTERN } from '../../emulators/avido/validation.js'

const T0 = Date.parse('2025-03-01T12:00:00.000Z')

describe('emulator clock', () => {
  it.each([
    ['number', T0, T0],
    ['Date', new Date(T0), T0],
    ['ISO string', '2025-03-01T12:00:00.000Z', T0]
  ])('accepts a %s', (_kind, input, expected) => {
    expect(toEpochMs(input)).toBe(expected)
  })

  it('rejects an invalid time', () => {
    expect(() => toEpochMs('not a date')).toThrow(/Not a valid time/)
  })

  it('stays put when frozen and moves only by set/advance', () => {
    const clock = createClock({ start: T0, frozen: true })
    expect(clock.now()).toBe(T0)
    clock.advance(1500)
    expect(clock.now()).toBe(T0 + 1500)
    clock.set('2025-03-02T00:00:00Z')
    expect(clock.now()).toBe(Date.parse('2025-03-02T00:00:00Z'))
    expect(() => clock.advance(Number.NaN)).toThrow()
  })

  it('ticks in real time, keeps ticking after set, and resumes from its reading', async () => {
    const clock = createClock({ start: T0 })
    const first = clock.now()
    await new Promise(done => setTimeout(done, 30))
    expect(clock.now() - first).toBeGreaterThanOrEqual(25)
    clock.freeze()
    const frozen = clock.now()
    await new Promise(done => setTimeout(done, 20))
    expect(clock.now()).toBe(frozen)
    clock.useRealTime()
    expect(clock.now() - frozen).toBeLessThan(10)
    clock.advance(60_000)
    expect(clock.now() - frozen).toBeGreaterThanOrEqual(60_000)
  })

  it('defaults to wall-clock time', () => {
    expect(Math.abs(createClock().now() - Date.now())).toBeLessThan(50)
  })
})

describe('ids and badges', () => {
  it('generates distinct, repeatable v4 UUIDs matching the documented pattern', () => {
    const a = new Prng(7)
    const ids = Array.from({ length: 2000 }, () => a.uuid())
    expect(ids.every(id => UUID_PATTERN.test(id) && id[14] === '4')).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Prng(7).uuid()).toBe(ids[0])
  })

  it.each([
    [100, 'success'],
    [75.01, 'success'],
    [75, 'warning'],
    [50.01, 'warning'],
    [50, 'error'],
    [0, 'error']
  ])('puts pass rate %d in the %s bucket', (rate, bucket) => {
    expect(bucketOf(rate)).toBe(bucket)
  })
})
