import { describe, expect, it } from '@jest/globals'
import { type GitHubEmulator } from '../../emulators/github/index.js'
import { call, useGitHubEmulator, type Answer } from '../support/github-emulator.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)

const start = useGitHubEmulator()

const create = (gh: GitHubEmulator, body: object): Promise<Answer> =>
  call(gh, 'POST', '/repos/acme/bot/check-runs', { name: 'gate', head_sha: SHA, ...body })

describe('GitHub emulator: check runs', () => {
  it('records a check run going from in_progress to completed', async () => {
    const gh = await start()
    const created = await create(gh, { status: 'in_progress', details_url: 'https://ci.example/1' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'in_progress', conclusion: null, completed_at: null })
    const id = created.body.id as number
    const done = await call(gh, 'PATCH', `/repos/acme/bot/check-runs/${id}`, {
      conclusion: 'failure',
      output: { title: 'Failed', summary: 'Pass rate fell', text: 'record' }
    })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { text: 'record' }
    })
    expect(done.body.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(gh.checkRunHistory(id).map(r => [r['status'], r['conclusion']])).toEqual([
      ['in_progress', null],
      ['completed', 'failure']
    ])
    expect(gh.checkRuns('acme', 'bot', SHA).map(r => r['id'])).toEqual([id])
    expect((await call(gh, 'GET', `/repos/acme/bot/check-runs/${id}`)).body).toEqual(done.body)
    expect((await call(gh, 'GET', '/repos/other/repo/check-runs/' + id)).status).toBe(404)
  })

  it.each([
    ['no name', { name: undefined }, /"name" wasn't supplied/],
    ['completed without a conclusion', { status: 'completed' }, /"conclusion" wasn't supplied/],
    ['an unknown status', { status: 'done' }, /status/],
    ['an unknown conclusion', { conclusion: 'passed' }, /conclusion/],
    [
      'a summary over 65,535 characters',
      { output: { title: 't', summary: 's'.repeat(65_536) } },
      /Only 65535 characters are allowed; 65536 were supplied/
    ],
    [
      'a text over 65,535 characters',
      { output: { title: 't', summary: 's', text: 'x'.repeat(70_000) } },
      /Only 65535 characters/
    ],
    ['an output without a summary', { output: { title: 't' } }, /"summary" wasn't supplied/],
    ['a started_at that is no time', { started_at: 'yesterday' }, /started_at/]
  ])('refuses a check run with %s (422)', async (_name, body, message) => {
    const gh = await start()
    const res = await create(gh, body)
    expect(res.status).toBe(422)
    expect(res.body.message).toMatch(message)
    expect(gh.checkRuns('acme', 'bot')).toEqual([])
  })

  it('counts the output limit in UTF-8 bytes too, as GitHub does', async () => {
    const gh = await start()
    const wide = '🟢'.repeat(16_384) // 32,768 UTF-16 units, 65,536 bytes
    const res = await create(gh, { output: { title: 't', summary: wide } })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'CheckRun', field: 'summary', code: 'custom' }]
    })
    const fits = await create(gh, {
      output: { title: 't', summary: 's'.repeat(65_535), text: 'x'.repeat(65_535) }
    })
    expect(fits.status).toBe(201)
  })

  it('refuses an update to completed without a conclusion, and keeps the run as it was', async () => {
    const gh = await start()
    const { body } = await create(gh, { status: 'in_progress' })
    const res = await call(gh, 'PATCH', `/repos/acme/bot/check-runs/${body.id}`, { status: 'completed' })
    expect(res.status).toBe(422)
    expect(gh.checkRunHistory(body.id)).toHaveLength(1)
  })

  it('denies checks: write separately: check runs 403, statuses and comments still work', async () => {
    const gh = await start({ permissions: { checks: 'read' } })
    const refused = await create(gh, { status: 'in_progress' })
    expect(refused.status).toBe(403)
    expect(refused.body.message).toBe('Resource not accessible by integration')
    expect((await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, { state: 'pending' })).status).toBe(201)
    expect((await call(gh, 'GET', `/repos/acme/bot/commits/${SHA}/check-runs`)).status).toBe(200)

    gh.setPermission('checks', 'write')
    const { body } = await create(gh, { status: 'in_progress' })
    gh.setPermission('checks', 'read')
    const update = await call(gh, 'PATCH', `/repos/acme/bot/check-runs/${body.id}`, { conclusion: 'success' })
    expect(update.status).toBe(403)
    gh.setPermission('statuses', 'read')
    expect((await call(gh, 'POST', `/repos/acme/bot/statuses/${SHA}`, { state: 'pending' })).status).toBe(403)
  })

  it('refuses check run writes from a personal token: only GitHub Apps may write them', async () => {
    const gh = await start({ selfLogin: 'octocat' })
    const res = await create(gh, {})
    expect(res.status).toBe(403)
    expect(res.body.message).toBe('You must authenticate via a GitHub App.')
  })

  it("lists a commit's check runs newest first, by name and status, latest or all, paged", async () => {
    const gh = await start()
    gh.seed.branch('acme', 'bot', 'main', SHA)
    for (const body of [
      { name: 'gate', status: 'completed', conclusion: 'success' },
      { name: 'gate', status: 'in_progress' },
      { name: 'lint', status: 'completed', conclusion: 'failure' }
    ]) {
      gh.seed.checkRun('acme', 'bot', { head_sha: SHA, ...body })
    }
    gh.seed.checkRun('acme', 'bot', { head_sha: OTHER, name: 'gate' })
    const ids = gh.checkRuns('acme', 'bot', SHA).map(r => r['id'] as number)
    const list = async (query: string): Promise<Answer> =>
      call(gh, 'GET', `/repos/acme/bot/commits/${SHA}/check-runs${query}`)

    const latest = await list('')
    expect(latest.body.total_count).toBe(2)
    expect(latest.body.check_runs.map((r: { id: number }) => r.id)).toEqual([ids[2], ids[1]])
    const all = await list('?check_name=gate&filter=all')
    expect(all.body.check_runs.map((r: { id: number }) => r.id)).toEqual([ids[1], ids[0]])
    const completed = await list('?check_name=gate&filter=all&status=completed')
    expect(completed.body.check_runs.map((r: { id: number }) => r.id)).toEqual([ids[0]])
    const latestCompleted = await list('?check_name=gate&status=completed')
    expect(latestCompleted.body.total_count).toBe(0)

    const page2 = await list('?filter=all&per_page=2&page=2')
    expect(page2.body).toMatchObject({ total_count: 3, check_runs: [{ id: ids[0] }] })
    expect(page2.headers.get('link')).toContain('rel="prev"')
    expect((await call(gh, 'GET', '/repos/acme/bot/commits/main/check-runs')).body.total_count).toBe(2)
    expect((await list('?filter=newest')).status).toBe(422)
  })
})

