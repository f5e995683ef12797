import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  GITHUB_ROUTES,
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubRoute
} from '../../emulators/github/index.js'
import { createCheckRun, updateCheckRun } from '../../src/github/check-runs.js'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'
import { postCommitStatus } from '../../src/github/status.js'
import { call, type Answer } from '../support/github-emulator.js'
import { loadGitHubOperations, type OperationSchemas } from '../support/github-openapi.js'
import { schemaProblems, type Schema } from '../support/json-schema.js'

// Every answer of the emulator is held to GitHub's published OpenAPI description, so code that works against
// the emulator does not lean on a field GitHub leaves out, or trip on one GitHub sends.

const SRC_GITHUB = fileURLToPath(new URL('../../src/github/', import.meta.url))
const SHA = 'a'.repeat(40)
const owner = 'acme'
const repo = 'bot'

let operations: Record<string, OperationSchemas>
let gh: GitHubEmulator
let patGh: GitHubEmulator
let client: GitHubClient
let history: string[]
let checkRunId: number
let commentId: number

beforeAll(async () => {
  operations = loadGitHubOperations(GITHUB_ROUTES)
  gh = await startGitHubEmulator()
  patGh = await startGitHubEmulator({ selfLogin: 'octocat' })
  client = createOctokit({ token: gh.token, apiUrl: gh.url, retries: 0 })
  history = gh.seed.commitChain(owner, repo, { length: 3, branch: 'main' })
  gh.seed.commits(owner, repo, [{ sha: SHA, parents: [history[0] ?? ''], date: '2026-11-30T06:00:00.123Z' }])
  gh.seed.pull({
    owner,
    repo,
    number: 7,
    head: { sha: SHA, ref: 'feature' },
    base: { ref: 'main', sha: history[0] }
  })
  gh.seed.pull({
    owner,
    repo,
    number: 8,
    head: { sha: SHA, ref: 'patch', repo: 'forker/bot' },
    merged: true,
    state: 'closed'
  })
  commentId = Number(
    gh.seed.comment({
      owner,
      repo,
      issue_number: 7,
      body: 'hello',
      user: { login: 'octocat', type: 'User' }
    })['id']
  )
  gh.seed.status({
    owner,
    repo,
    sha: SHA,
    state: 'success',
    context: 'ci',
    target_url: 'https://ci.example/1'
  })
  gh.seed.workflowRun({
    owner,
    repo,
    id: 4242,
    created_at: '2026-11-30T06:00:00.456Z',
    run_attempt: 2,
    head_sha: SHA,
    pull_requests: [{ number: 7, head: { sha: SHA, ref: 'feature' } }]
  })
  checkRunId = Number(
    gh.seed.checkRun(owner, repo, {
      name: 'Avido test gate',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Passed', summary: 'All good', text: 'record' }
    })['id']
  )
}, 60_000)

afterAll(async () => {
  await Promise.all([gh?.close(), patGh?.close()])
})

function conformance(route: string, answer: Answer): string[] {
  const schema = operations[route]?.responses[String(answer.status)]
  if (!schema) return [`the description documents no JSON answer ${answer.status} for ${route}`]
  return schemaProblems(schema, answer.body)
}

type Row = [GitHubRoute, string, string, (() => unknown) | undefined, number, GitHubEmulator?]

const rows = (): Row[] => [
  [
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
    'GET',
    '/repos/acme/bot/actions/runs/4242',
    undefined,
    200
  ],
  [
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    'GET',
    '/repos/acme/bot/issues/7/comments',
    undefined,
    200
  ],
  [
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    'POST',
    '/repos/acme/bot/issues/7/comments',
    () => ({ body: 'hi' }),
    201
  ],
  [
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    'PATCH',
    '/repos/acme/bot/issues/comments/ID',
    () => ({ body: 'edited' }),
    200
  ],
  [
    'POST /repos/{owner}/{repo}/statuses/{sha}',
    'POST',
    `/repos/acme/bot/statuses/${SHA}`,
    () => ({ state: 'pending', context: 'gate', target_url: 'https://ci.example/2' }),
    201
  ],
  [
    'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
    'GET',
    `/repos/acme/bot/commits/${SHA}/statuses`,
    undefined,
    200
  ],
  ['GET /repos/{owner}/{repo}/pulls', 'GET', '/repos/acme/bot/pulls?state=all', undefined, 200],
  ['GET /repos/{owner}/{repo}/pulls/{pull_number}', 'GET', '/repos/acme/bot/pulls/8', undefined, 200],
  [
    'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    'GET',
    `/repos/acme/bot/commits/${SHA}/pulls`,
    undefined,
    200
  ],
  ['GET /user', 'GET', '/user', undefined, 200, undefined],
  [
    'POST /repos/{owner}/{repo}/check-runs',
    'POST',
    '/repos/acme/bot/check-runs',
    () => ({
      name: 'gate',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://ci.example/3',
      external_id: 'x',
      output: { title: 'Waiting', summary: '…' }
    }),
    201
  ],
  [
    'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    'PATCH',
    '/repos/acme/bot/check-runs/ID',
    () => ({ conclusion: 'failure', output: { title: 'Failed', summary: 'Bad', text: 't' } }),
    200
  ],
  [
    'GET /repos/{owner}/{repo}/check-runs/{check_run_id}',
    'GET',
    '/repos/acme/bot/check-runs/ID',
    undefined,
    200
  ],
  [
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    'GET',
    `/repos/acme/bot/commits/${SHA}/check-runs?filter=all`,
    undefined,
    200
  ],
  [
    'GET /repos/{owner}/{repo}/commits',
    'GET',
    `/repos/acme/bot/commits?sha=${SHA}&per_page=3`,
    undefined,
    200
  ],
  ['GET /repos/{owner}/{repo}/commits/{ref}', 'GET', `/repos/acme/bot/commits/${SHA}`, undefined, 200]
]

