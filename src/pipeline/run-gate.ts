import type { AvidoClient } from '../avido/client.js'
import { AvidoApiError } from '../avido/errors.js'
import type { GateContext } from '../github/context.js'
import type { GitHubReporter } from '../github/reporter.js'
import type { GateConfig } from '../inputs/parse.js'
import { explainEval } from '../judge/explain.js'
import type { JsonReport } from '../render/json-report.js'
import { publish, readPriorComment } from './publish.js'
import { errorDescription, pendingDescription } from '../render/status-text.js'
import { fileOrFindIssue, needsIssue, type IssueOutcome } from './issue.js'
import { judgeTest, summarizeRun } from '../judge/judge.js'
import type { GateLog } from '../shared/log.js'
import { prepareRun } from './prepare.js'
import { buildScope, type Scope } from '../judge/scope.js'
import type { JudgedTest, Judgement, Thresholds } from '../judge/types.js'
import { readScope, waitForRun, type PollProgress, type TestJudge } from './wait.js'

/** Time allowed after the wait for reading every page and filing the issue (at most `timeout` as well). */
const AFTER_WAIT_BUDGET_MS = 120_000
/** The pending commit status is refreshed at most this often (SPEC §7). */
const PENDING_STATUS_EVERY_MS = 30_000
const MAX_PENDING_LISTED = 10

export interface GateDeps {
  config: GateConfig
  context: GateContext
  avido: AvidoClient
  github?: GitHubReporter
  log: GateLog
  now: () => number
  sleep: (ms: number) => Promise<void>
  reportPath: string
}

export interface GateOutcome {
  outputs: Record<string, string>
  summary: string
  report?: JsonReport
  /** One sentence for the step's failure, when the step fails. */
  failure?: string
}

export async function runGate(deps: GateDeps): Promise<GateOutcome> {
  const { config, log } = deps
  const startedAt = deps.now()
  const postStatus = async (state: 'pending' | 'error', description: string) => {
    if (config.statusCheck && deps.github && !config.dryRun) {
      await deps.github.postStatus({ state, description, context: config.statusContext })
    }
  }

  // Triggering and annotating come out of the same time allowance as the wait.
  deps.avido.setDeadline(startedAt + config.timeoutMs)
  try {
    const prNumber = await log.group('Pull request', async () => {
      const number = await deps.github?.pullRequestNumber()
      log.info(
        number === undefined
          ? `No pull request for this ${deps.context.eventName} event.`
          : `Pull request #${number}.`
      )
      return number
    })
    const scope = await log.group('Scope', async () =>
      buildScope(config, await prepareRun({ ...deps, startedAt }))
    )

    await postStatus('pending', 'Waiting for Avido test results')
    // Each test is judged as its page arrives: only the judged tests go on to the report.
    const { judgement, pendingTests, timedOut } = await log.group('Waiting for Avido', async () =>
      judgeWaited(deps, await waitPhase(deps, scope, postStatus))
    )

    return await log.group('Report', async () => {
      const prior = await readPriorComment(deps, prNumber)
      const issue = await issuePhase(deps, judgement, prNumber, prior.previous?.issueId, timedOut)
      const publication = await publish(deps, {
        judgement,
        prNumber,
        prior,
        issue: issue && { id: issue.status === 'dry-run' ? '' : issue.id, status: issue.status },
        timedOut: timedOut ? { pendingTests: pendingTests.length, onTimeout: config.onTimeout } : undefined,
        scope: {
          windowStart: scope.windowStart,
          runIds: config.runIds,
          taskIds: config.taskIds,
          evalDefinitionIds: config.evalDefinitionIds,
          experimentVariantIds: config.experimentVariantIds,
          runTypes: config.runTypes,
          minTests: config.minTests
        }
      })
      log.info(publication.verdict.reason)
      const failure =
        publication.verdict.gate === 'fail'
          ? timedOut && config.onTimeout === 'fail'
            ? timeoutFailure(config.timeoutMs, pendingTests)
            : `Avido test gate failed: ${publication.verdict.reason}`
          : undefined
      if (timedOut && config.onTimeout === 'judge') {
        log.warning(
          `Timed out with ${pendingTests.length} test(s) still pending; judged the settled tests.`,
          'Avido test gate'
        )
      }
      return {
        outputs: publication.outputs,
        summary: publication.summary,
        report: publication.report,
        failure
      }
    })
  } catch (error) {
    if (!(error instanceof AvidoApiError)) throw error
    await postStatus('error', errorDescription(error.message))
    return {
      outputs: { result: '', gate: 'fail', 'report-path': '' },
      summary: `## 🔴 Avido test gate could not finish\n\n${error.message}\n`,
      failure: error.message
    }
  }
}

