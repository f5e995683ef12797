import type { StoredIssue } from './records.js'
import type { EmulatorState } from './state.js'
import { iso } from './test-view.js'

export interface IssueFields {
  id?: string
  title: string
  source: StoredIssue['source']
  status?: StoredIssue['status']
  priority?: StoredIssue['priority']
  type?: NonNullable<StoredIssue['type']>
  description?: string | null
  createdAt?: number
  [field: string]: unknown
}

const LINKS = [
  'topicId',
  'taskId',
  'testId',
  'evalDefinitionId',
  'annotationId',
  'traceId',
  'experimentId',
  'parentId'
]

/** Stores a new Inbox issue with Avido's defaults (OPEN, MEDIUM, BUG) and returns it. */
export function addIssue(state: EmulatorState, fields: IssueFields): StoredIssue {
  const createdAt = iso(fields.createdAt ?? state.clock.now())
  const issue: StoredIssue = {
    id: fields.id ?? state.rng.uuid(),
    orgId: state.app.orgId,
    applicationId: state.app.applicationId,
    title: fields.title,
    description: fields.description ?? null,
    summary: null,
    status: fields.status ?? 'OPEN',
    source: fields.source,
    priority: fields.priority ?? 'MEDIUM',
    type: fields.type ?? 'BUG',
    createdAt,
    modifiedAt: createdAt
  }
  for (const link of LINKS) issue[link] = fields[link] ?? null
  state.store.issues.push(issue)
  return issue
}
