import { describe, expect, it } from '@jest/globals'
import { isBefore } from '../../src/judge/digest.js'

// "Earlier in the run" for the digest (a task's first title, the first occurrence of a failing eval) is by
// creation time, as for the worst test: Avido's timestamps may carry any offset, so text order is not time.

describe('isBefore', () => {
  it.each([
    [
      'earlier in time, though later as text',
      ['2025-01-31T09:00:01+01:00', 'b', -1],
      ['2025-01-31T08:00:02Z', 'a', -1],
      true
    ],
    [
      'later in time, though earlier as text',
      ['2025-01-31T08:00:02Z', 'a', -1],
      ['2025-01-31T09:00:01+01:00', 'b', -1],
      false
    ],
    [
      'the same time written two ways: by id',
      ['2025-01-31T09:00:00+01:00', 'a', -1],
      ['2025-01-31T08:00:00Z', 'b', -1],
      true
    ],
    [
      'the same test: by the eval’s place',
      ['2025-01-31T08:00:00Z', 'a', 1],
      ['2025-01-31T08:00:00Z', 'a', 2],
      true
    ],
    ['an unreadable time goes last', ['not a time', 'a', -1], ['2025-01-31T08:00:00Z', 'b', -1], false],
    ['anything comes before nothing', ['2025-01-31T08:00:00Z', 'a', -1], undefined, true]
  ] as const)('%s', (_case, a, b, expected) => {
    expect(isBefore([...a], b && [...b])).toBe(expected)
  })
})
