import type { Test } from '../avido/schemas.js'
import type { Baseline, MeasuredScope } from '../judge/baseline.js'
import { countsByDefinition } from '../judge/aggregate.js'
import { judgeTest } from '../judge/judge.js'
import type { Scope } from '../judge/scope.js'
import { baselineFromRecord, decodeRecord } from '../render/record.js'
import { formatTimestamp, shortSha } from '../shared/format.js'
import { addTest, emptySums, type RateSums } from '../stats/index.js'
import type { GateDeps } from './deps.js'
import { describeFault } from './outcome.js'
import { thresholdsOf } from './waiting.js'

/** First-parent ancestors of the base commit tried for a record, the base itself included. */
export const MAX_BASE_COMMITS = 20

/** The filters this run is measured with, as a record stores them. */
export function measuredScope(config: GateDeps['config']): MeasuredScope {
  return {
    taskIds: config.taskIds,
    evalDefinitionIds: config.evalDefinitionIds,
    experimentVariantIds: config.experimentVariantIds,
    runTypes: config.runTypes
  }
}

export interface BaselineLookup {
  baseline?: Baseline
  /** Why no baseline could be read, for one warning once the run is judged (not when the gate stops before). */
  problem?: string
}

/**
 * The baseline the run is compared with (`baseline` input): the record on the base commit or its nearest
 * first-parent ancestor, else Avido's latest scheduled runs of the same tasks. Looked up while the run is
 * waited for. It never throws: a baseline that cannot be read is a problem to warn about, and the run is
 * judged alone.
 */
export async function findBaseline(deps: GateDeps, scope: Scope): Promise<BaselineLookup> {
  const { config } = deps
  if (config.baseline === 'none') return {}
  try {
    if (config.baseline !== 'scheduled') {
      const recorded = await recordOnBaseCommit(deps)
      if (recorded || config.baseline === 'base-commit') return { baseline: recorded }
    }
    return { baseline: await scheduledBaseline(deps, scope) }
  } catch (error) {
    return {
      problem: `Could not read the baseline to compare with (${describeFault(error)}); the run is judged without one.`
    }
  }
}

async function recordOnBaseCommit(deps: GateDeps): Promise<Baseline | undefined> {
  const { github, context, config, log } = deps
  if (!github) return undefined
  if (!context.baseSha) {
    log.info(`No base commit for this ${context.eventName} event to compare with.`)
    return undefined
  }
  const recordOn = async (sha: string) => {
    for (const run of await github.checkRunsOn(sha, config.statusContext)) {
      if (run.status !== 'completed') continue
      const record = decodeRecord(run.output.text, config.commentKey)
      if (record) return baselineFromRecord({ ...record, sha })
    }
    return undefined
  }
  const onBase = await recordOn(context.baseSha)
  if (onBase) return found(deps, onBase, 'the base commit')
  const history = await github.history(context.baseSha, MAX_BASE_COMMITS)
  for (const [back, commit] of history.slice(1, MAX_BASE_COMMITS).entries()) {
    const record = await recordOn(commit.sha)
    if (record) return found(deps, record, `${back + 1} commit(s) before the base commit`)
  }
  log.info(
    `No recorded result of this gate on the base commit ${shortSha(context.baseSha)} or the ${MAX_BASE_COMMITS - 1} commits before it.`
  )
  return undefined
}

function found(deps: GateDeps, baseline: Baseline, where: string): Baseline {
  deps.log.info(
    `Baseline: the gate's record on ${shortSha(baseline.sha ?? '')} (${where}), measured ${formatTimestamp(baseline.measuredAt) || baseline.measuredAt}.`
  )
  return baseline
}

interface ScheduledTest {
  id: string
  taskId: string
  runId: string
  createdAt: string
  passed: number
  total: number
  definitions: { id: string; passed: number; total: number }[]
}

/** The settled tests of the newest scheduled or monitoring run of each task, before the window opened. */
async function scheduledBaseline(deps: GateDeps, scope: Scope): Promise<Baseline | undefined> {
  const { config, log, avido } = deps
  const end = Date.parse(scope.windowStart)
  const start = new Date(end - config.baselineMaxAgeMs).toISOString()
  const thresholds = thresholdsOf(config)
  const select = (test: Test): ScheduledTest | undefined => {
    if (test.status !== 'COMPLETED' && test.status !== 'FAILED') return undefined
    if (Date.parse(test.createdAt) >= end) return undefined
    const judged = judgeTest(test, thresholds)
    // Only what the sums need is kept: a week of monitoring can be many tests.
    const { id, taskId, runId, createdAt, passed, total } = judged
    return { id, taskId, runId, createdAt, passed, total, definitions: countsByDefinition(judged) }
  }
  const tests = await avido.readTests(
    {
      ...scope.filters,
      runType: ['SCHEDULED', 'MONITORING'],
      startDate: start,
      endDate: scope.windowStart
    },
    select
  )
  // Per task, the newest run that ran it.
  const newestRun = new Map<string, { runId: string; at: string }>()
  for (const test of tests) {
    const newest = newestRun.get(test.taskId)
    if (!newest || test.createdAt > newest.at)
      newestRun.set(test.taskId, { runId: test.runId, at: test.createdAt })
  }
  const tasks = new Map<string, RateSums>()
  const evalDefinitions = new Map<string, RateSums>()
  let overall = emptySums()
  let measuredAt = ''
  const runIds = new Set<string>()
  for (const test of tests) {
    if (newestRun.get(test.taskId)?.runId !== test.runId || test.total === 0) continue
    runIds.add(test.runId)
    if (test.createdAt > measuredAt) measuredAt = test.createdAt
    overall = addTest(overall, test.passed, test.total)
    tasks.set(test.taskId, addTest(tasks.get(test.taskId) ?? emptySums(), test.passed, test.total))
    for (const d of test.definitions) {
      evalDefinitions.set(d.id, addTest(evalDefinitions.get(d.id) ?? emptySums(), d.passed, d.total))
    }
  }
  if (tasks.size === 0) {
    log.info('No settled scheduled or monitoring run of these tasks to compare with.')
    return undefined
  }
  log.info(
    `Baseline: ${runIds.size} scheduled Avido run(s) of ${tasks.size} task(s), the newest from ${formatTimestamp(measuredAt) || measuredAt}.`
  )
  return { source: 'scheduled', measuredAt, runIds: [...runIds].sort(), overall, tasks, evalDefinitions }
}
