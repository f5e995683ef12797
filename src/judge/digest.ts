import { formatScore } from '../shared/format.js'
import { normalizeText } from '../shared/text.js'
import { createdMs } from './aggregate.js'
import type { EvalOutcome, JudgedTest } from './types.js'

// What the report shows about single tests, kept while the tests stream past: counts per task and per eval
// definition, the first few pending tests and failing evals, and a bounded set of reasons per failing
// group. Its size depends on the number of tasks and eval definitions, never on the number of tests.

/** Pending tests listed by name; the rest are counted. */
export const MAX_PENDING_KEPT = 20
/** Failing evals the Avido issue lists; the rest are counted. */
export const MAX_FAILING_EVALS_KEPT = 30
/**
 * Distinct reasons counted per failing group. Ranking every distinct reason by frequency would need all of
 * them; past this many, further new reasons are not counted, only noted (`moreReasons`).
 */
export const MAX_REASONS_KEPT = 50

/** Where an eval stands in the run read oldest first: its test's creation time and id, then its place. */
export type Position = readonly [createdAt: string, testId: string, evalIndex: number]

export interface PendingTest {
  id: string
  taskId: string
  taskTitle: string
  status: JudgedTest['status']
}

export interface FailingEvalLine {
  taskTitle: string
  name: string
  type: string
  score: number | null
  explanation: string
}

export interface ReasonTally {
  count: number
  /** The first occurrence, in the order of the run read oldest first (frequency ties go to the first seen). */
  first: Position
}

export interface DefinitionTally {
  id: string
  /** Name and type of its first failing eval (oldest first). */
  name: string
  type: string
  nameAt?: Position
  /** The task's settled, not errored tests that ran it. */
  ran: number
  /** Of those, the tests where it failed. */
  failed: number
  reasons: Map<string, ReasonTally>
  /** True when more distinct reasons came than `MAX_REASONS_KEPT`. */
  moreReasons: boolean
}

export interface TaskDigest {
  taskId: string
  /** The title of the task's first test read. */
  firstTitle: string
  errored: number
  pending: number
  settled: number
  /** The title of its oldest settled test, and where that test stands. */
  settledTitle: string
  settledAt?: Position
  /** The failed evals the errored tests count as (at least one each). */
  countedEvals: number
  definitions: Map<string, DefinitionTally>
}

export interface RunDigest {
  /** Every task, in the order its first test was read. */
  tasks: Map<string, TaskDigest>
  /** The first pending tests read, at most `MAX_PENDING_KEPT`. */
  firstPending: PendingTest[]
  /** The first failing evals read (any eval not passed), at most `MAX_FAILING_EVALS_KEPT`. */
  failingEvals: FailingEvalLine[]
  failingEvalCount: number
}

export function emptyDigest(): RunDigest {
  return { tasks: new Map(), firstPending: [], failingEvals: [], failingEvalCount: 0 }
}

/** Earlier in the run read oldest first (by creation time, then test id, then the eval's place). */
export function isBefore(a: Position, b: Position | undefined): boolean {
  return comesBefore(a[0], a[1], a[2], b)
}

/** `isBefore` for a place given by its parts, so that none is made for a test that comes later. */
function comesBefore(createdAt: string, testId: string, evalIndex: number, b: Position | undefined) {
  if (!b) return true
  const byTime = createdMs(createdAt) - createdMs(b[0])
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime < 0
  if (testId !== b[1]) return testId < b[1]
  return evalIndex < b[2]
}

/** Why an eval failed, as the reader should see it: its explanation, else that it errored, else its score. */
export function reasonOf(e: EvalOutcome): string {
  const explanation = normalizeText(e.explanation)
  if (explanation) return explanation
  if (e.status === 'FAILED') return 'the eval errored in Avido'
  const score = formatScore(e.score)
  return score ? `score ${score}` : ''
}

const settledEval = (status: string) => status !== 'PENDING' && status !== 'IN_PROGRESS'

