import { describe, expect, it } from '@jest/globals'
import { primaryRateLimit, secondaryRateLimit, type GitHubEmulator } from '../../emulators/github/index.js'
import { call, useGitHubEmulator } from '../support/github-emulator.js'

const SHA = 'a'.repeat(40)
const OTHER_SHA = 'b'.repeat(40)

const start = useGitHubEmulator()

function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>;\s*rel="(\w+)"/.exec(part)
    if (m?.[1] && m[2]) out[m[2]] = m[1]
  }
  return out
}

function seedComments(gh: GitHubEmulator, count: number): void {
  gh.seed.pull({ owner: 'acme', repo: 'bot', number: 7, head: { sha: SHA, ref: 'feature' } })
  gh.seed.comments(
    Array.from({ length: count }, (_, i) => ({
      owner: 'acme',
      repo: 'bot',
      issue_number: 7,
      body: `comment ${i + 1}`,
      user: { login: 'octocat', type: 'User' as const }
    }))
  )
}

describe('GitHub emulator: authentication and routing', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'token ghs_wrong'],
    ['a malformed header', 'ghs_test_token']
  ])('answers 401 Bad credentials for %s', async (_name, auth) => {
    const gh = await start()
    const res = await call(gh, 'GET', '/repos/acme/bot/pulls', undefined, auth)
    expect(res.status).toBe(401)
    expect(res.body.message).toBe('Bad credentials')
  })

  it.each(['token', 'Bearer', 'bearer'])('accepts the token as "%s X"', async scheme => {
    const gh = await start({ token: 'ghp_custom' })
    const res = await call(gh, 'GET', '/repos/acme/bot/pulls', undefined, `${scheme} ghp_custom`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual([])
    expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/)
  })

  it('answers 404 Not Found for an unknown route and records every request', async () => {
    const gh = await start()
    const res = await call(gh, 'GET', '/repos/acme/bot/branches')
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('Not Found')
    expect(gh.requests).toHaveLength(1)
    expect(gh.requests[0]).toMatchObject({ method: 'GET', path: '/repos/acme/bot/branches', status: 404 })
    expect(gh.requests[0]?.route).toBeUndefined()
  })

  it('serves under /api/v3 like GitHub Enterprise Server, and nothing outside it', async () => {
    const gh = await start({ pathPrefix: '/api/v3' })
    expect(gh.url).toBe(`${gh.serverUrl}/api/v3`)
    seedComments(gh, 40)
    const inside = await call(gh, 'GET', '/repos/acme/bot/issues/7/comments')
    expect(inside.status).toBe(200)
    expect(links(inside.headers.get('link'))['next']).toBe(
      `${gh.serverUrl}/api/v3/repos/acme/bot/issues/7/comments?page=2`
    )
    const outside = await call(gh, 'GET', `${gh.serverUrl}/repos/acme/bot/issues/7/comments`)
    expect(outside.status).toBe(404)
    expect(inside.body[0].html_url).toMatch(new RegExp(`^${gh.serverUrl}/acme/bot/pull/7#issuecomment-\\d+$`))
  })
})

