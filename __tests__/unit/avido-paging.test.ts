import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  forEachRow,
  READ_AHEAD_PER_WORKER,
  REMEMBERED_PAGES,
  runawayBound,
  statedTotal,
  type Page,
  type ReadAllOptions
} from '../../src/avido/paging.js'

interface Row {
  id: string
  /** The listing's sort key. */
  at: number
}

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, at: i }))
const byAt = (row: Row) => row.at
const keepRow = (row: Row): Row => row

/** Every row `forEachRow` emits, in order. */
async function readAllPages(
  fetchPage: (skip: number) => Promise<Page<Row>>,
  select: (row: Row) => Row | undefined,
  options: ReadAllOptions<Row>
): Promise<Row[]> {
  const read: Row[] = []
  await forEachRow(fetchPage, select, row => void read.push(row), options)
  return read
}

/** A fake listing: `serve(skip)` decides each page; records the skips asked for and the peak in flight. */
function listing(serve: (skip: number) => Page<Row>) {
  const skips: number[] = []
  let inFlight = 0
  let peak = 0
  const fetchPage = async (skip: number): Promise<Page<Row>> => {
    skips.push(skip)
    inFlight++
    peak = Math.max(peak, inFlight)
    await new Promise(resolve => setTimeout(resolve, 2))
    inFlight--
    return serve(skip)
  }
  return { fetchPage, skips, peak: () => peak }
}

const honest =
  (all: Row[], limit = 10) =>
  (skip: number) => ({
    data: all.slice(skip, skip + limit),
    pagination: { skip, limit, total: all.length }
  })

const options = (extra: Partial<ReadAllOptions<Row>> = {}): ReadAllOptions<Row> & { lines: string[] } => {
  const lines: string[] = []
  return {
    pageSize: 10,
    concurrency: 3,
    debug: line => lines.push(line),
    runaway: (stated, sent) => new Error(`runaway: ${sent} past ${stated}`),
    repeatedPage: page => new Error(`repeated page ${page}`),
    lines,
    ...extra
  }
}

