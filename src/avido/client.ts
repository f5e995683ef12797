import type { z } from 'zod'
import { issuesText } from './describe-failure.js'
import { AvidoApiError, AvidoRequestError } from './errors.js'
import {
  createAvidoTransport,
  type AvidoTransport,
  type TransportOptions,
  type TransportStats
} from './http.js'
import { readAllPages, type Page } from './paging.js'
import {
  buildIssueQuery,
  buildRunQuery,
  buildTestQuery,
  MAX_PAGE_LIMIT,
  type IssueListParams,
  type PageParams,
  type RunListParams,
  type TestFilters
} from './query.js'
import {
  AnnotationResponseSchema,
  CreateAnnotationBodySchema,
  CreateHumanAnnotationBodySchema,
  CreateIssueBodySchema,
  CreateTaskBodySchema,
  HumanAnnotationResponseSchema,
  IssueListResponseSchema,
  IssueResponseSchema,
  RunListResponseSchema,
  RunResponseSchema,
  TaskResponseSchema,
  TestListResponseSchema,
  TestResponseSchema,
  type Annotation,
  type CreateAnnotationBody,
  type CreateHumanAnnotationBody,
  type CreateIssueBody,
  type CreateTaskBody,
  type HumanAnnotation,
  type Issue,
  type Run,
  type Task,
  type Test,
  type TestListResponse
} from './schemas.js'

export const DEFAULT_MAX_PAGES = 200
export const DEFAULT_PAGE_CONCURRENCY = 4
/** Human annotations with a false verdict need a critique of at least this many characters. */
export const MIN_FAILING_CRITIQUE = 20

export interface AvidoClientOptions extends TransportOptions {
  /** Bound on the pages `listAllTests` reads (100 tests each). */
  maxPages?: number
  /** Pages `listAllTests` keeps in flight at once. */
  pageConcurrency?: number
}

/**
 * Typed client of the Avido API (CONTRACT.md). Every call sends both auth headers, validates the answer's
 * shape, and retries transient faults within the deadline. Creating calls (POST) are never repeated after
 * a failure that may have landed: see `RequestSpec.unsafe`.
 */
export class AvidoClient {
  private readonly transport: AvidoTransport
  private readonly maxPages: number
  private readonly pageConcurrency: number
  private readonly debug?: (line: string) => void

  constructor(options: AvidoClientOptions) {
    this.transport = createAvidoTransport(options)
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
    this.pageConcurrency = options.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY
    this.debug = options.debug
  }

  get stats(): Readonly<TransportStats> {
    return this.transport.stats
  }

  /** Absolute time (epoch ms on the injected clock) past which no request or retry wait runs. */
  setDeadline(ms: number | undefined): void {
    this.transport.setDeadline(ms)
  }

  close(): Promise<void> {
    return this.transport.close()
  }

  async listTests(filters: TestFilters = {}, page: PageParams = {}): Promise<TestListResponse> {
    const query = buildTestQuery(filters, page)
    return this.transport.request({ method: 'GET', path: '/v0/tests', query, schema: TestListResponseSchema })
  }

  /** One request (`limit=1`): the number of tests matching the filters. */
  async countTests(filters: TestFilters = {}): Promise<number> {
    const { data, pagination } = await this.listTests(filters, { limit: 1 })
    return pagination.total ?? pagination.totalCount ?? data.length
  }

  /**
   * Every matching test, read 100 at a time in `createdAt asc` order (stable while new tests arrive), with
   * up to `pageConcurrency` pages in flight. See `readAllPages` for how a lying server is handled.
   */
  async listAllTests(filters: TestFilters = {}, opts: { expectedTotal?: number } = {}): Promise<Test[]> {
    return this.readTests(filters, test => test, opts)
  }

  /**
   * Like `listAllTests`, but each test is turned into what `select` makes of it as its page arrives (and
   * left out when that is `undefined`), so a large run is never held raw all at once.
   */
  async readTests<R extends { id: string }>(
    filters: TestFilters,
    select: (test: Test) => R | undefined,
    opts: { expectedTotal?: number } = {}
  ): Promise<R[]> {
    const ordered: TestFilters = { ...filters, orderBy: 'createdAt', orderDir: 'asc' }
    const fetchPage = (skip: number) => this.listTests(ordered, { skip, limit: MAX_PAGE_LIMIT })
    return readAllPages(fetchPage, select, {
      pageSize: MAX_PAGE_LIMIT,
      maxPages: this.maxPages,
      concurrency: this.pageConcurrency,
      expectedTotal: opts.expectedTotal,
      debug: this.debug && (line => this.debug?.(`avido GET /v0/tests ${line}`)),
      tooManyPages: total =>
        new AvidoApiError({
          kind: 'too-large',
          method: 'GET',
          path: '/v0/tests',
          detail: `lists ${total} tests, more than the ${this.maxPages * MAX_PAGE_LIMIT} this client reads; narrow the filters`
        }),
      repeatedPage: page =>
        new AvidoApiError({
          kind: 'schema',
          method: 'GET',
          path: '/v0/tests',
          detail: `sent page ${page} with only tests already read: the paging is inconsistent, so the run is not judged`
        })
    })
  }

