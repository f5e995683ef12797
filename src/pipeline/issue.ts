import { AvidoApiError } from '../avido/errors.js'
import { findOpenIssue, type IssueLister } from '../avido/find-open-issue.js'
import type { CreateIssueBody, Issue, IssuePriority } from '../avido/schemas.js'
import {
  hasIssueKey,
  issueDescription,
  issueKey,
  issueTitle,
  type IssueLinks,
  type IssueSubject
} from '../render/issue-text.js'
import type { Judgement } from '../judge/types.js'
import type { GateDeps } from './deps.js'
import type { Judged } from './judging.js'
import { describeFault } from './outcome.js'
import { pullRequestUrl, type PullRequest } from './pull-request.js'

export interface IssueApi extends IssueLister {
  createIssue(body: CreateIssueBody): Promise<Issue>
}

export interface IssueRequest {
  judgement: Judgement
  subject: IssueSubject
  links: IssueLinks
  priority: IssuePriority
  /** The issue id remembered in the sticky comment's hidden data, if any. */
  rememberedId?: string
  dryRun: boolean
}

export type IssueOutcome =
  | { status: 'filed'; id: string; key: string }
  | { status: 'existing'; id: string; key: string }
  | { status: 'dry-run'; key: string }

export function needsIssue(judgement: Judgement): boolean {
  return judgement.result !== 'none' && judgement.passRate <= judgement.thresholds.error
}

/**
 * Finds an OPEN issue carrying this gate's key (or the one the sticky comment remembers) before
 * filing, so that a re-run never files twice. A create that fails ambiguously (the request may have
 * landed) is followed by a second search rather than a second create.
 */
export async function fileOrFindIssue(api: IssueApi, request: IssueRequest): Promise<IssueOutcome> {
  const key = issueKey(request.subject)
  const existing = await findGateIssue(api, key, request.rememberedId)
  if (existing) return { status: 'existing', id: existing.id, key }
  if (request.dryRun) return { status: 'dry-run', key }

  const body: CreateIssueBody = {
    title: issueTitle(request.judgement, request.subject),
    source: 'TEST',
    priority: request.priority,
    type: 'BUG',
    description: issueDescription(request.judgement, request.subject, request.links)
  }
  const worst = request.judgement.worstTest
  if (worst) {
    body.testId = worst.id
    body.taskId = worst.taskId
  }

  try {
    const created = await api.createIssue(body)
    return { status: 'filed', id: created.id, key }
  } catch (error) {
    if (!mayHaveLanded(error)) throw error
    // When the search fails as well, the create's own failure is the one to report.
    const landed = await findGateIssue(api, key, undefined).catch(() => undefined)
    if (landed) return { status: 'filed', id: landed.id, key }
    throw error
  }
}

function findGateIssue(api: IssueApi, key: string, rememberedId: string | undefined) {
  return findOpenIssue(api, {
    matches: issue => issue.id === rememberedId || hasIssueKey(issue.description, key)
  })
}

/** Only a 4xx answer proves the issue was not created; anything else may have landed on Avido's side. */
function mayHaveLanded(error: unknown): boolean {
  if (!(error instanceof AvidoApiError)) return false
  return !(error.kind === 'http' && error.status !== undefined && error.status < 500)
}

export interface IssueReport {
  /** The issue filed or found; empty for a dry run. */
  id: string
  status: 'filed' | 'existing' | 'dry-run'
}

/**
 * Step 5: when the run fell to the error level, file an Avido issue unless one is open for this gate. A
 * failure here is reported on its own line and costs nothing else: the verdict, the comment, the summary,
 * the status and the outputs all stand, with `issue-id` empty.
 */
export async function reportIssue(
  deps: Pick<GateDeps, 'config' | 'context' | 'avido' | 'log'>,
  judged: Judged,
  pr: PullRequest
): Promise<IssueReport | undefined> {
  const { config, context, log } = deps
  const { judgement, timedOut } = judged
  if (!config.createIssue || !needsIssue(judgement)) return undefined
  if (timedOut && config.onTimeout === 'fail') return undefined
  const prUrl = pullRequestUrl(context, pr)
  try {
    const outcome = await fileOrFindIssue(deps.avido, {
      judgement,
      subject: {
        owner: context.owner,
        repo: context.repo,
        prNumber: pr.number,
        runId: context.runId,
        sha: context.sha
      },
      links: { prUrl, commitUrl: context.commitUrl, runUrl: context.runUrl },
      priority: config.issuePriority,
      rememberedId: pr.previous?.issueId,
      dryRun: config.dryRun
    })
    if (outcome.status === 'filed') log.info(`Filed Avido issue ${outcome.id} (${outcome.key}).`)
    if (outcome.status === 'existing')
      log.info(`Avido issue ${outcome.id} is already open for ${outcome.key}.`)
    if (outcome.status === 'dry-run') log.info(`Dry run: would file an Avido issue for ${outcome.key}.`)
    return { id: outcome.status === 'dry-run' ? '' : outcome.id, status: outcome.status }
  } catch (error) {
    log.warning(
      `Could not file the Avido issue for this run: ${sentence(describeFault(error))} The verdict and the report stand.`,
      'Avido test gate: issue'
    )
    return undefined
  }
}

/** A fault's one line, ending as a sentence so that the next one reads apart from it. */
function sentence(line: string): string {
  return /[.!?]$/.test(line) ? line : `${line}.`
}
