import type { Pagination } from './schemas.js'

export interface Page<T> {
  data: T[]
  pagination: Pagination
}

export interface ReadAllOptions {
  pageSize: number
  /** Upper bound on pages read; a listing that reports more rows than fit fails instead. */
  maxPages: number
  /** Pages in flight at once. */
  concurrency: number
  /** When known (e.g. from a count), every page is requested at once instead of after the first. */
  expectedTotal?: number
  debug?: (line: string) => void
  /** The error for a listing whose total needs more than `maxPages` pages. */
  tooManyPages: (total: number) => Error
  /** The error for a page that holds only rows already read: judging what was read would count too few. */
  repeatedPage: (page: number) => Error
}

/**
 * Reads every page of a skip/limit listing ordered for stable paging, and returns the rows once each, in
 * page order, as `select` makes them (rows it maps to `undefined` are left out). Each page is passed
 * through `select` as it arrives, so only the pages in flight are ever held whole. Pages are requested in
 * parallel until the rows reach `pagination.total`.
 *
 * A server that lies cannot make this loop or grow without bound: a page that comes back empty before
 * the total ends the reading and the rows read so far are returned (with a debug line); a page that holds
 * only rows already read (a repeated page) and a total beyond `maxPages` pages are errors.
 */
export async function readAllPages<T extends { id: string }, R extends { id: string }>(
  fetchPage: (skip: number) => Promise<Page<T>>,
  select: (row: T) => R | undefined,
  options: ReadAllOptions
): Promise<R[]> {
  const { pageSize, maxPages } = options
  const pages: R[][] = []
  const seen = new Set<string>()
  let total = options.expectedTotal && options.expectedTotal > 0 ? options.expectedTotal : undefined
  let stopped: string | undefined
  let failed = false
  let next = 0

  const take = (index: number, page: Page<T>): void => {
    const skip = index * pageSize
    total = reportedTotal(page, skip, pageSize)
    if (page.data.length === 0) {
      if (skip < total) stopped ??= `page ${index + 1} came back empty although the total is ${total}`
      return
    }
    let added = 0
    for (const row of page.data) {
      if (!seen.has(row.id)) {
        seen.add(row.id)
        added++
      }
    }
    if (added === 0) throw options.repeatedPage(index + 1)
    pages[index] = selectRows(page.data, select)
  }
  const pagesWanted = (): number => Math.ceil((total ?? 0) / pageSize)
  const checkBound = (): void => {
    if (total !== undefined && pagesWanted() > maxPages) throw options.tooManyPages(total)
  }

  if (total === undefined) {
    take(0, await fetchPage(0))
    next = 1
  }
  checkBound()

  const worker = async (): Promise<void> => {
    while (!failed && stopped === undefined && next < pagesWanted()) {
      const index = next++
      try {
        take(index, await fetchPage(index * pageSize))
        checkBound()
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker))

  const rows = uniqueInOrder(pages)
  if (stopped !== undefined) {
    options.debug?.(`listing stopped early: ${stopped}; keeping the ${rows.length} unique rows read`)
  } else if (total !== undefined && rows.length < total) {
    options.debug?.(`listing reported ${total} rows but only ${rows.length} unique rows came back`)
  }
  return rows
}

/** `pagination.total`, else `totalCount`, else a guess that asks for one more page while pages are full. */
function reportedTotal(page: Page<unknown>, skip: number, pageSize: number): number {
  const total = page.pagination.total ?? page.pagination.totalCount
  if (total !== undefined && Number.isFinite(total) && total >= 0) return total
  return page.data.length < pageSize ? skip + page.data.length : skip + page.data.length + 1
}

function selectRows<T, R>(rows: T[], select: (row: T) => R | undefined): R[] {
  const selected: R[] = []
  for (const row of rows) {
    const kept = select(row)
    if (kept !== undefined) selected.push(kept)
  }
  return selected
}

function uniqueInOrder<T extends { id: string }>(pages: T[][]): T[] {
  const ids = new Set<string>()
  const rows: T[] = []
  for (const page of pages) {
    for (const row of page ?? []) {
      if (ids.has(row.id)) continue
      ids.add(row.id)
      rows.push(row)
    }
  }
  return rows
}
