import { afterAll, expect, it } from '@jest/globals'

// Making a collator loads ICU's collation data (several ms): cells.ts makes its one when names are first
// compared, not as the action starts.

const intl = Intl as { Collator: typeof Intl.Collator }
const Collator = Intl.Collator
let made = 0
intl.Collator = class extends Collator {
  constructor(...args: ConstructorParameters<typeof Intl.Collator>) {
    super(...args)
    made++
  }
} as typeof Intl.Collator
afterAll(() => {
  intl.Collator = Collator
})

it('makes the natural-order collator on first use, and only once', async () => {
  const { naturalOrder } = await import('../../src/render/report/cells.js')
  expect(made).toBe(0)
  expect(['eval 10', 'eval 2', 'Eval 1'].sort(naturalOrder)).toEqual(['Eval 1', 'eval 2', 'eval 10'])
  expect(naturalOrder('b', 'a')).toBeGreaterThan(0)
  expect(made).toBe(1)
})
