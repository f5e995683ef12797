import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ZWSP, escapeCell, escapeCode, escapeInline, normalizeText } from '../../src/render/escape.js'

/** Pipes GitHub's table parser treats as column separators: those not preceded by a backslash. */
const separators = (s: string) => (s.match(/(?<!\\)\|/g) ?? []).length
const ANY_TAG = /<\/?[A-Za-z!?]/
const MENTION = /@[\p{L}\p{N}_-]/u
const REFERENCE = /(?<![&\w])#\d|\bGH-\d/i
// eslint-disable-next-line no-control-regex -- looking for control characters
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
/** A lone surrogate anywhere in the string. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('escapeCell', () => {
  it.each([
    ['plain', 'Refund flow', 'Refund flow'],
    ['pipe', 'a | b', 'a \\| b'],
    ['escaped pipe stays escaped', 'a \\| b', 'a \\\\\\| b'],
    ['backslash', 'C:\\path\\', 'C:\\\\path\\\\'],
    ['newlines and tabs', 'one\ntwo\r\nthree\tfour\r', 'one two three four'],
    ['whitespace runs', '  a   b  ', 'a b'],
    ['html tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['closing details', '</details><script>', '&lt;/details&gt;&lt;script&gt;'],
    ['quotes and ampersand', `"it's" & more`, '&quot;it&#39;s&quot; &amp; more'],
    ['entity in input', '&lt;b&gt; &#64;x', '&amp;lt;b&amp;gt; &amp;#&#8203;64;x'],
    ['mention', 'ask @octocat', `ask @${ZWSP}octocat`],
    ['team mention', 'cc @acme/reviewers', `cc @${ZWSP}acme/reviewers`],
    ['lone at sign', 'a @ b @', 'a @ b @'],
    ['email', 'me@example.com', `me@${ZWSP}example.com`],
    ['issue reference', 'fixes #12', `fixes #${ZWSP}12`],
    ['cross-repo reference', 'see owner/repo#1', `see owner/repo#${ZWSP}1`],
    ['GH reference', 'GH-42 and gh-7, xgh-7', `GH-${ZWSP}42 and gh-${ZWSP}7, xgh-${ZWSP}7`],
    ['hash without digits', '#hashtag C#', '#hashtag C#'],
    ['backticks', 'run `rm -rf`', 'run \\`rm -rf\\`'],
    ['emphasis and links', '*a* _b_ ~c~ [x](y) ![i](j)', '\\*a\\* \\_b\\_ \\~c\\~ \\[x\\](y) !\\[i\\](j)'],
    ['autolinks', 'http://evil.test www.evil.test', `http:${ZWSP}//evil.test www${ZWSP}.evil.test`],
    ['autolink after emphasis', '_www.evil.test', `\\_www${ZWSP}.evil.test`],
    ['math', 'costs $5 or $10', 'costs \\$5 or \\$10'],
    ['emoji', '🚀 launch 👨‍👩‍👧', '🚀 launch 👨‍👩‍👧'],
    ['bidi overrides', 'abc\u202Edcb\u202C\u2066x\u2069', 'abcdcbx'],
    ['control characters', 'a\u0000b\u0007c\u001Bd\u007Fe\u0085f', 'abcde f'],
    ['zero-width space does not hide a mention', '@\u200Boctocat', `@${ZWSP}octocat`],
    ['lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['combining mark cannot hide a pipe', '|\u0301', '\\|\u0301'],
    ['non-string', 42, '42'],
    ['null', null, '']
  ])('%s', (_name, input, expected) => {
    expect(escapeCell(input, 500)).toBe(expected)
  })

  it('cuts with … and never splits a surrogate pair, an emoji sequence or an entity', () => {
    expect(escapeCell('abcdefgh', 5)).toBe('abcd…')
    expect(escapeCell('abcd', 4)).toBe('abcd')
    expect(escapeCell('😀😀😀😀', 5)).toBe('😀😀…')
    expect(escapeCell('😀😀😀😀', 4)).toBe('😀…')
    expect(escapeCell('ab👨‍👩‍👧cd', 10)).toBe('ab…')
    expect(escapeCell('abc<def', 6)).toBe('abc…')
    expect(escapeCell('abc<def', 8)).toBe('abc&lt;…')
    expect(escapeCell('ab @cd', 6)).toBe('ab…')
    expect(escapeCell('word     next', 6)).toBe('word…')
    expect(escapeCell('abc', 0)).toBe('')
  })

  it('reads only what it can keep from a huge input', () => {
    const huge = 'x'.repeat(5_000_000)
    const start = Date.now()
    expect(escapeCell(huge, 100)).toHaveLength(100)
    expect(Date.now() - start).toBeLessThan(2_000)
  })

  it('keeps a row intact, stays short and leaves nothing active, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 0, max: 200 }),
        (text, max) => {
          const cell = escapeCell(text, max)
          expect(cell.length).toBeLessThanOrEqual(max)
          expect(separators(cell)).toBe(0)
          expect(cell).not.toMatch(ANY_TAG)
          expect(cell).not.toMatch(MENTION)
          expect(cell).not.toMatch(REFERENCE)
          expect(cell).not.toMatch(CONTROL_OR_BIDI)
          expect(cell).not.toMatch(LONE)
          // every & starts an entity we wrote
          expect(cell.replace(/&(?:amp|lt|gt|quot|#39|#8203);/g, '')).not.toContain('&')
        }
      ),
      { numRuns: 500 }
    )
  })

  it('is a prefix of the uncut text when it cuts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 1, max: 60 }),
        (text, max) => {
          const full = escapeCell(text, 10_000)
          const cut = escapeCell(text, max)
          if (cut.endsWith('…') && !full.endsWith('…')) {
            expect(full.startsWith(cut.slice(0, -1))).toBe(true)
          } else {
            expect(cut).toBe(full)
          }
        }
      )
    )
  })
})

describe('escapeInline', () => {
  it.each([
    ['leaves pipes', 'a | b', 'a | b'],
    ['closes nothing', 'x</details>\n\n# Heading', 'x&lt;/details&gt; # Heading'],
    [
      'no link or image',
      '[click](javascript:alert(1)) ![x](http://t/p.png)',
      `\\[click\\](javascript:alert(1)) !\\[x\\](http:${ZWSP}//t/p.png)`
    ],
    ['no autolink in angle brackets', '<https://evil.test>', `&lt;https:${ZWSP}//evil.test&gt;`],
    ['mention and reference', '@org/team see #1', `@${ZWSP}org/team see #${ZWSP}1`]
  ])('%s', (_name, input, expected) => {
    expect(escapeInline(input, 500)).toBe(expected)
  })

  it('leaves nothing active for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), text => {
        const out = escapeInline(text, 1000)
        expect(out).not.toMatch(ANY_TAG)
        expect(out).not.toMatch(MENTION)
        expect(out).not.toMatch(REFERENCE)
        expect(out).not.toMatch(/(?<!\\)[[\]`]/)
        expect(out).not.toMatch(/:\/\//)
      }),
      { numRuns: 500 }
    )
  })
})

describe('escapeCode', () => {
  it.each([
    ['plain id', 'abc-123', '`abc-123`'],
    ['backtick inside', 'a`b', '``a`b``'],
    ['backticks at the ends', '`x`', '`` `x` ``'],
    ['html stays literal', '<b>@x</b>', '`<b>@x</b>`'],
    ['newlines collapse', 'a\nb', '`a b`'],
    ['empty', '  ', '']
  ])('%s', (_name, input, expected) => {
    expect(escapeCode(input, 100)).toBe(expected)
  })

  it('fits maxLength including the fences', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.integer({ min: 0, max: 60 }), (text, max) => {
        const out = escapeCode(text, max)
        expect(out.length).toBeLessThanOrEqual(max)
        if (out) expect(out).toMatch(/^(`+)[^]*[^`]\1$|^(`+) [^]* \2$/)
      })
    )
  })
})

describe('normalizeText', () => {
  it('is the shared one-line rule, exported beside the escaping', () => {
    expect(normalizeText(' a\n\u202Eb\u0000 ')).toBe('a b')
    expect(normalizeText(undefined)).toBe('')
  })
})
