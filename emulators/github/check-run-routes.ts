import { parseCheckRunBody, type CheckRunChanges, type CheckRunRecord } from './check-runs.js'
import { paginate } from './pagination.js'
import {
  DOCS,
  errorBody,
  forbidden,
  notFound,
  unprocessable,
  type RouteDefinition,
  type RouteRequest,
  type RouteResponse
} from './route-kit.js'

const SHA_PATTERN = /^[0-9a-f]{40}$/i

/** Only GitHub Apps (GITHUB_TOKEN included) may write check runs; a personal token is refused. */
function appOnly(req: RouteRequest, docs: string): RouteResponse | undefined {
  return req.identity.type === 'User' ? forbidden('You must authenticate via a GitHub App.', docs) : undefined
}

function parsed(req: RouteRequest, creating: boolean, docs: string): CheckRunChanges | RouteResponse {
  const result = parseCheckRunBody(req.body, creating)
  if ('message' in result) return unprocessable(result.message, docs, result.errors)
  return result
}

function isResponse(value: CheckRunChanges | RouteResponse): value is RouteResponse {
  return 'status' in value && typeof value.status === 'number'
}

/** `latest` keeps the newest check run of each name, as GitHub's default filter does. */
function latestOnly(runs: CheckRunRecord[]): CheckRunRecord[] {
  const newest = new Map<string, CheckRunRecord>()
  for (const r of runs) if ((newest.get(r.name)?.id ?? 0) < r.id) newest.set(r.name, r)
  return runs.filter(r => newest.get(r.name) === r)
}

export const CHECK_RUN_ROUTES: RouteDefinition[] = [
  {
    route: 'POST /repos/{owner}/{repo}/check-runs',
    scope: 'checks',
    docs: `${DOCS}/checks/runs#create-a-check-run`,
    handle(req, store) {
      const refused = appOnly(req, this.docs)
      if (refused) return refused
      const changes = parsed(req, true, this.docs)
      if (isResponse(changes)) return changes
      if (!SHA_PATTERN.test(changes.headSha ?? '')) {
        return unprocessable(`No commit found for SHA: ${changes.headSha ?? ''}`, this.docs)
      }
      const { owner = '', repo = '' } = req.params
      const run = store.checks.renderCheckRun(store.checks.create(owner, repo, changes))
      return { status: 201, body: run, headers: { location: String(run['url']) } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    scope: 'checks',
    docs: `${DOCS}/checks/runs#update-a-check-run`,
    handle(req, store) {
      const refused = appOnly(req, this.docs)
      if (refused) return refused
      const { owner = '', repo = '', check_run_id = '' } = req.params
      if (!store.checks.get(owner, repo, Number(check_run_id))) return notFound(this.docs)
      const changes = parsed(req, false, this.docs)
      if (isResponse(changes)) return changes
      if (changes.headSha !== undefined) delete changes.headSha // GitHub does not move a check run to another commit
      const run = store.checks.update(owner, repo, Number(check_run_id), changes)
      return run ? { status: 200, body: store.checks.renderCheckRun(run) } : notFound(this.docs)
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}',
    docs: `${DOCS}/checks/runs#get-a-check-run`,
    handle(req, store) {
      const { owner = '', repo = '', check_run_id = '' } = req.params
      const run = store.checks.get(owner, repo, Number(check_run_id))
      return run ? { status: 200, body: store.checks.renderCheckRun(run) } : notFound(this.docs)
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    docs: `${DOCS}/checks/runs#list-check-runs-for-a-git-reference`,
    handle(req, store) {
      const { owner = '', repo = '', ref = '' } = req.params
      const { check_name, status, filter = 'latest' } = req.query
      if (filter !== 'latest' && filter !== 'all') {
        return unprocessable(
          `Invalid request.\n\nFor 'filter', "${filter}" is not a member of ["latest","all"].`,
          this.docs
        )
      }
      const sha = store.resolveRef(owner, repo, ref)
      if (!SHA_PATTERN.test(sha)) {
        return { status: 422, body: errorBody(`No commit found for SHA: ${ref}`, 422, this.docs) }
      }
      let runs = store.checks.list(owner, repo, sha).filter(r => !check_name || r.name === check_name)
      if (filter === 'latest') runs = latestOnly(runs)
      runs = runs.filter(r => !status || r.status === status).sort((a, b) => b.id - a.id)
      const page = paginate(runs, req.query, req.absolutePath)
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: page.items.map(r => store.checks.renderCheckRun(r)) },
        headers: page.link ? { link: page.link } : {}
      }
    }
  }
]
