import { afterAll } from '@jest/globals'

type Counted = 'Collator' | 'Segmenter'

/**
 * Counts the `Intl[name]` objects made from here to the end of the test file, for tests that a costly one
 * is made on first use, not as a module loads. Call it before importing the module.
 */
export function countIntlMade(name: Counted): () => number {
  const intl = Intl as unknown as Record<Counted, new (...args: unknown[]) => object>
  const Original = intl[name]
  let made = 0
  intl[name] = class extends Original {
    constructor(...args: unknown[]) {
      super(...args)
      made++
    }
  }
  afterAll(() => {
    intl[name] = Original
  })
  return () => made
}
