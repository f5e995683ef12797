import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { RecentRowIds } from '../../src/avido/recent-row-ids.js'

// The ids of a listing's recent pages, each with the first page it came on; earlier pages are forgotten.

describe('RecentRowIds', () => {
  it('keeps the first page an id came on, even when that page arrives last', () => {
    const ids = new RecentRowIds()
    expect(ids.note('a', 3)).toBe(true)
    expect(ids.note('a', 5)).toBe(false)
    expect(ids.pageOf('a')).toBe(3)
    expect(ids.note('a', 1)).toBe(false)
    expect(ids.pageOf('a')).toBe(1)
    expect(ids.noted).toBe(1)
    expect(ids.held).toBe(1)
  })

  it('forgets the ids of the pages before the one named, and only those', () => {
    const ids = new RecentRowIds()
    ids.note('a', 0)
    ids.note('b', 1)
    ids.note('c', 2)
    ids.note('b', 0)
    ids.forgetBefore(2)
    expect([ids.pageOf('a'), ids.pageOf('b'), ids.pageOf('c')]).toEqual([undefined, undefined, 2])
    expect(ids.held).toBe(1)
    expect(ids.pagesHeld).toBe(1)
    expect(ids.note('a', 4)).toBe(true)
    expect(ids.noted).toBe(4)
  })

  it('holds no more than the pages it was not told to forget, however many ids pass', () => {
    const ids = new RecentRowIds()
    for (let page = 0; page < 2_000; page++) {
      for (let row = 0; row < 100; row++) ids.note(`${page}-${row}`, page)
      ids.forgetBefore(page - 9)
      expect(ids.pagesHeld).toBeLessThanOrEqual(10)
    }
    expect(ids.held).toBe(1_000)
    expect(ids.noted).toBe(200_000)
  })

  it('answers as a Map from id to first page does, for the pages kept (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 0, max: 12 })), {
          maxLength: 60
        }),
        fc.integer({ min: 0, max: 12 }),
        (notes, forgetBefore) => {
          const ids = new RecentRowIds()
          const model = new Map<string, number>()
          for (const [id, page] of notes) {
            const isNew = !model.has(id)
            expect(ids.note(id, page)).toBe(isNew)
            if (isNew || page < model.get(id)!) model.set(id, page)
          }
          ids.forgetBefore(forgetBefore)
          for (const id of ['a', 'b', 'c', 'd', 'e']) {
            const first = model.get(id)
            expect(ids.pageOf(id)).toBe(first !== undefined && first >= forgetBefore ? first : undefined)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
