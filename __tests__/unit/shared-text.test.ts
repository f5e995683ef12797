import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { cutText, fitParts, normalizeText, oneLine, STATUS_DESCRIPTION_MAX } from '../../src/shared/text.js'

/** A lone surrogate anywhere in the string. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// eslint-disable-next-line no-control-regex -- looking for control characters
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
const clusters = (s: string) => Array.from(segmenter.segment(s), g => g.segment)

describe('oneLine', () => {
  it.each([
    ['short text', 'All good', 140, 'All good'],
    ['exactly the limit', 'a'.repeat(140), 140, 'a'.repeat(140)],
    ['one over', 'a'.repeat(141), 140, `${'a'.repeat(139)}…`],
    ['newlines, tabs and runs of spaces', ' one\r\n\ttwo   three ', 140, 'one two three'],
    ['control characters', 'a\u0000b\u0007c\u001Bd\u007Fe', 140, 'abcde'],
    ['bidi overrides', 'abc\u202Edcb\u202C', 140, 'abcdcb'],
    ['lone surrogate', 'a\uD800b', 140, 'a\uFFFDb'],
    ['a space before the cut goes', 'hello world', 7, 'hello…'],
    ['cut between words', 'hello world', 8, 'hello w…'],
    ['surrogate pairs', '🙂🙂🙂', 4, '🙂…'],
    ['an emoji sequence stays whole', 'ab👨‍👩‍👧cd', 10, 'ab…'],
    ['no room at all', 'abc', 0, ''],
    ['no limit', 'x'.repeat(500), Infinity, 'x'.repeat(500)],
    ['non-string', 42, 10, '42'],
    ['null', null, 10, '']
  ])('%s', (_name, input, max, expected) => {
    expect(oneLine(input, max)).toBe(expected)
  })

  it('is one clean line within the limit, cut between grapheme clusters, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 0, max: 200 }),
        (text, max) => {
          const line = oneLine(text, max)
          const full = normalizeText(text)
          expect(line.length).toBeLessThanOrEqual(max)
          expect(line).not.toMatch(/[\r\n\t]| {2}/)
          expect(line).not.toMatch(CONTROL)
          expect(line).not.toMatch(LONE)
          if (full.length <= max) expect(line).toBe(full)
          else if (line) {
            expect(line.endsWith('…')).toBe(true)
            const kept = line.slice(0, -1)
            expect(full.startsWith(kept)).toBe(true)
            // The kept text ends on a cluster boundary of the whole text.
            expect(
              clusters(full).reduce<number[]>((ends, g) => [...ends, (ends.at(-1) ?? 0) + g.length], [0])
            ).toContain(kept.length)
          }
        }
      ),
      { numRuns: 500 }
    )
  })

  it('keeps commit statuses within GitHub’s 140 characters', () => {
    expect(STATUS_DESCRIPTION_MAX).toBe(140)
    expect(oneLine('🟢'.repeat(100), STATUS_DESCRIPTION_MAX)).toBe(`${'🟢'.repeat(69)}…`)
  })
})

describe('cutText', () => {
  it('cuts without making one line', () => {
    expect(cutText('a\nb', 10)).toBe('a\nb')
    expect(cutText('abcdef', 4)).toBe('abc…')
    expect(cutText('😀😀😀😀', 5)).toBe('😀😀…')
  })
})

describe('fitParts', () => {
  it('never splits a part and marks an earlier cut', () => {
    expect(fitParts(['&lt;', 'a', 'b'], 6)).toBe('&lt;ab')
    expect(fitParts(['&lt;', 'a', 'b'], 5)).toBe('&lt;…')
    expect(fitParts(['&lt;', 'a', 'b'], 4)).toBe('…')
    expect(fitParts(['a', 'b'], 5, true)).toBe('ab…')
  })
})
