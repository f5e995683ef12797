import { expect, it } from '@jest/globals'
import { countIntlMade } from '../support/count-intl.js'

// Making a collator loads ICU's collation data (several ms): cells.ts makes its one when names are first
// compared, not as the action starts.

const made = countIntlMade('Collator')

it('makes the natural-order collator on first use, and only once', async () => {
  const { naturalOrder } = await import('../../src/render/report/cells.js')
  expect(made()).toBe(0)
  expect(['eval 10', 'eval 2', 'Eval 1'].sort(naturalOrder)).toEqual(['Eval 1', 'eval 2', 'eval 10'])
  expect(naturalOrder('b', 'a')).toBeGreaterThan(0)
  expect(made()).toBe(1)
})
