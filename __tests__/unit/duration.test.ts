import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  AGE_DURATION,
  WAIT_DURATION,
  checkDuration,
  formatDuration,
  parseDuration
} from '../../src/inputs/duration.js'

const DAY = 86_400_000

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['90', 90_000],
    ['1.5', 1_500],
    ['.5s', 500],
    ['1.5m', 90_000],
    ['0', 0],
    ['  10s  ', 10_000],
    ['10 s', 10_000],
    ['0.0004s', 0],
    ['24h', 86_400_000]
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['-5s', /"-5s" is negative/],
    ['-1', /is negative/],
    ['5d', /"5d" is not a duration \(use a number with ms, s, m or h/],
    ['1w', /not a duration/],
    ['10sec', /not a duration/],
    ['10S', /not a duration/],
    ['abc', /"abc" is not a duration/],
    ['1e3', /not a duration/],
    ['+5s', /not a duration/],
    ['1h30m', /not a duration/],
    ['5.', /not a duration/],
    ['NaN', /not a duration/],
    ['Infinity', /not a duration/],
    ['25h', /"25h" is longer than the maximum of 24h/]
  ])('rejects %j with a reason', (text, reason) => {
    expect(() => parseDuration(text)).toThrow(reason)
    const checked = checkDuration(text)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.reason).toMatch(reason)
  })

  it('cuts a long value in the reason', () => {
    const checked = checkDuration('x'.repeat(500))
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.reason.length).toBeLessThan(150)
  })
})

describe('days', () => {
  it.each([
    ['7d', 7 * DAY],
    ['1.5d', 1.5 * DAY],
    ['2 d', 2 * DAY],
    ['36h', 36 * 3_600_000],
    ['365d', 365 * DAY],
    ['90', 90_000]
  ])('an age reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text, AGE_DURATION)).toBe(ms)
  })

  it.each([
    ['366d', /"366d" is longer than the maximum of 365d/],
    ['7D', /"7D" is not a duration \(use a number with ms, s, m, h or d/],
    ['1w', /not a duration/],
    ['-7d', /is negative/]
  ])('an age rejects %j', (text, reason) => {
    expect(() => parseDuration(text, AGE_DURATION)).toThrow(reason)
  })

  it('are no wait: a wait says which units it takes', () => {
    expect(checkDuration('1d', WAIT_DURATION)).toEqual({
      ok: false,
      reason:
        '"1d" is not a duration (use a number with ms, s, m or h, e.g. 500ms, 30s, 15m, 1h, or bare seconds)'
    })
  })
})

describe('formatDuration', () => {
  it.each([
    [500, '500ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [90_000, '90s'],
    [900_000, '15m'],
    [3_600_000, '1h'],
    [5_400_000, '90m']
  ])('%i ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it.each([
    [DAY, '1d', '24h'],
    [7 * DAY, '7d', '168h'],
    [36 * 3_600_000, '36h', '36h'],
    [1.5 * DAY, '36h', '36h']
  ])('%i ms is %s where days are allowed, else %s', (ms, withDays, withoutDays) => {
    expect(formatDuration(ms, AGE_DURATION)).toBe(withDays)
    expect(formatDuration(ms, WAIT_DURATION)).toBe(withoutDays)
  })

  it.each([
    ['a wait', WAIT_DURATION],
    ['an age', AGE_DURATION]
  ])('reads back what it writes for %s', (_name, rule) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: rule.maxMs }), ms => {
        expect(parseDuration(formatDuration(ms, rule), rule)).toBe(ms)
      })
    )
  })
})
