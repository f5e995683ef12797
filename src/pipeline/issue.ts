import { AvidoApiError } from '../avido/errors.js'
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

export interface IssueApi {
  listIssues(params: {
    status?: 'OPEN'
    source?: 'TEST'
    skip?: number
    limit?: number
  }): Promise<{ data: Issue[]; pagination: { total?: number } }>
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

/** Pages of open TEST issues searched for the key: a bound, so a huge inbox cannot stall the gate. */
const MAX_SEARCH_PAGES = 10

export function needsIssue(judgement: Judgement): boolean {
  return judgement.result !== 'none' && judgement.passRate <= judgement.thresholds.error
}

/**
 * SPEC §6: find an OPEN issue carrying this gate's key (or the one the sticky comment remembers) before
 * filing, so that a re-run never files twice. A create that fails ambiguously (the request may have
 * landed) is followed by a second search rather than a second create.
 */
export async function fileOrFindIssue(api: IssueApi, request: IssueRequest): Promise<IssueOutcome> {
  const key = issueKey(request.subject)
  const existing = await findOpenIssue(api, key, request.rememberedId)
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
    const landed = await findOpenIssue(api, key, undefined).catch(() => undefined)
    if (landed) return { status: 'filed', id: landed.id, key }
    throw error
  }
}

async function findOpenIssue(
  api: IssueApi,
  key: string,
  rememberedId: string | undefined
): Promise<Issue | undefined> {
  const limit = 100
  for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
    const { data, pagination } = await api.listIssues({
      status: 'OPEN',
      source: 'TEST',
      skip: page * limit,
      limit
    })
    const match = data.find(issue => issue.id === rememberedId || hasIssueKey(issue.description, key))
    if (match) return match
    const total = pagination.total ?? 0
    if (data.length < limit || (page + 1) * limit >= total) return undefined
  }
  return undefined
}

/** Only a 4xx answer proves the issue was not created; anything else may have landed on Avido's side. */
function mayHaveLanded(error: unknown): boolean {
  if (!(error instanceof AvidoApiError)) return false
  return !(error.kind === 'http' && error.status !== undefined && error.status < 500)
}