  async getTest(id: string): Promise<Test> {
    const path = `/v0/tests/${pathId(id)}`
    return (await this.transport.request({ method: 'GET', path, schema: TestResponseSchema })).test
  }

  async listRuns(params: RunListParams = {}): Promise<Page<Run>> {
    const query = buildRunQuery(params)
    return this.transport.request({ method: 'GET', path: '/v0/runs', query, schema: RunListResponseSchema })
  }

  async getRun(id: string): Promise<Run> {
    const path = `/v0/runs/${pathId(id)}`
    return (await this.transport.request({ method: 'GET', path, schema: RunResponseSchema })).run
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
    const valid = validBody('/v0/issues', CreateIssueBodySchema, body)
    const path = '/v0/issues'
    return (
      await this.transport.request({
        method: 'POST',
        path,
        body: valid,
        schema: IssueResponseSchema,
        unsafe: true
      })
    ).data
  }

  async listIssues(params: IssueListParams = {}): Promise<Page<Issue>> {
    const query = buildIssueQuery(params)
    return this.transport.request({
      method: 'GET',
      path: '/v0/issues',
      query,
      schema: IssueListResponseSchema
    })
  }

  /** The first issue (newest first unless `orderDir` says otherwise) that satisfies `predicate`. */
  async findIssues(
    params: Omit<IssueListParams, 'skip' | 'limit'>,
    predicate: (issue: Issue) => boolean,
    { maxPages = 10 }: { maxPages?: number } = {}
  ): Promise<Issue | undefined> {
    for (let page = 0; page < maxPages; page++) {
      const skip = page * MAX_PAGE_LIMIT
      const { data, pagination } = await this.listIssues({ ...params, skip, limit: MAX_PAGE_LIMIT })
      const found = data.find(predicate)
      if (found) return found
      const total = pagination.total ?? pagination.totalCount
      if (data.length < MAX_PAGE_LIMIT || (total !== undefined && skip + data.length >= total))
        return undefined
    }
    return undefined
  }

  async createAnnotation(body: CreateAnnotationBody): Promise<Annotation> {
    const path = '/v0/annotations'
    const valid = validBody(path, CreateAnnotationBodySchema, body)
    const schema = AnnotationResponseSchema
    return (await this.transport.request({ method: 'POST', path, body: valid, schema, unsafe: true })).data
  }

  async createTask(body: CreateTaskBody): Promise<Task> {
    const path = '/v0/tasks'
    const valid = validBody(path, CreateTaskBodySchema, body)
    const schema = TaskResponseSchema
    return (await this.transport.request({ method: 'POST', path, body: valid, schema, unsafe: true })).task
  }

  /** Checks Avido's conditional rules first: a false verdict needs a critique, REVIEW_QUEUE a queue item. */
  async createHumanAnnotation(body: CreateHumanAnnotationBody): Promise<HumanAnnotation> {
    const path = '/v0/human-annotations'
    const valid = validBody(path, CreateHumanAnnotationBodySchema, body)
    if (!valid.verdict && (valid.critique ?? '').trim().length < MIN_FAILING_CRITIQUE) {
      throw invalid(path, `critique: needs at least ${MIN_FAILING_CRITIQUE} characters when verdict is false`)
    }
    const fromQueue = valid.source === 'REVIEW_QUEUE'
    if (fromQueue !== (valid.queueItemId !== undefined)) {
      throw invalid(
        path,
        fromQueue
          ? 'queueItemId: required when source is REVIEW_QUEUE'
          : 'queueItemId: only allowed with source REVIEW_QUEUE'
      )
    }
    const schema = HumanAnnotationResponseSchema
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

function pathId(id: string): string {
  if (id.trim() === '' || id === '.' || id === '..') throw new AvidoRequestError(`Invalid Avido id: "${id}"`)
  return encodeURIComponent(id)
}
