import type { Eval, Run, Test, TestResult, TestStatus } from '../../src/avido/schemas.js'
import { outcomeOf } from './eval-content.js'
import type { EvalDefinitionRecord, EvalRecord, RunRecord, TestRecord } from './records.js'

// What a test or run looks like at a given moment of the emulator clock: status, result and modifiedAt are
// derived from the timeline when a request arrives, never stored.

export interface AppIdentity {
  applicationId: string
  orgId: string
}

export const iso = (ms: number): string => new Date(ms).toISOString()

export const isVisible = (test: TestRecord, now: number): boolean => test.createdAt <= now
export const isSettled = (test: TestRecord, now: number): boolean => now >= test.settledAt

export function statusAt(test: TestRecord, now: number): TestStatus {
  if (now < test.startedAt) return 'PENDING'
  if (now < test.settledAt) return 'IN_PROGRESS'
  return test.finalStatus
}

export function modifiedAtOf(test: TestRecord, now: number): number {
  if (now >= test.settledAt) return test.settledAt
  if (now >= test.startedAt) return test.startedAt
  return test.createdAt
}

function averageScore(scores: (number | null)[]): number | null {
  const present = scores.filter((score): score is number => score !== null)
  if (present.length === 0) return null
  return Math.round((present.reduce((sum, s) => sum + s, 0) / present.length) * 1000) / 1000
}

export function resultAt(test: TestRecord, now: number): TestResult | null {
  if (!isSettled(test, now) || test.counts === null) return null
  return { ...test.counts, averageScore: averageScore(test.evals.map(e => outcomeOf(e, test.task).score)) }
}

export function serializeDefinition(definition: EvalDefinitionRecord) {
  const createdAt = iso(definition.createdAt)
  return {
    id: definition.id,
    name: definition.name,
    type: definition.type,
    createdAt,
    modifiedAt: createdAt,
    globalConfig: definition.globalConfig ?? null,
    styleGuideId: definition.styleGuideId ?? null
  }
}

function serializeEval(
  test: TestRecord,
  evalRecord: EvalRecord,
  status: TestStatus,
  modifiedAt: string,
  app: AppIdentity
): Eval & { orgId: string; createdAt: string; modifiedAt: string } {
  const settled = status === 'COMPLETED' || status === 'FAILED'
  const outcome = settled ? outcomeOf(evalRecord, test.task) : null
  return {
    id: evalRecord.id,
    orgId: app.orgId,
    createdAt: iso(test.createdAt),
    modifiedAt,
    status: settled ? evalRecord.status : status,
    definition: serializeDefinition(evalRecord.definition),
    passed: settled ? evalRecord.passed : null,
    score: outcome?.score ?? null,
    results: outcome?.results ?? null
  }
}

export function serializeTest(test: TestRecord, now: number, app: AppIdentity): Test {
  const status = statusAt(test, now)
  const modifiedAt = iso(modifiedAtOf(test, now))
  return {
    id: test.id,
    applicationId: app.applicationId,
    createdAt: iso(test.createdAt),
    modifiedAt,
    status,
    evals: test.evals.map(e => serializeEval(test, e, status, modifiedAt, app)),
    taskId: test.task.id,
    runId: test.run.id,
    runType: test.run.type,
    task: { id: test.task.id, title: test.task.title, topicId: test.task.topicId },
    result: resultAt(test, now),
    traceId: test.traceId
  }
}

export const isRunVisible = (run: RunRecord, now: number): boolean => run.createdAt <= now

export function runModifiedAt(run: RunRecord, now: number): number {
  let latest = run.createdAt
  for (const test of run.tests) if (isVisible(test, now)) latest = Math.max(latest, modifiedAtOf(test, now))
  return latest
}

type RunResult = NonNullable<Run['result']>
type EvalTally = {
  id: string
  name: string
  type: string
  passed: number
  total: number
  scores: (number | null)[]
}

/** The run's result over its visible tests; null while any of them is unsettled (or there are none). */
export function runResultAt(run: RunRecord, now: number): RunResult | null {
  const tests = run.tests.filter(test => isVisible(test, now))
  if (tests.length === 0 || tests.some(test => !isSettled(test, now))) return null
  const tallies = new Map<string, EvalTally>()
  let passed = 0
  let total = 0
  const scores: (number | null)[] = []
  for (const test of tests) {
    for (const evalRecord of test.evals) {
      const { definition } = evalRecord
      const score = outcomeOf(evalRecord, test.task).score
      let tally = tallies.get(definition.id)
      if (tally === undefined) {
        tally = {
          id: definition.id,
          name: definition.name,
          type: definition.type,
          passed: 0,
          total: 0,
          scores: []
        }
        tallies.set(definition.id, tally)
      }
      const ok = evalRecord.passed === true ? 1 : 0
      tally.passed += ok
      tally.total += 1
      tally.scores.push(score)
      passed += ok
      total += 1
      scores.push(score)
    }
  }
  const rate = (p: number, t: number): number => (t === 0 ? 0 : (p / t) * 100)
  return {
    passed,
    failed: total - passed,
    total,
    passRate: rate(passed, total),
    averageScore: averageScore(scores),
    evals: [...tallies.values()].map(t => ({
      id: t.id,
      name: t.name,
      type: t.type,
      passed: t.passed,
      failed: t.total - t.passed,
      total: t.total,
      passRate: rate(t.passed, t.total),
      averageScore: averageScore(t.scores)
    }))
  }
}

export function serializeRun(run: RunRecord, now: number, app: AppIdentity): Run {
  return {
    id: run.id,
    applicationId: app.applicationId,
    createdAt: iso(run.createdAt),
    modifiedAt: iso(runModifiedAt(run, now)),
    type: run.type,
    experimentVariantId: run.experimentVariantId,
    result: runResultAt(run, now)
  }
}