describe('forEachRow', () => {
  it.each([0, 1, 9, 10, 11, 25, 30, 199])('reads %i rows exactly once, in order', async n => {
    const all = rows(n)
    const { fetchPage, skips } = listing(honest(all))
    expect(await readAllPages(fetchPage, keepRow, options())).toEqual(all)
    expect(skips.sort((a, b) => a - b)).toEqual(
      Array.from({ length: Math.max(1, Math.ceil(n / 10)) }, (_, i) => i * 10)
    )
  })

  it('with an expected total asks every page at once, up to the concurrency', async () => {
    const all = rows(95)
    const { fetchPage, skips, peak } = listing(honest(all))
    expect(await readAllPages(fetchPage, keepRow, options({ expectedTotal: 95 }))).toEqual(all)
    expect(skips).toHaveLength(10)
    expect(peak()).toBe(3)
  })

  it('without an expected total reads the first page alone, then the rest in parallel', async () => {
    const { fetchPage, skips, peak } = listing(honest(rows(50)))
    await readAllPages(fetchPage, keepRow, options())
    expect(skips[0]).toBe(0)
    expect(peak()).toBe(3)
  })

  it('follows a total that grows while reading', async () => {
    let total = 15
    const all = rows(40)
    const { fetchPage } = listing(skip => {
      const page = { data: all.slice(skip, Math.min(skip + 10, total)), pagination: { total } }
      total = 40
      return page
    })
    expect(await readAllPages(fetchPage, keepRow, options({ concurrency: 1 }))).toEqual(all)
  })

  it('stops on an empty page when the total lies, keeping the rows present', async () => {
    const all = rows(25)
    const opts = options()
    const { fetchPage, skips } = listing(skip => ({
      data: all.slice(skip, skip + 10),
      pagination: { total: 150 }
    }))
    expect(await readAllPages(fetchPage, keepRow, opts)).toEqual(all)
    expect(skips.length).toBeLessThanOrEqual(3 + opts.concurrency)
    expect(opts.lines.join('\n')).toMatch(/came back empty although the total is 150/)
  })

  it('fails when a page repeats rows already read, reading no further', async () => {
    const opts = options({ concurrency: 2 })
    const { fetchPage, skips } = listing(() => ({ data: rows(10), pagination: { total: 100 } }))
    await expect(readAllPages(fetchPage, keepRow, opts)).rejects.toThrow('repeated page 2')
    expect(skips.length).toBeLessThanOrEqual(3)
  })

  it('has no fixed bound: reads 3,000 rows in 300 pages when the total says so', async () => {
    const all = rows(3000)
    const { fetchPage, skips } = listing(honest(all))
    expect(await readAllPages(fetchPage, keepRow, options({ concurrency: 8 }))).toEqual(all)
    expect(skips).toHaveLength(300)
  })

  it.each([
    ['a total that stays put', () => 25, 'runaway: 70 past 25'],
    ['a total that keeps growing', (skip: number) => skip + 20, 'runaway: 60 past 20']
  ])('fails on full pages of new rows past the stated total: %s', async (_name, total, message) => {
    const { fetchPage, skips } = listing(skip => ({
      data: rows(skip + 10).slice(skip),
      pagination: { total: total(skip) }
    }))
    await expect(readAllPages(fetchPage, keepRow, options())).rejects.toThrow(message)
    expect(skips.length).toBeLessThanOrEqual(7 + 3)
  })

  it('ends at a stated total on a page boundary even when the server has more', async () => {
    const { fetchPage, skips } = listing(skip => ({
      data: rows(skip + 10).slice(skip),
      pagination: { total: 20 }
    }))
    expect(await readAllPages(fetchPage, keepRow, options())).toEqual(rows(20))
    expect(skips.sort((x, y) => x - y)).toEqual([0, 10])
  })

  it('fails on endless full pages without a total, past the expected total', async () => {
    const { fetchPage } = listing(skip => ({ data: rows(skip + 10).slice(skip) }))
    await expect(readAllPages(fetchPage, keepRow, options({ expectedTotal: 5 }))).rejects.toThrow(
      'runaway: 30 past 5'
    )
  })

  it('follows a listing that grows while read, as tests are added, up to the bound', async () => {
    const all = rows(40)
    const { fetchPage } = listing(skip => ({ data: all.slice(skip, skip + 10) }))
    expect(await readAllPages(fetchPage, keepRow, options({ expectedTotal: 20 }))).toEqual(all)
  })

  it('stops at a stated total that a full page reaches, with no extra request', async () => {
    const { fetchPage, skips } = listing(honest(rows(30)))
    await readAllPages(fetchPage, keepRow, options({ expectedTotal: 30 }))
    expect(skips.sort((x, y) => x - y)).toEqual([0, 10, 20])
  })

  it.each([
    ['no pagination object', undefined],
    ['a null pagination object', null],
    ['an empty pagination object', {}]
  ])('keeps reading while pages are full with %s', async (_name, pagination) => {
    const all = rows(35)
    const { fetchPage } = listing(skip => ({ data: all.slice(skip, skip + 10), pagination }))
    expect(await readAllPages(fetchPage, keepRow, options())).toEqual(all)
  })

  it('without any total keeps reading while pages are full', async () => {
    const all = rows(23)
    const { fetchPage } = listing(skip => ({ data: all.slice(skip, skip + 10), pagination: {} }))
    expect(await readAllPages(fetchPage, keepRow, options())).toEqual(all)
  })

  it('uses totalCount when total is absent', async () => {
    const all = rows(12)
    const { fetchPage } = listing(skip => ({
      data: all.slice(skip, skip + 10),
      pagination: { totalCount: 12 }
    }))
    expect(await readAllPages(fetchPage, keepRow, options())).toEqual(all)
  })

  it('drops rows that overlap between pages', async () => {
    const all = rows(20)
    const { fetchPage } = listing(skip => ({
      data: all.slice(Math.max(0, skip - 2), skip + 10),
      pagination: { total: 20 }
    }))
    expect(await readAllPages(fetchPage, keepRow, options())).toEqual(all)
  })

  it('passes the first failure on and stops asking for pages', async () => {
    const { fetchPage, skips } = listing(skip => {
      if (skip === 10) throw new Error('page 2 broke')
      return honest(rows(200))(skip)
    })
    await expect(readAllPages(fetchPage, keepRow, options({ concurrency: 1 }))).rejects.toThrow(
      'page 2 broke'
    )
    expect(skips).toEqual([0, 10])
  })

  it('selects each page as it arrives, before the next page is asked for', async () => {
    const events: string[] = []
    const { fetchPage } = listing(skip => {
      events.push(`fetch ${skip}`)
      return honest(rows(30))(skip)
    })
    const select = (row: Row) => {
      events.push(`select ${row.id}`)
      return row
    }
    await readAllPages(fetchPage, select, options({ concurrency: 1 }))
    const pageStarts = ['fetch 0', 'select r0', 'fetch 10', 'select r10', 'fetch 20', 'select r20']
    expect(events.filter(event => pageStarts.includes(event))).toEqual(pageStarts)
    expect(events.indexOf('select r9')).toBeLessThan(events.indexOf('fetch 10'))
  })

  it('returns what select makes of each row once, leaving out rows it drops', async () => {
    const all = rows(20)
    const { fetchPage } = listing(skip => ({
      data: all.slice(Math.max(0, skip - 3), skip + 10),
      pagination: { total: 20 }
    }))
    const select = (row: Row) =>
      Number(row.id.slice(1)) % 2 === 0 ? { id: row.id, at: row.at, even: true } : undefined
    const selected = await readAllPages(fetchPage, select, options())
    expect(selected).toEqual(all.filter((_, i) => i % 2 === 0).map(row => ({ ...row, even: true })))
  })

  /** 200 rows in pages of 10, where the page at `again` also holds the fourth row of the first page. */
  const repeatingAt = (again: number) => {
    const all = rows(200)
    return listing(skip => {
      const page = honest(all)(skip)
      return skip === again * 10 ? { ...page, data: [all[3]!, ...page.data] } : page
    })
  }

  it('drops a row that comes again as far back as its page is remembered', async () => {
    const { fetchPage } = repeatingAt(REMEMBERED_PAGES)
    expect(await readAllPages(fetchPage, keepRow, options({ concurrency: 1 }))).toEqual(rows(200))
  })

  it('knows a row repeated further back only by the listing order, when it is given', async () => {
    const past = repeatingAt(REMEMBERED_PAGES + 1)
    const read = await readAllPages(past.fetchPage, keepRow, options({ concurrency: 1 }))
    expect(read.filter(row => row.id === 'r3')).toHaveLength(2)
    const ordered = repeatingAt(REMEMBERED_PAGES + 1)
    const opts = options({ concurrency: 1, orderOf: byAt })
    expect(await readAllPages(ordered.fetchPage, keepRow, opts)).toEqual(rows(200))
    expect(opts.lines.join('\n')).toMatch(/passed over 1 rows that sort before rows read already/)
  })

  it.each([
    ['with a stated total', { total: 3000 }],
    ['without a total', undefined]
  ])('fails on a listing that starts over from its first row, far back, %s', async (_what, pagination) => {
    const all = rows(1500)
    const { fetchPage, skips } = listing(skip => ({
      data: all.slice(skip % 1500, (skip % 1500) + 10),
      pagination
    }))
    const opts = options({ concurrency: 2, orderOf: byAt, ...(pagination ? {} : { expectedTotal: 3000 }) })
    await expect(readAllPages(fetchPage, keepRow, opts)).rejects.toThrow('repeated page 151')
    expect(skips.length).toBeLessThanOrEqual(151 + 2 * READ_AHEAD_PER_WORKER)
  })

  it.each([
    ['equal keys', () => 7],
    ['no keys', () => NaN]
  ])('passes over no row by its order when rows have %s', async (_what, orderOf) => {
    const all = rows(300)
    const { fetchPage } = listing(skip => ({
      data: all.slice(Math.max(0, skip - 2), skip + 10),
      pagination: { total: 300 }
    }))
    expect(await readAllPages(fetchPage, keepRow, options({ orderOf }))).toEqual(all)
  })

  it.each([3_000, 30_000])(
    'holds the ids of a bounded number of pages, however many rows: %i rows',
    async n => {
      const opts = options({ concurrency: 4, expectedTotal: n })
      const { fetchPage } = listing(honest(rows(n)))
      expect(await forEachRow(fetchPage, keepRow, () => undefined, opts)).toBe(n)
      const held = /held at most (\d+) pages waiting and the ids of (\d+) rows/.exec(opts.lines.join('\n'))
      const readAhead = 4 * READ_AHEAD_PER_WORKER
      expect(Number(held?.[1])).toBeLessThanOrEqual(readAhead)
      expect(Number(held?.[2])).toBeLessThanOrEqual((REMEMBERED_PAGES + readAhead) * 10)
    }
  )

  it('asks for no more than its read-ahead while the first page is slow, then reads the rest', async () => {
    const all = rows(500)
    const skips: number[] = []
    let releaseFirst = (): void => undefined
    const firstAnswered = new Promise<void>(resolve => (releaseFirst = resolve))
    const fetchPage = async (skip: number): Promise<Page<Row>> => {
      skips.push(skip)
      if (skip === 0) await firstAnswered
      else await new Promise(resolve => setTimeout(resolve, 1))
      return honest(all)(skip)
    }
    const read = readAllPages(fetchPage, keepRow, options({ concurrency: 2, expectedTotal: 500 }))
    await new Promise(resolve => setTimeout(resolve, 60))
    expect(skips).toHaveLength(2 * READ_AHEAD_PER_WORKER)
    releaseFirst()
    expect(await read).toEqual(all)
    expect(skips).toHaveLength(50)
  })

  it('asks for no page after a failure, not even from the workers a slow page held back', async () => {
    const skips: number[] = []
    const fetchPage = async (skip: number): Promise<Page<Row>> => {
      skips.push(skip)
      await new Promise(resolve => setTimeout(resolve, skip === 0 ? 40 : 1))
      if (skip === 0) throw new Error('page 1 broke')
      return honest(rows(500))(skip)
    }
    await expect(
      readAllPages(fetchPage, keepRow, options({ concurrency: 2, expectedTotal: 500 }))
    ).rejects.toThrow('page 1 broke')
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(skips).toHaveLength(2 * READ_AHEAD_PER_WORKER)
  })

  it('counts rows select drops when telling a repeated page', async () => {
    const { fetchPage } = listing(() => ({ data: rows(10), pagination: { total: 100 } }))
    const dropAll = (): undefined => undefined
    await expect(readAllPages(fetchPage, dropAll, options({ concurrency: 1 }))).rejects.toThrow(
      'repeated page 2'
    )
  })
})

