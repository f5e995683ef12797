import { AvidoApiError } from '../avido/errors.js'
import type { TestFilters } from '../avido/query.js'
import { isRetryableStatus } from '../avido/retry.js'
import type { Test } from '../avido/schemas.js'
import { inScope, type Scope } from '../judge/scope.js'
import type { JudgedTest } from '../judge/types.js'

export interface TestReader {
  countTests(filters: TestFilters): Promise<number>
  forEachTest<R extends { id: string }>(
    filters: TestFilters,
    select: (test: Test) => R | undefined,
    emit: (row: R) => void,
    opts?: { expectedTotal?: number }
  ): Promise<number>
}

/** Judges one test as its page arrives, so a large run is never held raw all at once. */
export type TestJudge = (test: Test) => JudgedTest

/** Where one reading of the tests in scope goes, test by test; it keeps what it needs of them. */
export interface TestSink {
  add(test: JudgedTest): void
  /** Tests added. */
  readonly count: number
  /** Of those, tests still pending or in progress. */
  readonly pending: number
}

/** A sink that keeps every test: for small runs and tests. */
export function arraySink(): TestSink & { tests: JudgedTest[] } {
  const tests: JudgedTest[] = []
  let pending = 0
  return {
    tests,
    add: test => {
      tests.push(test)
      if (test.pending) pending++
    },
    get count() {
      return tests.length
    },
    get pending() {
      return pending
    }
  }
}

export interface PollProgress {
  poll: number
  matched: number
  settled: number
  pending: number
  /** Set when this poll failed with a transient fault and the loop goes on. */
  fault?: string
}

export interface WaitParams<S extends TestSink> {
  scope: Scope
  judge: TestJudge
  /** A fresh sink for each reading of the tests; the last one is the result. */
  newSink: () => S
  minTests: number
  pollIntervalMs: number
  /** Absolute time (on `now`) after which no new poll starts. */
  deadline: number
  now: () => number
  sleep: (ms: number) => Promise<void>
  onPoll?: (progress: PollProgress) => void | Promise<void>
  /** Runs the read of every page once the counts say the run has settled (e.g. with more time for it). */
  whileReading?: <T>(read: () => Promise<T>) => Promise<T>
}

export interface WaitResult<S extends TestSink> {
  outcome: 'settled' | 'timeout'
  /** Every test in scope as last read, judged: all of them settled when the outcome is `settled`. */
  tests: S
  polls: number
  /** Set when the last poll got no answer: the run's state is unknown, and reading again would wait again. */
  lastError?: unknown
}

interface Measurement<S> {
  matched: number
  unsettled: number
  /** Present when the poll had to read every test (run ids are matched client-side). */
  tests?: S
}

const UNSETTLED: TestFilters['status'] = ['PENDING', 'IN_PROGRESS']

/**
 * Polls until at least `minTests` tests match and none is pending. Without run ids a poll is two
 * count requests (`limit=1`), whatever the number of tests; the pages are read once, when the counts say
 * the run has settled.
 */
export async function waitForRun<S extends TestSink>(
  reader: TestReader,
  params: WaitParams<S>
): Promise<WaitResult<S>> {
  const { scope } = params
  const readAll = (expectedTotal?: number): Promise<S> =>
    readScope(reader, scope, params.judge, params.newSink(), expectedTotal)

  const measure = async (): Promise<Measurement<S>> => {
    if (scope.runIds.size > 0) {
      const tests = await readAll()
      return { matched: tests.count, unsettled: tests.pending, tests }
    }
    const [matched, unsettled] = await Promise.all([
      reader.countTests(scope.filters),
      reader.countTests({ ...scope.filters, status: UNSETTLED })
    ])
    return { matched, unsettled }
  }

  let polls = 0
  let lastTests: S | undefined
  let lastError: unknown
  for (;;) {
    polls++
    let measurement: Measurement<S> | undefined
    const timeLeft = params.deadline - params.now()
    lastError = undefined
    try {
      measurement = await measure()
    } catch (error) {
      if (!isDeadline(error) && !isTransient(error)) throw error
      // A poll begun moments before the deadline says nothing about Avido; one that had time to be answered does.
      lastError = isDeadline(error) && timeLeft < params.pollIntervalMs ? undefined : error
      if (isDeadline(error)) break
      await params.onPoll?.({ poll: polls, matched: 0, settled: 0, pending: 0, fault: describe(error) })
    }

    if (measurement) {
      const { matched, unsettled } = measurement
      await params.onPoll?.({ poll: polls, matched, settled: matched - unsettled, pending: unsettled })
      lastTests = measurement.tests
      if (matched >= params.minTests && unsettled === 0) {
        const whileReading = params.whileReading ?? (read => read())
        const tests = measurement.tests ?? (await whileReading(() => readAll(matched)))
        // A test created between the counts and the read is still running: keep waiting for it.
        if (tests.count >= params.minTests && tests.pending === 0) {
          return { outcome: 'settled', tests, polls }
        }
        lastTests = tests
      }
    }

    const remaining = params.deadline - params.now()
    if (remaining <= 0) break
    await params.sleep(Math.min(params.pollIntervalMs, remaining))
    // A poll at the deadline could not be sent; it would only hide how the last one went.
    if (params.now() >= params.deadline) break
  }
  return {
    outcome: 'timeout',
    tests: lastTests ?? params.newSink(),
    polls,
    ...(lastError ? { lastError } : {})
  }
}

/**
 * Every test in scope, judged page by page. After a timeout the caller reads what there is this way, to
 * judge it or to list what is still pending.
 */
export async function readScope<S extends TestSink>(
  reader: TestReader,
  scope: Scope,
  judge: TestJudge,
  sink: S,
  expectedTotal?: number
): Promise<S> {
  const select = (test: Test) => (inScope(test, scope) ? judge(test) : undefined)
  await reader.forEachTest(scope.filters, select, test => sink.add(test), { expectedTotal })
  return sink
}

function isDeadline(error: unknown): boolean {
  return error instanceof AvidoApiError && error.kind === 'deadline'
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof AvidoApiError)) return false
  if (error.kind === 'network' || error.kind === 'timeout') return true
  return error.kind === 'http' && error.status !== undefined && isRetryableStatus(error.status)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
