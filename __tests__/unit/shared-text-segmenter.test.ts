import { expect, it } from '@jest/globals'
import { countIntlMade } from '../support/count-intl.js'

// Making a grapheme segmenter takes several ms; text.ts makes its one when a text first needs it, not as the
// action starts.

const made = countIntlMade('Segmenter')

it('makes the grapheme segmenter on first use, and only once', async () => {
  const { graphemes, oneLine } = await import('../../src/shared/text.js')
  expect(made()).toBe(0)
  expect(oneLine('plain ASCII text, cut short', 10)).toBe('plain ASC…')
  expect(made()).toBe(0)
  expect(graphemes('e\u0301👩‍👩‍👧')).toEqual(['e\u0301', '👩‍👩‍👧'])
  expect(oneLine('héllo wörld 👩‍👩‍👧', 8)).toBe('héllo w…')
  expect(made()).toBe(1)
})
