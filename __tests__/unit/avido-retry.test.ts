import { describe, expect, it } from '@jest/globals'
import {
  backoffMs,
  hasServerWait,
  isRetryableStatus,
  retryDelayMs,
  serverWaitMs,
  shouldRetryResponse
} from '../../src/avido/retry.js'

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0)
const httpDate = (offsetMs: number): string => new Date(NOW + offsetMs).toUTCString()
const fixed = (value: number) => () => value

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
    [301, false],
    [200, false]
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected)
  })
})

describe('shouldRetryResponse', () => {
  it.each([
    [503, {}, true],
    [400, {}, false],
    [400, { 'x-should-retry': 'true' }, true],
    [503, { 'x-should-retry': 'false' }, false],
    [429, { 'x-should-retry': 'FALSE' }, false],
    [404, { 'x-should-retry': ' true ' }, true],
    [500, { 'x-should-retry': 'maybe' }, true],
    [401, { 'x-should-retry': 'maybe' }, false]
  ])('%i with %j → %s', (status, headers, expected) => {
    expect(shouldRetryResponse(status, headers)).toBe(expected)
  })

  it('reads a WHATWG Headers object too', () => {
    expect(shouldRetryResponse(400, new Headers({ 'X-Should-Retry': 'true' }))).toBe(true)
  })
})

describe('serverWaitMs', () => {
  it.each([
    ['nothing', {}, undefined],
    ['retry-after-ms', { 'retry-after-ms': '1500' }, 1500],
    ['retry-after-ms float', { 'retry-after-ms': '250.5' }, 250.5],
    ['retry-after-ms wins over Retry-After', { 'retry-after-ms': '100', 'retry-after': '9' }, 100],
    ['unreadable retry-after-ms falls back', { 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
    ['Retry-After seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After float seconds', { 'retry-after': '0.25' }, 250],
    ['Retry-After HTTP date', { 'retry-after': httpDate(5000) }, 5000],
    ['Retry-After HTTP date in the past', { 'retry-after': httpDate(-5000) }, -5000],
    ['Retry-After garbage', { 'retry-after': 'later please' }, undefined],
    ['Retry-After list value', { 'retry-after': ['4', '9'] }, 4000]
  ])('%s', (_name, headers, expected) => {
    expect(serverWaitMs(headers, NOW)).toBe(expected)
  })
})

describe('backoffMs', () => {
  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 8000],
    [50, 8000],
    [5000, 8000]
  ])('retry %i without jitter → %i ms', (retry, expected) => {
    expect(backoffMs(retry, fixed(0))).toBe(expected)
  })

  it.each([0, 1, 2, 3, 4, 9])(
    'retry %i stays within [75 %, 100 %] of the base for any random value',
    retry => {
      const base = Math.min(500 * 2 ** retry, 8000)
      for (const r of [0, 0.1, 0.5, 0.999999, 1]) {
        const wait = backoffMs(retry, fixed(r))
        expect(wait).toBeGreaterThanOrEqual(base * 0.75)
        expect(wait).toBeLessThanOrEqual(base)
      }
      expect(backoffMs(retry, fixed(1))).toBe(base * 0.75)
    }
  )

  it('grows between retries even with the worst jitter', () => {
    for (let retry = 0; retry < 4; retry++) {
      expect(backoffMs(retry + 1, fixed(1))).toBeGreaterThan(backoffMs(retry, fixed(0)) * 0.75)
      expect(backoffMs(retry + 1, fixed(0))).toBe(2 * backoffMs(retry, fixed(0)))
    }
  })
})

describe('retryDelayMs', () => {
  it.each([
    ['no headers: backoff', 2, undefined, 2000],
    ['Retry-After 3 s', 0, { 'retry-after': '3' }, 3000],
    ['Retry-After float', 0, { 'retry-after': '1.5' }, 1500],
    ['Retry-After exactly 60 s is used', 0, { 'retry-after': '60' }, 60_000],
    ['Retry-After too large: backoff', 1, { 'retry-after': '61' }, 1000],
    ['Retry-After zero: backoff', 0, { 'retry-after': '0' }, 500],
    ['Retry-After negative: backoff', 0, { 'retry-after': '-5' }, 500],
    ['Retry-After HTTP date 10 s ahead', 0, { 'retry-after': httpDate(10_000) }, 10_000],
    ['Retry-After HTTP date 2 min ahead: backoff', 3, { 'retry-after': httpDate(120_000) }, 4000],
    ['Retry-After HTTP date in the past: backoff', 0, { 'retry-after': httpDate(-1000) }, 500],
    ['retry-after-ms', 0, { 'retry-after-ms': '20' }, 20],
    ['retry-after-ms too large: backoff', 0, { 'retry-after-ms': '60001' }, 500],
    ['retry-after-ms wins', 0, { 'retry-after-ms': '700', 'retry-after': '30' }, 700]
  ])('%s', (_name, retry, headers, expected) => {
    expect(retryDelayMs(retry, headers, fixed(0), NOW)).toBe(expected)
  })

  it('applies jitter to backoff but not to a server wait', () => {
    expect(retryDelayMs(1, {}, fixed(0.5), NOW)).toBe(875)
    expect(retryDelayMs(1, { 'retry-after': '2' }, fixed(0.5), NOW)).toBe(2000)
  })
})

describe('hasServerWait', () => {
  it.each([
    [{}, false],
    [{ 'retry-after': '0' }, true],
    [{ 'retry-after': '120' }, true],
    [{ 'retry-after-ms': '5' }, true],
    [{ 'retry-after': 'junk' }, false],
    [{ 'retry-after': httpDate(-1000) }, false]
  ])('%j → %s', (headers, expected) => {
    expect(hasServerWait(headers, NOW)).toBe(expected)
  })
})
