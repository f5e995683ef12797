import { rmSync } from 'node:fs'
import { buildOutputs } from '../render/outputs.js'
import type { GateDeps } from './deps.js'
import { findBaseline } from './baseline.js'
import { deliver } from './delivery.js'
import { reportIssue } from './issue.js'
import { judgeWaitedRun } from './judging.js'
import { abortedOutcome, describeFault, type GateOutcome } from './outcome.js'
import { findPullRequest } from './pull-request.js'
import { renderRun } from './rendering.js'
import { prepareScope } from './scope.js'
import { StatusCheck } from './status-check.js'
import { waitForTests, type Waited } from './waiting.js'

export type { GateDeps } from './deps.js'

/** However the time went, the final comment and status check get this long to be written. */
export const DELIVERY_GRACE_MS = 3_000

/**
 * The gate, step by step. It is the one place that talks to both Avido and GitHub, and it never throws:
 * whatever happens ends in one outcome, and a status check it opened is always closed.
 */
export async function runGate(deps: GateDeps): Promise<GateOutcome> {
  const { config, log } = deps
  const check = new StatusCheck(deps)
  const startedAt = deps.now()
  // Triggering, annotating and GitHub's calls come out of the same time allowance as the wait.
  const deadline = startedAt + config.timeoutMs
  deps.setDeadline(deadline)
  const forDelivery = () => deps.setDeadline(Math.max(deadline, deps.now() + DELIVERY_GRACE_MS))
  let spooled: Waited['tests'] | undefined
  try {
    await check.open()
    const pr = await log.group('1. Pull request', () => findPullRequest(deps))
    const scope = await log.group('2. Scope', () => prepareScope(deps, startedAt))
    // The baseline is looked up while the run is waited for, so it adds nothing once the run has settled.
    const baseline = findBaseline(deps, scope)
    const waited = await log.group('3. Waiting for Avido', () => waitForTests(deps, scope, check, deadline))
    spooled = waited.tests
    const judged = await log.group('4. Judging', async () => {
      const { baseline: found, problem } = await baseline
      if (problem) log.warning(problem, 'Avido test gate: baseline')
      return judgeWaitedRun(deps, waited, found)
    })
    const issue = await log.group('5. Avido issue', () => reportIssue(deps, judged, pr))
    const rendered = renderRun(deps, judged, pr, issue, scope)
    forDelivery()
    const delivered = await log.group('6. Report', () => deliver(deps, rendered, judged, pr, check))

    const outputs = buildOutputs(judged.judgement, {
      issueId: issue?.id || undefined,
      commentId: delivered.comment?.id,
      commentUrl: delivered.comment?.url,
      checkRun: check.run,
      reportPath: deps.reportPath,
      gate: judged.verdict.gate,
      compared: judged.compared
    })
    return {
      verdict: judged.outcome,
      reason: judged.failure ?? judged.verdict.reason,
      outputs,
      summary: rendered.summary,
      report: rendered.report,
      reportTests: waited.tests
    }
  } catch (error) {
    const reason = describeFault(error)
    log.debug(error instanceof Error && error.stack ? error.stack : reason)
    if (spooled?.file) rmSync(spooled.file, { force: true })
    forDelivery()
    await check.abort(reason).catch(() => undefined)
    return abortedOutcome(reason, {
      'check-run-id': check.run ? String(check.run.id) : '',
      'check-run-url': check.run?.url ?? ''
    })
  }
}
