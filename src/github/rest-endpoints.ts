import type { Octokit } from '@octokit/core'
import type { Api } from '@octokit/plugin-rest-endpoint-methods'

// The REST methods the gate calls, made as @octokit/rest makes them (`octokit.request` with the route's
// method and URL as defaults). @octokit/rest builds its table of every GitHub route as it loads, which takes
// a good part of the step's start-up; the gate calls a dozen of them.

const ROUTES = {
  actions: { getWorkflowRun: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}' },
  checks: {
    create: 'POST /repos/{owner}/{repo}/check-runs',
    update: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    listForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs'
  },
  issues: {
    createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
  },
  pulls: { list: 'GET /repos/{owner}/{repo}/pulls' },
  repos: {
    listCommits: 'GET /repos/{owner}/{repo}/commits',
    createCommitStatus: 'POST /repos/{owner}/{repo}/statuses/{sha}',
    listPullRequestsAssociatedWithCommit: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
  },
  users: { getAuthenticated: 'GET /user' }
} as const

type Routes = typeof ROUTES
type Rest = Api['rest']

/** `octokit.rest`, with the methods the gate calls, typed as @octokit/rest types them. */
export type GateRest = { [Scope in keyof Routes]: Pick<Rest[Scope], keyof Routes[Scope] & keyof Rest[Scope]> }

/** An Octokit plugin: `octokit.rest.<scope>.<method>` for each route above. */
export function gateRestEndpoints(octokit: Octokit): { rest: GateRest } {
  const rest: Record<string, Record<string, unknown>> = {}
  for (const [scope, methods] of Object.entries(ROUTES)) {
    const made: Record<string, unknown> = {}
    for (const [name, route] of Object.entries(methods)) {
      const [method, url] = route.split(' ')
      made[name] = octokit.request.defaults({ method, url })
    }
    rest[scope] = made
  }
  return { rest: rest as unknown as GateRest }
}