describe('GitHub emulator: comments', () => {
  it('pages 250 comments with absolute Link headers (next, last, prev, first)', async () => {
    const gh = await start()
    seedComments(gh, 250)
    const first = await call(gh, 'GET', '/repos/acme/bot/issues/7/comments?per_page=100')
    expect(first.body).toHaveLength(100)
    const firstLinks = links(first.headers.get('link'))
    expect(Object.keys(firstLinks).sort()).toEqual(['last', 'next'])
    expect(firstLinks['last']).toBe(`${gh.url}/repos/acme/bot/issues/7/comments?per_page=100&page=3`)

    const second = await call(gh, 'GET', firstLinks['next'] ?? '')
    expect(second.body[0].body).toBe('comment 101')
    expect(Object.keys(links(second.headers.get('link'))).sort()).toEqual(['first', 'last', 'next', 'prev'])

    const third = await call(gh, 'GET', links(second.headers.get('link'))['next'] ?? '')
    expect(third.body).toHaveLength(50)
    expect(third.body[49].body).toBe('comment 250')
    expect(Object.keys(links(third.headers.get('link'))).sort()).toEqual(['first', 'prev'])
  })

  it('defaults to 30 per page, caps per_page at 100, and sends no Link for a single page', async () => {
    const gh = await start()
    seedComments(gh, 150)
    expect((await call(gh, 'GET', '/repos/acme/bot/issues/7/comments')).body).toHaveLength(30)
    expect((await call(gh, 'GET', '/repos/acme/bot/issues/7/comments?per_page=500')).body).toHaveLength(100)
    const beyond = await call(gh, 'GET', '/repos/acme/bot/issues/7/comments?per_page=100&page=9')
    expect(beyond.body).toEqual([])

    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 8, head: { sha: OTHER_SHA, ref: 'other' } })
    const single = await call(gh, 'GET', '/repos/acme/bot/issues/8/comments')
    expect(single.body).toEqual([])
    expect(single.headers.get('link')).toBeNull()
  })

  it('answers 404 for comments of an issue that does not exist', async () => {
    const gh = await start()
    expect((await call(gh, 'GET', '/repos/acme/bot/issues/99/comments')).status).toBe(404)
    expect((await call(gh, 'POST', '/repos/acme/bot/issues/99/comments', { body: 'x' })).status).toBe(404)
  })

  it('creates comments as github-actions[bot] and updates them in place', async () => {
    const gh = await start()
    seedComments(gh, 0)
    const created = await call(gh, 'POST', '/repos/acme/bot/issues/7/comments', { body: 'first' })
    expect(created.status).toBe(201)
    expect(created.body.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })
    expect(created.body.url).toBe(`${gh.url}/repos/acme/bot/issues/comments/${created.body.id}`)

    const updated = await call(gh, 'PATCH', `/repos/acme/bot/issues/comments/${created.body.id}`, {
      body: 'second'
    })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ id: created.body.id, body: 'second' })
    expect(gh.comments('acme', 'bot', 7).map(c => c['body'])).toEqual(['second'])

    const missing = await call(gh, 'PATCH', '/repos/acme/bot/issues/comments/42', { body: 'x' })
    expect(missing.status).toBe(404)
    expect(gh.requests.map(r => r.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
    ])
    expect(gh.requests[0]?.body).toEqual({ body: 'first' })
  })

  it('authors comments as the token user and answers GET /user when selfLogin is set', async () => {
    const gh = await start({ selfLogin: 'release-bot-user' })
    seedComments(gh, 0)
    const created = await call(gh, 'POST', '/repos/acme/bot/issues/7/comments', { body: 'hi' })
    expect(created.body.user).toMatchObject({ login: 'release-bot-user', type: 'User' })
    const user = await call(gh, 'GET', '/user')
    expect(user.status).toBe(200)
    expect(user.body).toMatchObject({ login: 'release-bot-user', type: 'User' })
  })

  it('refuses GET /user for an installation token', async () => {
    const gh = await start()
    const user = await call(gh, 'GET', '/user')
    expect(user.status).toBe(403)
    expect(user.body.message).toBe('Resource not accessible by integration')
  })

  it.each([
    ['POST', '/repos/acme/bot/issues/7/comments'],
    ['PATCH', '/repos/acme/bot/issues/comments/ID']
  ])('rejects a %s comment body over 65,536 characters with 422 Validation Failed', async (method, path) => {
    const gh = await start()
    seedComments(gh, 1)
    const id = String(gh.comments('acme', 'bot', 7)[0]?.['id'])
    const target = path.replace('ID', id)
    const tooLong = await call(gh, method, target, { body: 'x'.repeat(65_537) })
    expect(tooLong.status).toBe(422)
    expect(tooLong.body.message).toBe('Validation Failed')
    expect(tooLong.body.errors[0]).toMatchObject({ resource: 'IssueComment', field: 'data' })
    expect(tooLong.body.errors[0].message).toMatch(/Body is too long \(maximum is 65536 characters\)/)
    expect((await call(gh, method, target, { body: 'x'.repeat(65_536) })).status).toBeLessThan(300)
  })

  it('answers 400 for a body that is not JSON', async () => {
    const gh = await start()
    seedComments(gh, 0)
    const res = await fetch(`${gh.url}/repos/acme/bot/issues/7/comments`, {
      method: 'POST',
      headers: { authorization: `token ${gh.token}` },
      body: '{nope'
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toBe('Problems parsing JSON')
  })
})

