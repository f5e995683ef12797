import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { RecentRowIds } from '../../src/avido/recent-row-ids.js'

// The ids of a listing's recent pages, each with the first page it came on; earlier pages are forgotten.

const uuid = (n: number) =>
  `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, '0')}`

/** Avido's lower-case UUIDs, held as bits, and ids of any other form, held as strings. */
const idKinds: [string, (n: number) => string][] = [
  ['lower-case UUIDs', uuid],
  ['other ids', n => `test_${n}`],
  ['upper-case UUIDs', n => uuid(n).toUpperCase()]
]

describe('RecentRowIds', () => {
  it.each(idKinds)('keeps the first page an id came on, even when that page arrives last: %s', (_k, id) => {
    const ids = new RecentRowIds()
    expect(ids.note(id(1), 3)).toBe(true)
    expect(ids.note(id(1), 5)).toBe(false)
    expect(ids.pageOf(id(1))).toBe(3)
    expect(ids.note(id(1), 1)).toBe(false)
    expect(ids.pageOf(id(1))).toBe(1)
    expect(ids.pageOf(id(2))).toBeUndefined()
    expect(ids.noted).toBe(1)
    expect(ids.held).toBe(1)
  })

  it.each(idKinds)('forgets the ids of the pages before the one named, and only those: %s', (_k, id) => {
    const ids = new RecentRowIds()
    ids.note(id(1), 0)
    ids.note(id(2), 1)
    ids.note(id(3), 2)
    ids.note(id(2), 0)
    ids.forgetBefore(2)
    expect([ids.pageOf(id(1)), ids.pageOf(id(2)), ids.pageOf(id(3))]).toEqual([undefined, undefined, 2])
    expect(ids.held).toBe(1)
    expect(ids.note(id(1), 4)).toBe(true)
    expect(ids.noted).toBe(4)
  })

  it('knows a sort key that comes before a row of a page forgotten, and only once its page is forgotten', () => {
    const ids = new RecentRowIds()
    ids.noteHighest(0, 10)
    ids.noteHighest(1, 20)
    ids.noteHighest(2, -Infinity)
    expect(ids.sortsBeforeForgotten(5)).toBe(false)
    ids.forgetBefore(1)
    expect([5, 10, 15].map(order => ids.sortsBeforeForgotten(order))).toEqual([true, false, false])
    ids.forgetBefore(3)
    expect([15, 20, NaN].map(order => ids.sortsBeforeForgotten(order))).toEqual([true, false, false])
  })

  it('tells apart UUIDs that differ in one digit, and a UUID from its upper-case form', () => {
    const ids = new RecentRowIds()
    const variants = [
      '00000000-0000-4000-8000-000000000000',
      '10000000-0000-4000-8000-000000000000',
      '00000000-0001-4000-8000-000000000000',
      '00000000-0000-4001-8000-000000000000',
      '00000000-0000-4000-8001-000000000000',
      '00000000-0000-4000-8000-00000000000f',
      '0000000A-0000-4000-8000-000000000000',
      '0000000a-0000-4000-8000-000000000000',
      '0000000g-0000-4000-8000-000000000000'
    ]
    variants.forEach((id, page) => expect(ids.note(id, page)).toBe(true))
    expect(variants.map(id => ids.pageOf(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
  })

  it.each(idKinds)('holds only the pages it was not told to forget, however many ids pass: %s', (_k, id) => {
    const ids = new RecentRowIds()
    const model = new Map<string, number>()
    for (let page = 0; page < 600; page++) {
      for (let row = 0; row < 100; row++) {
        // Each page also repeats ten rows of the page before, as a listing that shifted would.
        const n = row < 10 && page > 0 ? (page - 1) * 100 + 90 + row : page * 100 + row
        ids.note(id(n), page)
        if (!model.has(id(n))) model.set(id(n), page)
      }
      ids.forgetBefore(page - 9)
      for (const [key, first] of model) if (first < page - 9) model.delete(key)
      expect(ids.held).toBe(model.size)
      for (const n of [page * 100, page * 100 + 55, Math.max(0, page - 9) * 100 + 99, (page - 12) * 100]) {
        expect(ids.pageOf(id(n))).toBe(model.get(id(n)))
      }
    }
    expect(ids.held).toBeLessThanOrEqual(1_000)
    expect(ids.noted).toBe(100 + 599 * 90)
  })

  it('answers as a Map from id to first page does, for the pages kept (property)', () => {
    const pool = [uuid(1), uuid(2), uuid(3), uuid(4), 'test_5', uuid(6).toUpperCase()]
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.tuple(fc.constant('note' as const), fc.constantFrom(...pool), fc.integer({ min: 0, max: 12 })),
            fc.tuple(fc.constant('forget' as const), fc.constant(''), fc.integer({ min: 0, max: 12 }))
          ),
          { maxLength: 80 }
        ),
        operations => {
          const ids = new RecentRowIds()
          const model = new Map<string, number>()
          for (const [operation, id, page] of operations) {
            if (operation === 'forget') {
              ids.forgetBefore(page)
              for (const [key, first] of model) if (first < page) model.delete(key)
            } else {
              const first = model.get(id)
              expect(ids.note(id, page)).toBe(first === undefined)
              if (first === undefined || page < first) model.set(id, page)
            }
            for (const id of pool) expect(ids.pageOf(id)).toBe(model.get(id))
            expect(ids.held).toBe(model.size)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
