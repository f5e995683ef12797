// Query strings for Avido list endpoints: arrays comma-joined, date-times in UTC
// ending in `Z`, `skip` ≥ 0 and 1 ≤ `limit` ≤ 100. Pure.

import { AvidoRequestError } from './errors.js'
import {
  PASS_RATE_STATUSES,
  type IssuePriority,
  type PassRateStatus,
  type RunType,
  type TestStatus
} from './schemas.js'

export interface TestFilters {
  status?: TestStatus[]
  startDate?: string | Date
  endDate?: string | Date
  passRateStatuses?: PassRateStatus[]
  evalDefinitionId?: string[]
  experimentVariantId?: string[]
  runType?: RunType[]
  taskId?: string[]
  tagId?: string[]
  orderBy?: 'createdAt' | 'modifiedAt'
  orderDir?: 'asc' | 'desc'
}

export interface PageParams {
  skip?: number
  limit?: number
}

export interface IssueListParams extends PageParams {
  status?: 'OPEN' | 'RESOLVED' | 'REJECTED'
  source?: 'TEST' | 'TASK' | 'TOPIC' | 'SYSTEM' | 'MONITORING' | 'API'
  priority?: IssuePriority
  type?: 'BUG' | 'HUMAN_ANNOTATION' | 'SUGGESTED_TASK' | 'USER_SIGNAL'
  orderBy?: 'createdAt' | 'modifiedAt'
  orderDir?: 'asc' | 'desc'
}

export const MAX_PAGE_LIMIT = 100

/** The date-time pattern of the Avido spec: calendar-valid, seconds and fraction optional, `Z` required. */
export const UTC_DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z))$/

/** A Date becomes `toISOString()`; a string must already be UTC with `Z` (offsets are refused by Avido). */
export function toUtcDateTime(value: string | Date, name: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new AvidoRequestError(`${name} is an invalid Date`)
    return value.toISOString()
  }
  if (!UTC_DATE_TIME_PATTERN.test(value)) {
    throw new AvidoRequestError(
      `${name} must be a UTC date-time ending in Z, like 2024-01-01T00:00:00.000Z (got "${value}")`
    )
  }
  return value
}

export function buildTestQuery(filters: TestFilters, page: PageParams = {}): URLSearchParams {
  const query = new URLSearchParams()
  setPage(query, page)
  setOrder(query, filters.orderBy, filters.orderDir)
  setList(query, 'status', filters.status)
  setDate(query, 'startDate', filters.startDate)
  setDate(query, 'endDate', filters.endDate)
  // Required by the spec; an absent or empty filter means every badge.
  const badges = filters.passRateStatuses?.length ? filters.passRateStatuses : PASS_RATE_STATUSES
  setList(query, 'passRateStatuses', badges)
  setList(query, 'evalDefinitionId', filters.evalDefinitionId)
  setList(query, 'experimentVariantId', filters.experimentVariantId)
  setList(query, 'runType', filters.runType)
  setList(query, 'taskId', filters.taskId)
  setList(query, 'tagId', filters.tagId)
  return query
}

export function buildIssueQuery(params: IssueListParams = {}): URLSearchParams {
  const query = new URLSearchParams()
  setPage(query, params)
  setOrder(query, params.orderBy, params.orderDir)
  for (const name of ['status', 'source', 'priority', 'type'] as const) {
    const value = params[name]
    if (value !== undefined) query.set(name, value)
  }
  return query
}

function setPage(query: URLSearchParams, page: PageParams): void {
  if (page.skip !== undefined) {
    if (!Number.isSafeInteger(page.skip) || page.skip < 0) {
      throw new AvidoRequestError(`skip must be a whole number ≥ 0 (got ${page.skip})`)
    }
    query.set('skip', String(page.skip))
  }
  if (page.limit !== undefined) {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_LIMIT) {
      throw new AvidoRequestError(
        `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT} (got ${page.limit})`
      )
    }
    query.set('limit', String(page.limit))
  }
}

function setOrder(query: URLSearchParams, orderBy: string | undefined, orderDir: string | undefined): void {
  if (orderBy !== undefined) query.set('orderBy', orderBy)
  if (orderDir !== undefined) query.set('orderDir', orderDir)
}

function setDate(query: URLSearchParams, name: string, value: string | Date | undefined): void {
  if (value !== undefined) query.set(name, toUtcDateTime(value, name))
}

function setList(query: URLSearchParams, name: string, values: readonly string[] | undefined): void {
  if (!values?.length) return
  for (const value of values) {
    if (value === '' || value.includes(',')) {
      throw new AvidoRequestError(`${name} values must be non-empty and free of commas (got "${value}")`)
    }
  }
  query.set(name, values.join(','))
}
