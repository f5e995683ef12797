import { ISSUE_PRIORITIES, ISSUE_SOURCES, ISSUE_STATUSES, ISSUE_TYPES } from '../../../src/avido/schemas.js'
import { addIssue } from '../issue-factory.js'
import type { StoredIssue } from '../records.js'
import type { Route } from '../router.js'
import type { EmulatorState } from '../state.js'
import { BodyReader, QueryReader, requireObjectBody } from '../validation.js'
import { page, readPaging, sortBy } from './paging.js'

const UUID_LINKS = [
  'topicId',
  'taskId',
  'testId',
  'evalDefinitionId',
  'annotationId',
  'experimentId',
  'parentId'
]
const PRIORITY_RANK: Record<string, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 }

export function issueRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v0/issues',
      handle({ body, now }) {
        const reader = new BodyReader(requireObjectBody(body))
        const title = reader.requiredString('title')
        const source = reader.enumValue('source', ISSUE_SOURCES, true) as StoredIssue['source']
        const links: Record<string, string | undefined> = {}
        for (const link of UUID_LINKS) links[link] = reader.uuid(link)
        const issue = addIssue(state, {
          ...links,
          title,
          source,
          description: reader.string('description', { nullable: true }),
          priority: reader.enumValue('priority', ISSUE_PRIORITIES),
          type: reader.enumValue('type', ISSUE_TYPES),
          traceId: reader.string('traceId'),
          createdAt: now
        })
        return { status: 201, body: { data: issue } }
      }
    },
    {
      method: 'GET',
      pattern: '/v0/issues',
      list: true,
      handle({ query }) {
        const reader = new QueryReader(query)
        const { skip, limit, orderDir } = readPaging(reader)
        const orderBy = reader.enumValue('orderBy', ['createdAt', 'modifiedAt', 'priority'], 'createdAt')
        const filters: [keyof StoredIssue, Set<string> | undefined][] = [
          ['status', asSet(reader.enumList('status', ISSUE_STATUSES))],
          ['source', asSet(reader.enumList('source', ISSUE_SOURCES))],
          ['priority', asSet(reader.enumList('priority', ISSUE_PRIORITIES))],
          ['type', asSet(reader.enumList('type', ISSUE_TYPES))]
        ]
        const order = new Map(state.store.issues.map((issue, i) => [issue, i]))
        const issues = state.store.issues.filter(issue =>
          filters.every(([field, allowed]) => allowed === undefined || allowed.has(String(issue[field])))
        )
        const key = (issue: StoredIssue): number | string =>
          orderBy === 'priority' ? (PRIORITY_RANK[issue.priority] ?? 0) : String(issue[orderBy] ?? '')
        sortBy(issues, key, orderDir, issue => order.get(issue) ?? 0)
        return { status: 200, body: page(issues, skip, limit, issue => issue) }
      }
    }
  ]
}

const asSet = (values: string[] | undefined): Set<string> | undefined =>
  values ? new Set(values) : undefined
