import { PASS_RATE_STATUSES, RUN_TYPES, TEST_STATUSES } from '../../../src/avido/schemas.js'
import type { TestRecord } from '../records.js'
import type { Route } from '../router.js'
import type { EmulatorState } from '../state.js'
import { isSettled, isVisible, modifiedAtOf, serializeTest, statusAt } from '../test-view.js'
import { QueryReader, notFound } from '../validation.js'
import { page, pathId, readPaging, sortBy } from './paging.js'

const lower = (values: string[] | undefined): Set<string> | undefined =>
  values === undefined ? undefined : new Set(values.map(value => value.toLowerCase()))

type TestFilter = (test: TestRecord, now: number) => boolean

/** Builds the filter once per request; applied in one pass over all tests. */
function readFilter(query: QueryReader): TestFilter {
  const statuses = query.enumList('status', TEST_STATUSES)
  const buckets = new Set(query.enumList('passRateStatuses', PASS_RATE_STATUSES, true))
  const startDate = query.dateTime('startDate')
  const endDate = query.dateTime('endDate')
  const definitionIds = lower(query.uuidList('evalDefinitionId'))
  const variantIds = lower(query.uuidList('experimentVariantId'))
  const runTypes = query.enumList('runType', RUN_TYPES)
  const taskIds = lower(query.uuidList('taskId'))
  const tagIds = query.stringList('tagId', 100)
  const statusSet = statuses && new Set<string>(statuses)
  const runTypeSet = runTypes && new Set<string>(runTypes)
  const tagSet = tagIds && new Set(tagIds)
  // Tests without a result (not settled yet) only survive when every badge is asked for.
  const keepUnrated = PASS_RATE_STATUSES.every(bucket => buckets.has(bucket))

  return (test, now) => {
    if (startDate !== undefined && test.createdAt < startDate) return false
    if (endDate !== undefined && test.createdAt > endDate) return false
    if (taskIds && !taskIds.has(test.task.id)) return false
    if (runTypeSet && !runTypeSet.has(test.run.type)) return false
    if (
      variantIds &&
      (test.run.experimentVariantId === null || !variantIds.has(test.run.experimentVariantId))
    )
      return false
    if (statusSet && !statusSet.has(statusAt(test, now))) return false
    if (test.bucket === null || !isSettled(test, now)) {
      if (!keepUnrated) return false
    } else if (!buckets.has(test.bucket)) return false
    if (definitionIds && !test.evals.some(e => definitionIds.has(e.definition.id))) return false
    if (tagSet) {
      const tags = test.task.tags
      if (!(tags.length === 0 ? tagSet.has('none') : tags.some(tag => tagSet.has(tag.id)))) return false
    }
    return true
  }
}

/**
 * The tests that match at `now`, and until when that holds: the listing only changes when a test appears,
 * starts or settles, so the pages of one listing read on a running clock share it until the next of those.
 */
function filterTests(
  all: readonly TestRecord[],
  matches: (test: TestRecord) => boolean,
  now: number,
  orderDir: 'asc' | 'desc'
): { matched: TestRecord[]; until: number } {
  const matched: TestRecord[] = []
  let until = Number.POSITIVE_INFINITY
  const take = (test: TestRecord): void => {
    for (const at of [test.createdAt, test.startedAt, test.settledAt]) if (at > now && at < until) until = at
    if (isVisible(test, now) && matches(test)) matched.push(test)
  }
  if (orderDir === 'asc') for (let i = 0; i < all.length; i++) take(all[i] as TestRecord)
  else for (let i = all.length - 1; i >= 0; i--) take(all[i] as TestRecord)
  return { matched, until }
}

export function testRoutes(state: EmulatorState): Route[] {
  let lastListing: { key: string; from: number; until: number; matched: TestRecord[] } | undefined
  return [
    {
      method: 'GET',
      pattern: '/v0/tests',
      list: true,
      handle({ query, now }) {
        const reader = new QueryReader(query)
        const { skip, limit, orderDir } = readPaging(reader)
        const orderBy = reader.enumValue('orderBy', ['createdAt', 'modifiedAt'], 'createdAt')
        const matches = readFilter(reader)
        // The pages of one listing share the filtered list while nothing changed: no test added, and none
        // appeared, started or settled since it was made.
        const { skip: _skip, limit: _limit, ...filters } = query
        const key = `${JSON.stringify(filters)}|${state.store.version}`
        const cached = lastListing
        let matched =
          cached?.key === key && now >= cached.from && now < cached.until ? cached.matched : undefined
        if (matched === undefined) {
          const all = state.store.testsByCreatedAt()
          const listing = filterTests(all, test => matches(test, now), now, orderDir)
          matched = listing.matched
          if (orderBy === 'modifiedAt')
            sortBy(
              matched,
              test => modifiedAtOf(test, now),
              orderDir,
              test => test.seq
            )
          lastListing = { key, from: now, until: listing.until, matched }
        }
        return { status: 200, body: page(matched, skip, limit, test => serializeTest(test, now, state.app)) }
      }
    },
    {
      method: 'GET',
      pattern: '/v0/tests/:id',
      handle({ params, now }) {
        const test = state.store.tests.get(pathId(params))
        if (test === undefined || !isVisible(test, now)) throw notFound('Test not found')
        return { status: 200, body: { test: serializeTest(test, now, state.app) } }
      }
    }
  ]
}
