import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultBoard } from './faults.js'
import { errorBody, type RouteResponse } from './route-kit.js'
import { matchRoute } from './routes.js'
import { GITHUB_ACTIONS_BOT, GitHubStore } from './store.js'
import type {
  Fault,
  GitHubRoute,
  GitHubUser,
  RecordedRequest,
  SeedComment,
  SeedCommit,
  SeedPull,
  SeedStatus,
  SeedWorkflowRun,
  WriteScope
} from './types.js'

export interface GitHubEmulatorOptions {
  port?: number
  /** The one token accepted (`Authorization: token X` or `Bearer X`). Default `ghs_test_token`. */
  token?: string
  /** `/api/v3` serves the API the way GitHub Enterprise Server does. */
  pathPrefix?: '' | '/api/v3'
  /** Every write answers 403, as for a read-only token (pull requests from forks). */
  readOnly?: boolean
  /** Per-permission access, default `write` for each: `{ checks: 'read' }` is a job without `checks: write`,
   * whose check run writes answer 403 while comments and statuses still work. */
  permissions?: Partial<Record<WriteScope, 'read' | 'write'>>
  /** Makes the token a user's (a PAT): comments are authored by this user and GET /user answers. When
   * undefined the token is the `github-actions[bot]` installation token and GET /user answers 403. */
  selfLogin?: string
}

export interface GitHubEmulator {
  /** API base including the prefix, e.g. http://127.0.0.1:PORT/api/v3 */
  url: string
  /** Web base used in `html_url`s, e.g. http://127.0.0.1:PORT */
  serverUrl: string
  token: string
  requests: RecordedRequest[]
  setReadOnly(readOnly: boolean): void
  /** Grants or withdraws one write permission (see `permissions`). */
  setPermission(scope: WriteScope, access: 'read' | 'write'): void
  inject(route: GitHubRoute | '*', fault: Fault, options?: { times?: number }): void
  clearFaults(): void
  seed: {
    workflowRun(run: SeedWorkflowRun): void
    pull(pull: SeedPull): void
    comment(comment: SeedComment): Record<string, unknown>
    /** Many comments at once, e.g. to fill several pages. */
    comments(comments: SeedComment[]): void
    status(status: SeedStatus): Record<string, unknown>
    /** Adds commits to a repository's graph (parents first or not: order does not matter). */
    commits(owner: string, repo: string, commits: SeedCommit[]): void
    /** Seeds `length` commits in a line on top of `parent` (or from a root); returns their SHAs newest first.
     * `branch`, when given, points at the newest; a branch named `main` is what GET /commits lists by default. */
    commitChain(
      owner: string,
      repo: string,
      options: { length: number; parent?: string; branch?: string }
    ): string[]
    /** Points a branch at a commit. */
    branch(owner: string, repo: string, name: string, sha: string): void
    /** Creates a check run as if a workflow had, bypassing permissions; the body is what POST /check-runs takes.
     * Returns the rendered check run; throws on a body GitHub would refuse. */
    checkRun(owner: string, repo: string, body: Record<string, unknown>): Record<string, unknown>
  }
  /** Comments on an issue or pull, oldest first, as the API renders them. */
  comments(owner: string, repo: string, issueNumber: number): Record<string, unknown>[]
  /** Statuses of a commit in the order they were posted, as the API renders them. */
  statuses(owner: string, repo: string, sha: string): Record<string, unknown>[]
  /** A repository's check runs in the order they were created (only those on `sha` when given), as the API
   * renders them now. */
  checkRuns(owner: string, repo: string, sha?: string): Record<string, unknown>[]
  /** Every state a check run went through, rendered: its creation, then one entry per accepted update. */
  checkRunHistory(id: number): Record<string, unknown>[]
  close(): Promise<void>
}

const MAX_BODY_BYTES = 5 * 1024 * 1024
const RATE_LIMIT = 5000

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function bearerToken(header: string | undefined): string | undefined {
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? '')
  return m?.[1]
}

