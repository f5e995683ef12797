import type { Pagination } from './schemas.js'
import { RecentRowIds } from './recent-row-ids.js'

export interface Page<T> {
  data: T[]
  /** Avido may leave out the object or any of its fields. */
  pagination?: Pagination | null
}

export interface ReadAllOptions<T = { id: string }> {
  pageSize: number
  /** Pages in flight at once. */
  concurrency: number
  /** When known (e.g. from a count), the pages it spans are requested at once instead of after the first. */
  expectedTotal?: number
  debug?: (line: string) => void
  /** The error for a listing that keeps sending new rows far past the total first stated. */
  runaway: (stated: number, rowsSent: number) => Error
  /** The error for a page that holds only rows already read: judging what was read would count too few. */
  repeatedPage: (page: number) => Error
  /**
   * The key the listing is sorted by, ascending (NaN when a row has none): a row that sorts before a row of a
   * page already forgotten was read already, and is passed over as the repeat it is.
   */
  orderOf?: (row: T) => number
}

/** The row count a page states (`total`, else `totalCount`), when it states a usable one. */
export function statedTotal(pagination: Pagination | null | undefined): number | undefined {
  const total = pagination?.total ?? pagination?.totalCount
  return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : undefined
}

/**
 * How far past the first stated total a listing may send rows before it counts as runaway. Tests created
 * while the pages are read legitimately push rows past it; a listing that more than doubles does not.
 */
export function runawayBound(stated: number, pageSize: number): number {
  return 2 * stated + pageSize
}

/**
 * Pages behind the first page not yet emitted whose row ids are remembered: a row that comes again on a
 * later page (the listing shifted between two reads) is passed once when it first came within this many pages
 * (1,000 rows of Avido's pages). Further back, only the listing's order tells a repeat (see `orderOf`): the
 * listing is read in creation order, so new rows only ever come after.
 */
export const REMEMBERED_PAGES = 10

/** Pages that may be asked for past the first one not yet emitted, for each page in flight. */
export const READ_AHEAD_PER_WORKER = 4

/**
 * Reads every page of a skip/limit listing ordered for stable paging, and hands each row to `emit` once, in
 * page order, as `select` makes it (rows it maps to `undefined` are left out), as soon as every page before
 * its own has arrived. What is held is bounded whatever the number of rows: the pages in flight or waiting
 * for an earlier one (no more than `READ_AHEAD_PER_WORKER` for each page in flight: a slow page holds the
 * others back), and the ids of those and of the `REMEMBERED_PAGES` before them, with the highest sort key of
 * the pages forgotten. A row is emitted once when it comes again within those pages, or sorts before a row
 * forgotten; a row repeated further back with an equal key (or without `orderOf`) is emitted again. Resolves
 * to the number of rows emitted; a debug line tells how much was held at most.
 *
 * There is no fixed bound on the rows: the reading is bounded by what the listing states and by the
 * caller's deadline. Totals are hints: pages spanning a stated total are requested in parallel; a full page
 * reaching past the stated total (or with no total at all) asks for the next. A listing that lies cannot make
 * this grow without bound: a page that comes back empty ends the reading (rows read so far stand, with a debug
 * line); a page that holds only rows already read, and rows sent beyond `runawayBound` of the first stated
 * total, are errors.
 */