async function waitPhase(
  deps: GateDeps,
  scope: Scope,
  postStatus: (state: 'pending', description: string) => Promise<void>
): Promise<{ tests: JudgedTest[]; timedOut: boolean }> {
  const { config, log, avido } = deps
  const thresholds = thresholdsOf(config)
  const judge: TestJudge = test => judgeTest(test, thresholds, explainEval)
  const waitStarted = deps.now()
  const afterWaitBudget = Math.min(AFTER_WAIT_BUDGET_MS, config.timeoutMs)
  avido.setDeadline(waitStarted + config.timeoutMs)
  let lastStatusAt = waitStarted
  const onPoll = async (progress: PollProgress) => {
    log.info(progressLine(progress, config.minTests, deps.now() - waitStarted))
    // A poll that finds the run settled is followed by the final status at once.
    const settled = progress.matched >= config.minTests && progress.pending === 0
    if (progress.fault === undefined && !settled && deps.now() - lastStatusAt >= PENDING_STATUS_EVERY_MS) {
      lastStatusAt = deps.now()
      await postStatus('pending', pendingDescription(progress.settled, progress.matched))
    }
  }
  const result = await waitForRun(avido, {
    scope,
    judge,
    minTests: config.minTests,
    pollIntervalMs: config.pollIntervalMs,
    deadline: waitStarted + config.timeoutMs,
    now: deps.now,
    sleep: deps.sleep,
    onPoll,
    // Reading the pages of a run that settled just before the timeout must not fail for lack of time.
    whileReading: async read => {
      avido.setDeadline(deps.now() + afterWaitBudget)
      try {
        return await read()
      } finally {
        avido.setDeadline(waitStarted + config.timeoutMs)
      }
    }
  })
  avido.setDeadline(deps.now() + afterWaitBudget)
  if (result.outcome === 'settled') {
    log.info(`Settled after ${result.polls} poll(s): ${result.tests.length} test(s).`)
    return { tests: result.tests, timedOut: false }
  }
  // Avido did not answer the last poll: reading the tests now would only wait as long again.
  if (result.lastError !== undefined) throw result.lastError
  const tests = await readScope(avido, scope, judge)
  log.info(
    `Timed out after ${result.polls} poll(s) with ${tests.filter(test => test.pending).length} test(s) pending.`
  )
  return { tests, timedOut: true }
}

function thresholdsOf(config: GateConfig): Thresholds {
  return { warning: config.warningThreshold, error: config.errorThreshold }
}

function judgeWaited(
  deps: GateDeps,
  waited: { tests: JudgedTest[]; timedOut: boolean }
): { judgement: Judgement; pendingTests: JudgedTest[]; timedOut: boolean } {
  const { config, log } = deps
  const judgement = summarizeRun(waited.tests, { thresholds: thresholdsOf(config), failOn: config.failOn })
  if (judgement.result === 'none' && judgement.tests > 0) {
    log.warning(`${judgement.tests} test(s) matched but none has a settled eval to judge.`, 'Avido test gate')
  }
  return { judgement, pendingTests: waited.tests.filter(test => test.pending), timedOut: waited.timedOut }
}

async function issuePhase(
  deps: GateDeps,
  judgement: Judgement,
  prNumber: number | undefined,
  rememberedId: string | undefined,
  timedOut: boolean
): Promise<IssueOutcome | undefined> {
  const { config, context, log } = deps
  if (!config.createIssue || !needsIssue(judgement)) return undefined
  if (timedOut && config.onTimeout === 'fail') return undefined
  const outcome = await fileOrFindIssue(deps.avido, {
    judgement,
    subject: { owner: context.owner, repo: context.repo, prNumber, runId: context.runId, sha: context.sha },
    links: {
      prUrl:
        prNumber === undefined
          ? undefined
          : `${context.serverUrl}/${context.owner}/${context.repo}/pull/${prNumber}`,
      commitUrl: context.commitUrl,
      runUrl: context.runUrl
    },
    priority: config.issuePriority,
    rememberedId,
    dryRun: config.dryRun
  })
  if (outcome.status === 'filed') log.info(`Filed Avido issue ${outcome.id} (${outcome.key}).`)
  if (outcome.status === 'existing') log.info(`Avido issue ${outcome.id} is already open for ${outcome.key}.`)
  if (outcome.status === 'dry-run') log.info(`Dry run: would file an Avido issue for ${outcome.key}.`)
  return outcome
}

function progressLine(progress: PollProgress, minTests: number, elapsedMs: number): string {
  const elapsed = `${Math.round(elapsedMs / 1000)}s`
  if (progress.fault)
    return `Poll ${progress.poll} (${elapsed}): Avido did not answer, trying again. ${progress.fault}`
  if (progress.matched === 0) {
    return `Poll ${progress.poll} (${elapsed}): no matching tests yet (waiting for at least ${minTests}).`
  }
  return `Poll ${progress.poll} (${elapsed}): ${progress.settled}/${progress.matched} settled, ${progress.pending} pending.`
}

function timeoutFailure(timeoutMs: number, pending: JudgedTest[]): string {
  const listed = pending
    .slice(0, MAX_PENDING_LISTED)
    .map(test => `${test.id} (${test.taskTitle}, ${test.status})`)
  const more = pending.length > MAX_PENDING_LISTED ? `, and ${pending.length - MAX_PENDING_LISTED} more` : ''
  const seconds = Math.round(timeoutMs / 1000)
  if (pending.length === 0) {
    return `Timed out after ${seconds}s waiting for Avido tests: fewer tests matched than min-tests requires.`
  }
  return `Timed out after ${seconds}s waiting for Avido: ${pending.length} test(s) still pending: ${listed.join(', ')}${more}.`
}