describe("GitHub emulator against GitHub's OpenAPI description", () => {
  it('checks every route the emulator serves', () => {
    expect(
      rows()
        .map(r => r[0])
        .sort()
    ).toEqual([...GITHUB_ROUTES].sort())
  })

  it('serves every route the action calls', () => {
    const calls = new Set<string>()
    for (const file of readdirSync(SRC_GITHUB).filter(f => f.endsWith('.ts'))) {
      const text = readFileSync(`${SRC_GITHUB}${file}`, 'utf8')
      for (const [, scope = '', method = ''] of text.matchAll(/\bgh\.rest\.(\w+)\.(\w+)/g))
        calls.add(`${scope}.${method}`)
    }
    expect(calls.size).toBeGreaterThanOrEqual(11)
    const rest = client.rest as unknown as Record<
      string,
      Record<string, { endpoint: { DEFAULTS: { method: string; url: string } } }>
    >
    for (const call of calls) {
      const [scope = '', method = ''] = call.split('.')
      const defaults = rest[scope]?.[method]?.endpoint.DEFAULTS
      expect({ call, route: defaults && `${defaults.method} ${defaults.url}` }).toEqual({
        call,
        route: expect.stringMatching(new RegExp(`^(${GITHUB_ROUTES.map(escape).join('|')})$`))
      })
    }
  })

  it.each(rows().map(r => [r[0], r] as const))('%s answers as described', async (route, row) => {
    const [, method, rawPath, body, status] = row
    const target = route === 'GET /user' ? patGh : gh
    const path = rawPath
      .replace('/comments/ID', `/comments/${commentId}`)
      .replace('/check-runs/ID', `/check-runs/${checkRunId}`)
    const answer = await call(target, method, path, body?.())
    expect(answer.status).toBe(status)
    expect(conformance(route, answer)).toEqual([])
    if (Array.isArray(answer.body)) expect(answer.body.length).toBeGreaterThan(0)
  })

  it('keeps timestamps to whole seconds even when seeded with milliseconds', async () => {
    const run = await call(gh, 'GET', '/repos/acme/bot/actions/runs/4242')
    expect(run.body).toMatchObject({
      created_at: '2026-11-30T06:00:00Z',
      run_started_at: '2026-11-30T06:00:00Z'
    })
    const commit = (await call(gh, 'GET', `/repos/acme/bot/commits/${SHA}`)).body as {
      commit: { author: { date: string } }
    }
    expect(commit.commit.author.date).toBe('2026-11-30T06:00:00Z')
  })
})

describe('error answers', () => {
  const validationError = (): Schema =>
    operations['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']?.responses['422'] as Schema
  const basicError = (): Schema =>
    operations['GET /repos/{owner}/{repo}/issues/{issue_number}/comments']?.responses['404'] as Schema

  it.each([
    ['a context over 255 characters', { state: 'success', context: 'c'.repeat(256) }, 'context'],
    ['a target_url that is not a URL', { state: 'success', target_url: 'not a url' }, 'target_url'],
    ['a target_url without http(s)', { state: 'success', target_url: 'ftp://ci.example/1' }, 'target_url']
  ])('a status with %s is refused with 422 Validation Failed', async (_name, body, field) => {
    const answer = await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, body)
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Status', field, code: 'custom' }]
    })
    expect(schemaProblems(validationError(), answer.body)).toEqual([])
  })

  it('accepts a 255-character context', async () => {
    const answer = await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, {
      state: 'success',
      context: 'c'.repeat(255)
    })
    expect(answer.status).toBe(201)
  })

  it('answers 404 and 403 in the basic error shape', async () => {
    expect(
      schemaProblems(basicError(), (await call(gh, 'GET', '/repos/acme/bot/issues/99/comments')).body)
    ).toEqual([])
    const refused = await call(patGh, 'POST', '/repos/acme/bot/check-runs', { name: 'gate', head_sha: SHA })
    expect(refused).toMatchObject({
      status: 403,
      body: { message: 'You must authenticate via a GitHub App.' }
    })
    expect(schemaProblems(basicError(), refused.body)).toEqual([])
  })
})

describe("the action's request bodies", () => {
  it('match the request schemas of the check run and status operations', async () => {
    const created = await createCheckRun(client, {
      owner,
      repo,
      headSha: SHA,
      name: 'Avido test gate',
      status: 'in_progress',
      detailsUrl: 'https://ci.example/run',
      externalId: 'gate:1',
      startedAt: '2026-11-30T06:00:00Z',
      output: { title: 'Waiting for the run', summary: 'Started' }
    })
    await updateCheckRun(client, {
      owner,
      repo,
      checkRunId: created.id,
      conclusion: 'success',
      completedAt: '2026-11-30T06:05:00Z',
      output: { title: 'Passed', summary: 'All good', text: '<!-- record -->' }
    })
    await postCommitStatus(client, {
      owner,
      repo,
      sha: SHA,
      state: 'success',
      description: 'ok',
      context: 'gate'
    })
    const sent = gh.requests.slice(-3)
    for (const request of sent) {
      const schema = request.route && operations[request.route]?.requestBody
      expect(schema).toBeDefined()
      expect({ route: request.route, problems: schemaProblems(schema as Schema, request.body) }).toEqual({
        route: request.route,
        problems: []
      })
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