describe('statedTotal', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    [{}, undefined],
    [{ total: 7 }, 7],
    [{ totalCount: 9 }, 9],
    [{ total: 7, totalCount: 9 }, 7],
    [{ total: null, totalCount: 9 }, 9],
    [{ total: -1 }, undefined],
    [{ total: 1.5 }, undefined]
  ])('%j states %s', (pagination, expected) => {
    expect(statedTotal(pagination)).toBe(expected)
  })
})

describe('readAllPages (property)', () => {
  it('returns every row of an honest or total-less listing exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('total', 'totalCount', 'none', 'absent'),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        async (n, shape, expectedTotal) => {
          const all = rows(n)
          const fetchPage = async (skip: number): Promise<Page<Row>> => {
            const data = all.slice(skip, skip + 10)
            if (shape === 'absent') return { data }
            if (shape === 'none') return { data, pagination: { skip, limit: 10 } }
            return { data, pagination: { [shape]: n } }
          }
          const hint =
            expectedTotal !== undefined && n <= runawayBound(expectedTotal, 10) - 10
              ? expectedTotal
              : undefined
          expect(await readAllPages(fetchPage, keepRow, options({ expectedTotal: hint }))).toEqual(all)
        }
      ),
      { numRuns: 60 }
    )
  })
})