describe('GitHub emulator: read-only tokens', () => {
  it('answers every write with 403 Resource not accessible by integration, reads still work', async () => {
    const gh = await start({ readOnly: true })
    seedComments(gh, 1)
    const writes = [
      await call(gh, 'POST', '/repos/acme/bot/issues/7/comments', { body: 'x' }),
      await call(gh, 'PATCH', `/repos/acme/bot/issues/comments/${gh.comments('acme', 'bot', 7)[0]?.['id']}`, {
        body: 'x'
      }),
      await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, { state: 'success', context: 'gate' })
    ]
    for (const res of writes) {
      expect(res.status).toBe(403)
      expect(res.body.message).toBe('Resource not accessible by integration')
      expect(res.body.documentation_url).toMatch(/^https:\/\/docs\.github\.com\//)
    }
    expect((await call(gh, 'GET', '/repos/acme/bot/issues/7/comments')).status).toBe(200)

    gh.setReadOnly(false)
    expect((await call(gh, 'POST', '/repos/acme/bot/issues/7/comments', { body: 'x' })).status).toBe(201)
  })
})

describe('GitHub emulator: commit statuses', () => {
  it.each([
    ['an unknown state', { state: 'passed', context: 'gate' }, 'state'],
    ['a missing state', { context: 'gate' }, 'state'],
    ['a 141-character description', { state: 'success', description: 'd'.repeat(141) }, 'description']
  ])('rejects %s with 422', async (_name, body, field) => {
    const gh = await start()
    const res = await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, body)
    expect(res.status).toBe(422)
    expect(res.body.message).toBe('Validation Failed')
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field])
    expect(gh.statuses('acme', 'bot', SHA)).toEqual([])
  })

  it('rejects a SHA that is not a commit', async () => {
    const gh = await start()
    const res = await call(gh, 'POST', '/repos/acme/bot/statuses/main', { state: 'success' })
    expect(res.status).toBe(422)
    expect(res.body.message).toBe('No commit found for SHA: main')
  })

  it('stores valid statuses and lists them newest first, also by branch name', async () => {
    const gh = await start()
    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 7, head: { sha: SHA, ref: 'feature' } })
    for (const state of ['pending', 'error', 'failure', 'success']) {
      const res = await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, {
        state,
        context: 'Avido test gate',
        description: 'd'.repeat(140),
        target_url: 'https://example.test/run'
      })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        state,
        context: 'Avido test gate',
        creator: { login: 'github-actions[bot]' }
      })
    }
    expect(gh.statuses('acme', 'bot', SHA).map(s => s['state'])).toEqual([
      'pending',
      'error',
      'failure',
      'success'
    ])
    const listed = await call(gh, 'GET', `/repos/acme/bot/commits/${SHA}/statuses`)
    expect(listed.body.map((s: { state: string }) => s.state)).toEqual([
      'success',
      'failure',
      'error',
      'pending'
    ])
    const byBranch = await call(gh, 'GET', '/repos/acme/bot/commits/feature/statuses')
    expect(byBranch.body).toHaveLength(4)
  })
})