export async function startGitHubEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const token = options.token ?? 'ghs_test_token'
  const prefix = options.pathPrefix ?? ''
  const identity: GitHubUser = options.selfLogin
    ? { login: options.selfLogin, type: 'User' }
    : GITHUB_ACTIONS_BOT
  let readOnly = options.readOnly ?? false
  const permissions: Record<WriteScope, 'read' | 'write'> = {
    checks: 'write',
    issues: 'write',
    statuses: 'write',
    ...options.permissions
  }
  const faults = new FaultBoard()
  const requests: RecordedRequest[] = []
  const urls = { api: '', server: '' }
  const store = new GitHubStore(urls)
  let requestCount = 0
  const resetAt = Math.ceil(Date.now() / 1000) + 3600

  function send(res: ServerResponse, record: RecordedRequest, answer: RouteResponse): void {
    requestCount += 1
    record.status = answer.status
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `EMU:${requestCount}`,
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - requestCount)),
      'x-ratelimit-used': String(requestCount),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': 'core',
      ...answer.headers
    }
    res.writeHead(answer.status, headers)
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
  }

  async function answer(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const notFound: RouteResponse = {
      status: 404,
      body: errorBody('Not Found', 404, 'https://docs.github.com/rest')
    }
    let raw: string
    try {
      raw = await readBody(req)
    } catch {
      send(res, record, { status: 413, body: { message: 'Payload too large' } })
      return
    }
    if (raw.trim()) {
      try {
        record.body = JSON.parse(raw)
      } catch {
        send(res, record, { status: 400, body: { message: 'Problems parsing JSON', status: '400' } })
        return
      }
    }
    if (bearerToken(req.headers.authorization) !== token) {
      const body = errorBody('Bad credentials', 401, 'https://docs.github.com/rest')
      send(res, record, { status: 401, body })
      return
    }
    if (!record.path.startsWith(`${prefix}/`)) {
      send(res, record, notFound)
      return
    }
    const match = matchRoute(req.method ?? 'GET', record.path.slice(prefix.length))
    if (match) {
      record.route = match.definition.route
      record.params = match.params
    }
    const fault = faults.take(match?.definition.route)
    if (fault?.delayMs) await new Promise(resolve => setTimeout(resolve, fault.delayMs))
    if (fault?.reset) {
      req.socket.destroy()
      return
    }
    if (fault?.status) {
      send(res, record, {
        status: fault.status,
        headers: fault.headers,
        body: fault.body ?? { message: `Emulated ${fault.status}` }
      })
      return
    }
    if (!match) {
      send(res, record, notFound)
      return
    }
    const scope = match.definition.scope
    if (scope && (readOnly || permissions[scope] !== 'write')) {
      const body = errorBody('Resource not accessible by integration', 403, match.definition.docs)
      send(res, record, { status: 403, body })
      return
    }
    const result = match.definition.handle(
      {
        params: match.params,
        query: record.query,
        body: record.body,
        identity,
        absolutePath: `${urls.server}${record.path}`
      },
      store
    )
    send(res, record, result)
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid')
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      status: 0,
      at: Date.now()
    }
    requests.push(record)
    answer(req, res, record).catch(() => {
      if (!res.headersSent) send(res, record, { status: 500, body: { message: 'Server Error' } })
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  urls.server = `http://127.0.0.1:${port}`
  urls.api = `${urls.server}${prefix}`

  return {
    url: urls.api,
    serverUrl: urls.server,
    token,
    requests,
    setReadOnly(value) {
      readOnly = value
    },
    setPermission(scope, access) {
      permissions[scope] = access
    },
    inject: (route, fault, injectOptions) => faults.inject(route, fault, injectOptions),
    clearFaults: () => faults.clear(),
    seed: {
      workflowRun: run => store.addWorkflowRun(run),
      pull: pull => store.addPull(pull),
      comment: comment => store.addComment(comment),
      comments: list => list.forEach(c => store.addComment(c)),
      status: status => store.addStatus(status),
      commits: (owner, repo, commits) => store.commits.add(owner, repo, commits),
      commitChain: (owner, repo, chainOptions) => store.commits.chain(owner, repo, chainOptions),
      branch: (owner, repo, name, sha) => store.commits.setBranch(owner, repo, name, sha),
      checkRun: (owner, repo, body) => store.seedCheckRun(owner, repo, body)
    },
    comments: (owner, repo, issueNumber) => store.comments(owner, repo, issueNumber),
    statuses: (owner, repo, sha) => store.statuses(owner, repo, sha),
    checkRuns: (owner, repo, sha) =>
      store.checks.list(owner, repo, sha).map(r => store.checks.renderCheckRun(r)),
    checkRunHistory: id => store.checks.states(id).map(r => store.checks.renderCheckRun(r)),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
