import { CHECK_RUN_ROUTES } from './check-run-routes.js'
import { COMMIT_ROUTES } from './commit-routes.js'
import {
  DOCS,
  bodyField,
  errorBody,
  forbidden,
  notFound,
  paged,
  validationFailed,
  type RouteDefinition,
  type RouteRequest,
  type RouteResponse
} from './route-kit.js'

export const COMMENT_BODY_LIMIT = 65_536
export const STATUS_DESCRIPTION_LIMIT = 140
export const STATUS_CONTEXT_LIMIT = 255
const STATUS_STATES = ['error', 'failure', 'pending', 'success']

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** One broken rule of a commit status, as GitHub lists it under `errors`. */
function statusError(field: string, message: string): object {
  return { resource: 'Status', code: 'custom', field, message }
}

/** The error for a status field over its length limit, or none. */
function tooLong(field: string, value: unknown, limit: number): object[] {
  return typeof value === 'string' && value.length > limit
    ? [statusError(field, `${field} is too long (maximum is ${limit} characters)`)]
    : []
}

function issueNumber(req: RouteRequest): number {
  const n = Number(req.params['issue_number'])
  return Number.isInteger(n) && n > 0 ? n : NaN
}

/** GitHub counts characters; UTF-16 units are never fewer, so this limit is at least as strict. */
function commentBodyProblem(body: unknown, docs: string): RouteResponse | undefined {
  if (typeof body !== 'string') {
    return validationFailed(docs, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
  }
  if (body.length > COMMENT_BODY_LIMIT) {
    return validationFailed(docs, [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
      }
    ])
  }
  return undefined
}

const LIST_DIRECTION_DEFAULT = { created: 'desc', updated: 'asc', popularity: 'asc', 'long-running': 'asc' }