describe('GitHub emulator: workflow runs and pulls', () => {
  it('returns a seeded workflow run and 404 for another', async () => {
    const gh = await start()
    gh.seed.workflowRun({
      owner: 'acme',
      repo: 'bot',
      id: 123,
      created_at: '2025-01-01T10:00:00Z',
      run_started_at: '2025-01-01T11:00:00Z',
      run_attempt: 2,
      head_sha: SHA,
      pull_requests: [{ number: 7, head: { sha: SHA, ref: 'feature' } }]
    })
    const run = await call(gh, 'GET', '/repos/ACME/Bot/actions/runs/123')
    expect(run.status).toBe(200)
    expect(run.body).toMatchObject({
      id: 123,
      created_at: '2025-01-01T10:00:00Z',
      run_started_at: '2025-01-01T11:00:00Z',
      run_attempt: 2,
      head_sha: SHA,
      html_url: `${gh.serverUrl}/acme/bot/actions/runs/123`
    })
    expect(run.body.pull_requests[0]).toMatchObject({ number: 7, head: { sha: SHA } })
    expect((await call(gh, 'GET', '/repos/acme/bot/actions/runs/124')).status).toBe(404)
  })

  it('filters pulls by state and head, and pages them', async () => {
    const gh = await start()
    for (let n = 1; n <= 45; n++) {
      gh.seed.pull({ owner: 'acme', repo: 'bot', number: n, head: { sha: SHA, ref: `b${n}` } })
    }
    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 46, head: { sha: SHA, ref: 'gone' }, state: 'closed' })
    gh.seed.pull({
      owner: 'acme',
      repo: 'bot',
      number: 47,
      head: { sha: OTHER_SHA, ref: 'patch-1', repo: 'forker/bot' }
    })

    const open = await call(gh, 'GET', '/repos/acme/bot/pulls?per_page=100')
    expect(open.body).toHaveLength(46)
    expect(open.body.every((p: { state: string }) => p.state === 'open')).toBe(true)
    expect((await call(gh, 'GET', '/repos/acme/bot/pulls?state=all&per_page=100')).body).toHaveLength(47)
    expect(
      (await call(gh, 'GET', '/repos/acme/bot/pulls?state=closed')).body.map(
        (p: { number: number }) => p.number
      )
    ).toEqual([46])

    const fork = await call(gh, 'GET', '/repos/acme/bot/pulls?head=forker:patch-1')
    expect(fork.body).toHaveLength(1)
    expect(fork.body[0]).toMatchObject({ number: 47, head: { sha: OTHER_SHA, label: 'forker:patch-1' } })

    const firstPage = await call(gh, 'GET', '/repos/acme/bot/pulls')
    expect(firstPage.body).toHaveLength(30)
    expect(links(firstPage.headers.get('link'))['next']).toContain('page=2')
  })

  it('lists the pulls associated with a commit, whatever their state', async () => {
    const gh = await start()
    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 1, head: { sha: SHA, ref: 'a' } })
    gh.seed.pull({
      owner: 'acme',
      repo: 'bot',
      number: 2,
      head: { sha: OTHER_SHA, ref: 'b' },
      commits: [SHA]
    })
    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 3, head: { sha: SHA, ref: 'c' }, state: 'closed' })
    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 4, head: { sha: OTHER_SHA, ref: 'd' } })
    const res = await call(gh, 'GET', `/repos/acme/bot/commits/${SHA}/pulls`)
    expect(res.body.map((p: { number: number }) => p.number).sort()).toEqual([1, 2, 3])
  })
})

describe('GitHub emulator: faults', () => {
  it('answers a secondary rate limit the given number of times, then normally', async () => {
    const gh = await start()
    gh.inject('GET /repos/{owner}/{repo}/pulls', secondaryRateLimit(1), { times: 2 })
    for (let i = 0; i < 2; i++) {
      const limited = await call(gh, 'GET', '/repos/acme/bot/pulls')
      expect(limited.status).toBe(403)
      expect(limited.headers.get('retry-after')).toBe('1')
      expect(limited.body.message).toMatch(/^You have exceeded a secondary rate limit/)
    }
    expect((await call(gh, 'GET', '/repos/acme/bot/pulls')).status).toBe(200)
  })

  it('answers a primary rate limit with x-ratelimit-remaining 0 and a reset time', async () => {
    const gh = await start()
    gh.inject('GET /user', primaryRateLimit({ status: 429, resetInSeconds: 30 }))
    const before = Math.floor(Date.now() / 1000)
    const res = await call(gh, 'GET', '/user')
    expect(res.status).toBe(429)
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(before + 29)
  })

  it('only touches the route it was injected on, and clearFaults disarms', async () => {
    const gh = await start()
    gh.inject(
      'GET /repos/{owner}/{repo}/pulls',
      { status: 502, body: { message: 'Bad gateway' } },
      { times: 5 }
    )
    expect((await call(gh, 'GET', '/repos/acme/bot/commits/main/statuses')).status).toBe(200)
    expect((await call(gh, 'GET', '/repos/acme/bot/pulls')).status).toBe(502)
    gh.clearFaults()
    expect((await call(gh, 'GET', '/repos/acme/bot/pulls')).status).toBe(200)
  })

  it('delays an answer and drops a connection', async () => {
    const gh = await start()
    gh.inject('*', { delayMs: 150 })
    const started = Date.now()
    expect((await call(gh, 'GET', '/repos/acme/bot/pulls')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)

    gh.inject('GET /repos/{owner}/{repo}/pulls', { reset: true })
    await expect(call(gh, 'GET', '/repos/acme/bot/pulls')).rejects.toThrow()
    expect((await call(gh, 'GET', '/repos/acme/bot/pulls')).status).toBe(200)
  })
})
