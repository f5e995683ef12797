import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { RowIds } from '../../src/avido/row-ids.js'

// The ids of a listing's rows, each with the first page it came on: a Map from id to page, held compactly.

const uuid = (n: number) =>
  `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

describe('RowIds', () => {
  it.each([
    ['a lower-case UUID', '3f6c2a9e-8d7b-4c1a-9f9e-8d7c6b5a4f3e'],
    ['an upper-case UUID, kept apart from its lower-case form', '3F6C2A9E-8D7B-4C1A-9F9E-8D7C6B5A4F3E'],
    ['an id that is not a UUID', 'test_42'],
    ['a UUID-length id with a stray character', '3f6c2a9e-8d7b-4c1a-9f9e-8d7c6b5a4f3g'],
    ['the empty string', '']
  ])('holds %s', (_what, id) => {
    const ids = new RowIds()
    expect(ids.get(id)).toBeUndefined()
    ids.set(id, 3)
    expect(ids.get(id)).toBe(3)
    ids.set(id, 1)
    expect(ids.get(id)).toBe(1)
    expect(ids.size).toBe(1)
  })

  it('tells apart UUIDs that differ in one word only', () => {
    const ids = new RowIds()
    const base = '00000000-0000-4000-8000-000000000000'
    const variants = [
      base,
      '00000001-0000-4000-8000-000000000000',
      '00000000-0001-4000-8000-000000000000',
      '00000000-0000-4001-8000-000000000000',
      '00000000-0000-4000-8001-000000000000',
      '00000000-0000-4000-8000-000000000001'
    ]
    variants.forEach((id, page) => ids.set(id, page))
    expect(variants.map(id => ids.get(id))).toEqual([0, 1, 2, 3, 4, 5])
    expect(ids.get('0000000A-0000-4000-8000-000000000000')).toBeUndefined()
    expect(ids.get('0000000a-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('keeps every id as it grows, and stays within 40 bytes a UUID', () => {
    const ids = new RowIds()
    for (let n = 0; n < 100_000; n++) ids.set(uuid(n), n >> 7)
    expect(ids.size).toBe(100_000)
    for (const n of [0, 1, 99, 65_535, 99_999]) expect(ids.get(uuid(n))).toBe(n >> 7)
    expect(ids.get(uuid(100_000))).toBeUndefined()
    expect(ids.tableBytes).toBeLessThanOrEqual(40 * 100_000)
  })

  it('answers as a Map would, for any mix of ids and pages', () => {
    const hex = fc.constantFrom(...'0123456789abcdef')
    const lowerUuid = fc.uuid().map(id => id.toLowerCase())
    const nearUuid = fc.tuple(fc.integer({ min: 0, max: 40 }), hex).map(([n, h]) => uuid(n).slice(0, 35) + h)
    const id = fc.oneof(lowerUuid, fc.uuid(), nearUuid, fc.string({ maxLength: 40 }))
    const step = fc.tuple(fc.boolean(), id, fc.integer({ min: 0, max: 1_000 }))
    fc.assert(
      fc.property(fc.array(step, { maxLength: 3_000 }), steps => {
        const ids = new RowIds()
        const model = new Map<string, number>()
        for (const [isSet, key, page] of steps) {
          if (isSet) {
            ids.set(key, page)
            model.set(key, page)
          } else expect(ids.get(key)).toBe(model.get(key))
        }
        expect(ids.size).toBe(model.size)
        for (const [key, page] of model) expect(ids.get(key)).toBe(page)
      }),
      { numRuns: 60 }
    )
  })
})