const CORE_ROUTES: RouteDefinition[] = [
  {
    route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
    docs: `${DOCS}/actions/workflow-runs#get-a-workflow-run`,
    handle(req, store) {
      const { owner = '', repo = '', run_id = '' } = req.params
      const run = store.workflowRun(owner, repo, Number(run_id))
      return run ? { status: 200, body: run } : notFound(this.docs)
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: `${DOCS}/issues/comments#list-issue-comments`,
    handle(req, store) {
      const { owner = '', repo = '' } = req.params
      const n = issueNumber(req)
      if (!store.issueExists(owner, repo, n)) return notFound(this.docs)
      return paged(store.comments(owner, repo, n), req)
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    scope: 'issues',
    docs: `${DOCS}/issues/comments#create-an-issue-comment`,
    handle(req, store) {
      const { owner = '', repo = '' } = req.params
      const n = issueNumber(req)
      if (!store.issueExists(owner, repo, n)) return notFound(this.docs)
      const body = bodyField(req.body, 'body')
      const problem = commentBodyProblem(body, this.docs)
      if (problem) return problem
      const comment = store.addComment({
        owner,
        repo,
        issue_number: n,
        body: body as string,
        user: req.identity
      })
      return { status: 201, body: comment, headers: { location: String(comment['url']) } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    scope: 'issues',
    docs: `${DOCS}/issues/comments#update-an-issue-comment`,
    handle(req, store) {
      const { owner = '', repo = '', comment_id = '' } = req.params
      const body = bodyField(req.body, 'body')
      const problem = commentBodyProblem(body, this.docs)
      if (problem) return problem
      const comment = store.updateComment(owner, repo, Number(comment_id), body as string)
      return comment ? { status: 200, body: comment } : notFound(this.docs)
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/statuses/{sha}',
    scope: 'statuses',
    docs: `${DOCS}/commits/statuses#create-a-commit-status`,
    handle(req, store) {
      const { owner = '', repo = '', sha = '' } = req.params
      if (!/^[0-9a-f]{40}$/i.test(sha)) {
        return { status: 422, body: errorBody(`No commit found for SHA: ${sha}`, 422, this.docs) }
      }
      const state = bodyField(req.body, 'state')
      const description = bodyField(req.body, 'description')
      const context = bodyField(req.body, 'context')
      const targetUrl = bodyField(req.body, 'target_url')
      const errors: object[] = []
      if (typeof state !== 'string' || !STATUS_STATES.includes(state)) {
        errors.push(statusError('state', 'state is not included in the list'))
      }
      errors.push(
        ...tooLong('description', description, STATUS_DESCRIPTION_LIMIT),
        ...tooLong('context', context, STATUS_CONTEXT_LIMIT)
      )
      if (typeof targetUrl === 'string' && targetUrl !== '' && !isHttpUrl(targetUrl)) {
        errors.push(statusError('target_url', 'target_url must use http(s) scheme'))
      }
      if (errors.length) return validationFailed(this.docs, errors)
      const status = store.addStatus({
        owner,
        repo,
        sha,
        state: state as 'error' | 'failure' | 'pending' | 'success',
        description: typeof description === 'string' ? description : null,
        context: typeof context === 'string' ? context : 'default',
        target_url: typeof targetUrl === 'string' && targetUrl !== '' ? targetUrl : null,
        creator: req.identity
      })
      return { status: 201, body: status }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
    docs: `${DOCS}/commits/statuses#list-commit-statuses-for-a-reference`,
    handle(req, store) {
      const { owner = '', repo = '', ref = '' } = req.params
      return paged(store.statuses(owner, repo, ref).reverse(), req)
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls',
    docs: `${DOCS}/pulls/pulls#list-pull-requests`,
    handle(req, store) {
      const { owner = '', repo = '' } = req.params
      const { state = 'open', head, base, sort = 'created' } = req.query
      const direction = req.query['direction'] ?? LIST_DIRECTION_DEFAULT[sort as 'created'] ?? 'desc'
      const field = sort === 'updated' ? 'updated_at' : 'created_at'
      const pulls = store
        .listPulls(owner, repo)
        .map(p => store.renderPull(p))
        .filter(p => state === 'all' || p['state'] === state)
        .filter(
          p => !head || String((p['head'] as { label: string }).label).toLowerCase() === head.toLowerCase()
        )
        .filter(p => !base || (p['base'] as { ref: string }).ref === base)
        .sort((a, b) => {
          const order =
            String(a[field]).localeCompare(String(b[field])) || Number(a['number']) - Number(b['number'])
          return direction === 'asc' ? order : -order
        })
      return paged(pulls, req)
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    docs: `${DOCS}/pulls/pulls#get-a-pull-request`,
    handle(req, store) {
      const { owner = '', repo = '', pull_number = '' } = req.params
      const pull = store.listPulls(owner, repo).find(p => p.number === Number(pull_number))
      return pull ? { status: 200, body: store.renderPullDetail(pull) } : notFound(this.docs)
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    docs: `${DOCS}/commits/commits#list-pull-requests-associated-with-a-commit`,
    handle(req, store) {
      const { owner = '', repo = '', commit_sha = '' } = req.params
      return paged(
        store.pullsForCommit(owner, repo, commit_sha).map(p => store.renderPull(p)),
        req
      )
    }
  },
  {
    route: 'GET /user',
    docs: `${DOCS}/users/users#get-the-authenticated-user`,
    handle(req, store) {
      if (req.identity.type === 'Bot') return forbidden('Resource not accessible by integration', this.docs)
      return { status: 200, body: store.render.publicUser(req.identity) }
    }
  }
]

export const ROUTE_DEFINITIONS: RouteDefinition[] = [...CORE_ROUTES, ...CHECK_RUN_ROUTES, ...COMMIT_ROUTES]

interface CompiledRoute {
  definition: RouteDefinition
  method: string
  pattern: RegExp
  names: string[]
}

const COMPILED: CompiledRoute[] = ROUTE_DEFINITIONS.map(definition => {
  const [method = '', template = ''] = definition.route.split(' ')
  const names: string[] = []
  const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  return { definition, method, pattern: new RegExp(`^${source}$`), names }
})

export interface RouteMatch {
  definition: RouteDefinition
  params: Record<string, string>
}

/** Finds the route for a method and a path (prefix already removed). */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const compiled of COMPILED) {
    if (compiled.method !== method) continue
    const m = compiled.pattern.exec(path)
    if (!m) continue
    try {
      const params = Object.fromEntries(
        compiled.names.map((name, i) => [name, decodeURIComponent(m[i + 1] ?? '')])
      )
      return { definition: compiled.definition, params }
    } catch {
      return undefined // malformed percent-encoding
    }
  }
  return undefined
}