export async function forEachRow<T extends { id: string }, R extends { id: string }>(
  fetchPage: (skip: number) => Promise<Page<T>>,
  select: (row: T) => R | undefined,
  emit: (row: R) => void,
  options: ReadAllOptions<T>
): Promise<number> {
  const { pageSize } = options
  const hint =
    options.expectedTotal !== undefined && options.expectedTotal > 0 ? options.expectedTotal : undefined
  /** Selected rows of pages that came before an earlier page did. */
  const waiting = new Map<number, R[]>()
  /** The first page not yet emitted. */
  let emitted = 0
  let rowsEmitted = 0
  /** The ids of recent pages, with the first page each came on: a row is emitted from that page only. */
  const ids = new RecentRowIds()
  const readAhead = Math.max(1, options.concurrency) * READ_AHEAD_PER_WORKER
  /** Workers waiting for the first page not yet emitted to arrive, before asking for more. */
  let held: (() => void)[] = []
  const release = (): void => {
    const waiters = held
    held = []
    for (const resume of waiters) resume()
  }
  let mostIdsHeld = 0
  let mostPagesHeld = 0
  let passedOver = 0
  /** The first total stated: the count the caller had, else the first page's. */
  let stated = hint
  /** The latest total a page stated. */
  let known: number | undefined
  /** Pages up to (not including) this index are worth asking for because a full page reached it. */
  let frontier = 1
  /** Index of the first page that came back short or empty: nothing after it is asked for. */
  let end = Infinity
  let stopped: string | undefined
  let failed = false
  let next = 0

  const take = (index: number, page: Page<T>): void => {
    const skip = index * pageSize
    const total = statedTotal(page.pagination)
    if (total !== undefined) {
      known = total
      stated ??= total
    }
    const count = page.data.length
    if (count === 0) {
      end = Math.min(end, index)
      waiting.set(index, [])
      flush()
      const expected = known ?? hint ?? 0
      if (skip < expected) stopped ??= `page ${index + 1} came back empty although the total is ${expected}`
      return
    }
    let added = 0
    let highest = -Infinity
    for (const row of page.data) {
      const order = options.orderOf?.(row) ?? NaN
      if (ids.sortsBeforeForgotten(order)) {
        passedOver++
        continue
      }
      if (order > highest) highest = order
      if (ids.note(row.id, index)) added++
    }
    ids.noteHighest(index, highest)
    mostIdsHeld = Math.max(mostIdsHeld, ids.held)
    if (added === 0) throw options.repeatedPage(index + 1)
    if (stated !== undefined && skip + count > runawayBound(stated, pageSize)) {
      throw options.runaway(stated, skip + count)
    }
    waiting.set(index, selectRows(page.data, select))
    mostPagesHeld = Math.max(mostPagesHeld, waiting.size)
    flush()
    if (count < pageSize) end = Math.min(end, index + 1)
    else if (known === undefined || skip + pageSize > known) frontier = Math.max(frontier, index + 2)
  }
  const flush = (): void => {
    const from = emitted
    for (let rows = waiting.get(emitted); rows; rows = waiting.get(emitted)) {
      waiting.delete(emitted)
      const once = new Set<string>()
      for (const row of rows) {
        if (ids.pageOf(row.id) !== emitted || once.has(row.id)) continue
        once.add(row.id)
        rowsEmitted++
        emit(row)
      }
      emitted++
    }
    if (emitted === from) return
    ids.forgetBefore(emitted - REMEMBERED_PAGES)
    release()
  }
  const wanted = (): number => {
    const planned = Math.ceil((known ?? hint ?? 0) / pageSize)
    return Math.min(end, Math.max(planned, frontier))
  }

  const worker = async (): Promise<void> => {
    while (!failed && stopped === undefined && next < wanted()) {
      if (next - emitted >= readAhead) {
        // The first page not yet emitted is in flight with another worker, which releases this one.
        await new Promise<void>(resume => held.push(resume))
        continue
      }
      const index = next++
      try {
        take(index, await fetchPage(index * pageSize))
      } catch (error) {
        failed = true
        release()
        throw error
      }
    }
  }
  if (hint === undefined) {
    next = 1
    take(0, await fetchPage(0))
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker))

  if (stopped !== undefined) {
    options.debug?.(`listing stopped early: ${stopped}; keeping the ${rowsEmitted} unique rows read`)
  } else if (known !== undefined && ids.noted < known) {
    options.debug?.(`listing reported ${known} rows but only ${ids.noted} unique rows came back`)
  }
  if (passedOver > 0) {
    options.debug?.(
      `passed over ${passedOver} rows that sort before rows read already: the listing repeated them`
    )
  }
  options.debug?.(
    `read ${emitted} pages; held at most ${mostPagesHeld} pages waiting and the ids of ${mostIdsHeld} rows`
  )
  return rowsEmitted
}

function selectRows<T, R>(rows: T[], select: (row: T) => R | undefined): R[] {
  const selected: R[] = []
  for (const row of rows) {
    const kept = select(row)
    if (kept !== undefined) selected.push(kept)
  }
  return selected
}