describe('GitHub emulator: commits', () => {
  it('lists history from a SHA newest first, paged, with parents', async () => {
    const gh = await start()
    const chain = gh.seed.commitChain('acme', 'bot', { length: 5, branch: 'main' })
    const first = await call(gh, 'GET', `/repos/acme/bot/commits?sha=${chain[1]}&per_page=2`)
    expect(first.body.map((c: { sha: string }) => c.sha)).toEqual([chain[1], chain[2]])
    expect(first.body[0].parents).toEqual([
      {
        sha: chain[2],
        url: `${gh.url}/repos/acme/bot/commits/${chain[2]}`,
        html_url: `${gh.serverUrl}/acme/bot/commit/${chain[2]}`
      }
    ])
    const second = await call(gh, 'GET', `/repos/acme/bot/commits?sha=${chain[1]}&per_page=2&page=2`)
    expect(second.body.map((c: { sha: string }) => c.sha)).toEqual([chain[3], chain[4]])
    expect(second.body[1].parents).toEqual([])
    const byBranch = await call(gh, 'GET', '/repos/acme/bot/commits')
    expect(byBranch.body).toHaveLength(5)
    expect(byBranch.body[0].sha).toBe(chain[0])
  })

  it('orders a merge newest first with every commit before its parents', async () => {
    const gh = await start()
    const [root, side, main1, merge] = ['1', '2', '3', '4'].map(d => d.repeat(40))
    gh.seed.commits('acme', 'bot', [
      { sha: root as string, date: '2026-01-01T00:00:00Z' },
      { sha: main1 as string, parents: [root as string], date: '2026-01-01T01:00:00Z' },
      { sha: side as string, parents: [root as string], date: '2026-01-01T02:00:00Z' },
      { sha: merge as string, parents: [main1 as string, side as string], date: '2026-01-01T03:00:00Z' }
    ])
    const res = await call(gh, 'GET', `/repos/acme/bot/commits?sha=${merge}`)
    expect(res.body.map((c: { sha: string }) => c.sha)).toEqual([merge, side, main1, root])
  })

  it('gets one commit by SHA, short SHA or branch; 422 for an unknown one, 404 to list from it', async () => {
    const gh = await start()
    expect((await call(gh, 'GET', '/repos/acme/bot/commits')).status).toBe(409)
    const [head = ''] = gh.seed.commitChain('acme', 'bot', { length: 2, branch: 'release' })
    for (const ref of [head, head.slice(0, 7), 'release']) {
      const res = await call(gh, 'GET', `/repos/acme/bot/commits/${ref}`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ sha: head, stats: { total: 0 }, files: [] })
    }
    const missing = await call(gh, 'GET', `/repos/acme/bot/commits/${OTHER}`)
    expect(missing).toMatchObject({ status: 422, body: { message: `No commit found for SHA: ${OTHER}` } })
    expect((await call(gh, 'GET', `/repos/acme/bot/commits?sha=${OTHER}`)).status).toBe(404)
  })
})