function taskOf(digest: RunDigest, test: JudgedTest): TaskDigest {
  let task = digest.tasks.get(test.taskId)
  if (!task) {
    task = {
      taskId: test.taskId,
      firstTitle: test.taskTitle,
      errored: 0,
      pending: 0,
      settled: 0,
      settledTitle: test.taskTitle,
      countedEvals: 0,
      definitions: new Map()
    }
    digest.tasks.set(test.taskId, task)
  }
  return task
}

function definitionOf(task: TaskDigest, e: EvalOutcome): DefinitionTally {
  let tally = task.definitions.get(e.definitionId)
  if (!tally) {
    tally = {
      id: e.definitionId,
      name: e.name,
      type: e.type,
      ran: 0,
      failed: 0,
      reasons: new Map(),
      moreReasons: false
    }
    task.definitions.set(e.definitionId, tally)
  }
  return tally
}

function addReason(tally: DefinitionTally, reason: string, at: Position): void {
  const known = tally.reasons.get(reason)
  if (known) {
    known.count += 1
    if (isBefore(at, known.first)) known.first = at
  } else if (tally.reasons.size < MAX_REASONS_KEPT) tally.reasons.set(reason, { count: 1, first: at })
  else tally.moreReasons = true
}

/**
 * The definitions a test ran and failed, gathered again for each test (a test has a few evals) in lists that
 * are reused: only their first `count` entries stand for the test at hand.
 */
const ranByTest: DefinitionTally[] = []
const failedByTest: DefinitionTally[] = []

/** Puts `tally` among the first `count` of `list` unless it is there already; the new count. */
function gather(list: DefinitionTally[], count: number, tally: DefinitionTally): number {
  for (let index = 0; index < count; index++) if (list[index] === tally) return count
  list[count] = tally
  return count + 1
}

/** Adds one judged test (each test once; tests may come in any order). */
export function addToDigest(digest: RunDigest, test: JudgedTest): void {
  const task = taskOf(digest, test)
  for (const e of test.evals) {
    if (e.passed) continue
    digest.failingEvalCount += 1
    if (digest.failingEvals.length < MAX_FAILING_EVALS_KEPT) {
      const { name, type, score, explanation } = e
      digest.failingEvals.push({ taskTitle: test.taskTitle, name, type, score, explanation })
    }
  }
  if (test.pending) {
    task.pending += 1
    if (digest.firstPending.length < MAX_PENDING_KEPT) {
      const { id, taskId, taskTitle, status } = test
      digest.firstPending.push({ id, taskId, taskTitle, status })
    }
    return
  }
  task.settled += 1
  if (comesBefore(test.createdAt, test.id, -1, task.settledAt)) {
    task.settledAt = [test.createdAt, test.id, -1]
    task.settledTitle = test.taskTitle
  }
  if (test.errored) {
    task.errored += 1
    task.countedEvals += test.total
    return
  }
  let ran = 0
  let failed = 0
  for (let index = 0; index < test.evals.length; index++) {
    const e = test.evals[index]!
    const tally = definitionOf(task, e)
    ran = gather(ranByTest, ran, tally)
    if (e.passed || !settledEval(e.status)) continue
    failed = gather(failedByTest, failed, tally)
    const reason = reasonOf(e)
    const earliest = comesBefore(test.createdAt, test.id, index, tally.nameAt)
    if (!earliest && !reason) continue
    const at: Position = [test.createdAt, test.id, index]
    if (earliest) {
      tally.nameAt = at
      tally.name = e.name
      tally.type = e.type
    }
    if (reason) addReason(tally, reason, at)
  }
  for (let index = 0; index < ran; index++) ranByTest[index]!.ran += 1
  for (let index = 0; index < failed; index++) failedByTest[index]!.failed += 1
}

/** How many things the digest holds: the measure of its memory, for tests. */
export function digestSize(digest: RunDigest): number {
  let size = digest.firstPending.length + digest.failingEvals.length
  for (const task of digest.tasks.values()) {
    size += 1
    for (const tally of task.definitions.values()) size += 1 + tally.reasons.size
  }
  return size
}
