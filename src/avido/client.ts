import type { z } from 'zod'
import { issuesText } from './describe-failure.js'
import { AvidoApiError, AvidoRequestError } from './errors.js'
import { createAvidoTransport, type AvidoTransport, type TransportOptions } from './http.js'
import { forEachRow, statedTotal, type Page } from './paging.js'
import {
  buildIssueQuery,
  buildTestQuery,
  MAX_PAGE_LIMIT,
  type IssueListParams,
  type PageParams,
  type TestFilters
} from './query.js'
import {
  AnnotationResponseSchema,
  CreateAnnotationBodySchema,
  CreateIssueBodySchema,
  IssueListResponseSchema,
  IssueResponseSchema,
  TestListResponseSchema,
  type Annotation,
  type CreateAnnotationBody,
  type CreateIssueBody,
  type Issue,
  type Test,
  type TestListResponse
} from './schemas.js'

export const DEFAULT_PAGE_CONCURRENCY = 4

export interface AvidoClientOptions extends TransportOptions {
  /** Pages `readTests` keeps in flight at once. */
  pageConcurrency?: number
}

/**
 * Typed client of the Avido API. Every call sends both auth headers, validates the answer's shape, and
 * retries transient faults within the deadline. Creating calls (POST) are never repeated after a failure
 * that may have landed: see `RequestSpec.unsafe`.
 */
export class AvidoClient {
  private readonly transport: AvidoTransport
  private readonly pageConcurrency: number
  private readonly debug?: (line: string) => void

  constructor(options: AvidoClientOptions) {
    this.transport = createAvidoTransport(options)
    this.pageConcurrency = options.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY
    this.debug = options.debug
  }

  /** Absolute time (epoch ms on the injected clock) past which no request or retry wait runs. */
  setDeadline(ms: number | undefined): void {
    this.transport.setDeadline(ms)
  }

  close(): Promise<void> {
    return this.transport.close()
  }

  private async listTests(filters: TestFilters = {}, page: PageParams = {}): Promise<TestListResponse> {
    const query = buildTestQuery(filters, page)
    return this.transport.request({ method: 'GET', path: '/v0/tests', query, schema: TestListResponseSchema })
  }

  /**
   * The number of tests matching the filters: one request (`limit=1`) when Avido states a total, else the
   * tests are paged through and counted.
   */
  async countTests(filters: TestFilters = {}): Promise<number> {
    const first = await this.listTests(filters, { limit: 1 })
    const total = statedTotal(first.pagination)
    if (total !== undefined) return total
    if (first.data.length === 0) return 0
    return this.forEachTest(
      filters,
      test => test,
      () => undefined
    )
  }

  /**
   * Every matching test, read 100 at a time in `createdAt asc` order (stable while new tests arrive) with up
   * to `pageConcurrency` pages in flight, each turned into what `select` makes of it as its page arrives (and
   * left out when that is `undefined`), so a large run is never held raw all at once. Any number of tests is
   * read, within the deadline; see `forEachRow` for how a lying server is stopped.
   */
  async readTests<R extends { id: string }>(
    filters: TestFilters,
    select: (test: Test) => R | undefined,
    opts: { expectedTotal?: number } = {}
  ): Promise<R[]> {
    const rows: R[] = []
    await this.forEachTest(filters, select, row => void rows.push(row), opts)
    return rows
  }

  /**
   * `readTests` without keeping what `select` makes: each is handed to `emit` once, in the listing's order,
   * as soon as the pages before its own have arrived. Resolves to how many were emitted.
   */
  forEachTest<R extends { id: string }>(
    filters: TestFilters,
    select: (test: Test) => R | undefined,
    emit: (row: R) => void,
    opts: { expectedTotal?: number } = {}
  ): Promise<number> {
    const ordered: TestFilters = { ...filters, orderBy: 'createdAt', orderDir: 'asc' }
    const fetchPage = (skip: number) => this.listTests(ordered, { skip, limit: MAX_PAGE_LIMIT })
    const listingError = (detail: string) =>
      new AvidoApiError({ kind: 'schema', method: 'GET', path: '/v0/tests', detail })
    return forEachRow(fetchPage, select, emit, {
      pageSize: MAX_PAGE_LIMIT,
      orderOf: test => Date.parse(test.createdAt),
      concurrency: this.pageConcurrency,
      expectedTotal: opts.expectedTotal,
      debug: this.debug && (line => this.debug?.(`avido GET /v0/tests ${line}`)),
      runaway: (stated, sent) =>
        listingError(
          `kept sending new tests past the ${stated} it stated (${sent} so far): the paging is inconsistent, so the run is not judged`
        ),
      repeatedPage: page =>
        listingError(
          `sent page ${page} with only tests already read: the paging is inconsistent, so the run is not judged`
        )
    })
  }

  /** Starts the tasks' tests. Avido answers 204 with no run or test id. */
  async triggerTasks(taskIds: string[]): Promise<void> {
    if (taskIds.length === 0 || taskIds.some(id => id.trim() === '')) {
      throw new AvidoRequestError('Avido POST /v0/tasks/trigger needs at least one non-empty task id')
    }
    const body = { taskIds }
    await this.transport.request({
      method: 'POST',
      path: '/v0/tasks/trigger',
      body,
      schema: null,
      unsafe: true
    })
  }

  async createIssue(body: CreateIssueBody): Promise<Issue> {
    const path = '/v0/issues'
    const valid = validBody(path, CreateIssueBodySchema, body)
    const schema = IssueResponseSchema
    return (await this.transport.request({ method: 'POST', path, body: valid, schema, unsafe: true })).data
  }

  /** One page of issues; `findOpenIssue` searches them all. */
  async listIssues(params: IssueListParams = {}): Promise<Page<Issue>> {
    const query = buildIssueQuery(params)
    return this.transport.request({
      method: 'GET',
      path: '/v0/issues',
      query,
      schema: IssueListResponseSchema
    })
  }

  async createAnnotation(body: CreateAnnotationBody): Promise<Annotation> {
    const path = '/v0/annotations'
    const valid = validBody(path, CreateAnnotationBodySchema, body)
    const schema = AnnotationResponseSchema
    return (await this.transport.request({ method: 'POST', path, body: valid, schema, unsafe: true })).data
  }
}

function validBody<T>(path: string, schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body, { reportInput: true })
  if (!parsed.success) throw invalid(path, issuesText(parsed.error.issues))
  return parsed.data
}

function invalid(path: string, problem: string): AvidoRequestError {
  return new AvidoRequestError(`Avido POST ${path} was not sent: the request body is invalid: ${problem}`)
}
