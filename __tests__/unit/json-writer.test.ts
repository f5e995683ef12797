import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { IndentedJsonWriter } from '../../src/pipeline/json-writer.js'

// JSON laid out as JSON.stringify(value, null, 2) lays it out, written into a buffer drained as it fills.

/** What the writer makes of `value` at `depth`, with a buffer of `size` bytes; and how often it drained. */
function written(value: unknown, depth: number, size = 65_536): { text: string; drains: number } {
  const parts: Buffer[] = []
  const writer = new IndentedJsonWriter(bytes => void parts.push(Buffer.from(bytes)), size)
  writer.value(value, depth)
  writer.flush()
  return { text: Buffer.concat(parts).toString('utf8'), drains: parts.length }
}

/** What JSON.stringify writes for `value` as an item of an array in an array: indented four spaces in. */
const indentedJson = (value: unknown) =>
  JSON.stringify([[value]], null, 2).slice('[\n  [\n'.length, -'\n  ]\n]'.length)

/** JSON values, with the values JSON.stringify leaves out of objects or writes as null in arrays. */
const values = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 })
  )
})).value

describe('IndentedJsonWriter', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', []],
    [
      'an object of every kind of field',
      { s: 'x', n: -1.5, i: 3, t: true, f: false, z: null, a: [1, [2]], o: { k: 'v' } }
    ],
    ['fields left out', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
    ['holes written as null', [undefined, () => 1, Symbol('s')]],
    ['strings that need escapes', ['"', '\\', '\n', '\u0001', '\ud800', 'a\ud83d\ude00b', 'é€']],
    ['numbers JSON writes as null', [NaN, Infinity, -Infinity, -0, 1e21, 5e-7]],
    ['integer keys, which come first', { b: 1, 2: 'two', a: 3, 1: 'one' }],
    ['a field whose toJSON gives nothing, left out', { gone: { toJSON: () => undefined }, kept: 1 }],
    ['boxed primitives', [Object(1), Object('ab'), Object(false)]],
    [
      'a value with toJSON',
      { when: new Date(Date.UTC(2025, 0, 2)), custom: { toJSON: (key: string) => `key ${key}` } }
    ]
  ])('writes %s as JSON.stringify does', (_what, value) => {
    expect(written(value, 0).text).toBe(JSON.stringify(value, null, 2))
    expect(`    ${written(value, 2).text}`).toBe(indentedJson(value))
  })

  it('writes any JSON value as JSON.stringify does, at any depth, whatever the buffer size (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(values, { maxLength: 4 }), fc.dictionary(fc.string(), values, { maxKeys: 5 })),
        fc.constantFrom(16, 64, 65_536),
        (value, size) => {
          expect(written(value, 0, size).text).toBe(JSON.stringify(value, null, 2))
          expect(`    ${written(value, 2, size).text}`).toBe(indentedJson(value))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('refuses a BigInt as JSON.stringify does', () => {
    expect(() => written({ n: 1n }, 0)).toThrow(TypeError)
    expect(() => JSON.stringify({ n: 1n })).toThrow(TypeError)
  })

  it('drains as the buffer fills, and writes a string longer than the buffer whole', () => {
    const value = {
      long: 'x'.repeat(200),
      escaped: '"'.repeat(100),
      items: Array.from({ length: 50 }, (_, i) => i)
    }
    const { text, drains } = written(value, 0, 32)
    expect(text).toBe(JSON.stringify(value, null, 2))
    expect(drains).toBeGreaterThan(10)
  })
})
