import { afterEach, describe, expect, it } from '@jest/globals'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubEmulatorOptions
} from '../../emulators/github/index.js'
import { createCheckRun, updateCheckRun } from '../../src/github/check-runs.js'
import { listCommits } from '../../src/github/commits.js'
import { listCheckRunsForRef } from '../../src/github/list-check-runs.js'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'

const SHA = 'd'.repeat(40)
const repo = { owner: 'acme', repo: 'bot' }
const NAME = 'Avido test gate'

let emulator: GitHubEmulator | undefined

async function setup(
  options: GitHubEmulatorOptions = {},
  retries = 0
): Promise<{ gh: GitHubEmulator; client: GitHubClient }> {
  emulator = await startGitHubEmulator(options)
  return { gh: emulator, client: createOctokit({ token: emulator.token, apiUrl: emulator.url, retries }) }
}

afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

describe('createCheckRun / updateCheckRun', () => {
  it('opens a check run in progress and completes it with the report', async () => {
    const { gh, client } = await setup()
    const created = await createCheckRun(client, {
      ...repo,
      headSha: SHA,
      name: NAME,
      status: 'in_progress',
      detailsUrl: 'https://github.example/acme/bot/actions/runs/1',
      output: { title: 'Waiting for the Avido run', summary: 'Started' }
    })
    expect(created).toMatchObject({ status: 'in_progress', conclusion: null })
    expect(created.htmlUrl).toBe(`${gh.serverUrl}/acme/bot/runs/${created.id}`)

    const done = await updateCheckRun(client, {
      ...repo,
      checkRunId: created.id,
      conclusion: 'failure',
      output: { title: '62% passed', summary: '## Report', text: '<!-- record -->' }
    })
    expect(done).toEqual({
      id: created.id,
      htmlUrl: created.htmlUrl,
      status: 'completed',
      conclusion: 'failure'
    })
    const states = gh.checkRunHistory(created.id)
    expect(states.map(s => s['status'])).toEqual(['in_progress', 'completed'])
    expect(states[1]).toMatchObject({
      name: NAME,
      head_sha: SHA,
      details_url: 'https://github.example/acme/bot/actions/runs/1',
      output: { title: '62% passed', summary: '## Report', text: '<!-- record -->' }
    })
    expect(gh.requests[0]?.body).not.toHaveProperty('conclusion')
  })

  it('does not retry a create that failed (it may have landed), but retries an update', async () => {
    const { gh, client } = await setup({}, 2)
    gh.inject('POST /repos/{owner}/{repo}/check-runs', { status: 502 }, { times: 1 })
    const failed = await createCheckRun(client, { ...repo, headSha: SHA, name: NAME }).catch(
      (e: unknown) => e
    )
    expect((failed as { status?: number }).status).toBe(502)
    expect(gh.requests).toHaveLength(1)

    const { id } = await createCheckRun(client, { ...repo, headSha: SHA, name: NAME, status: 'in_progress' })
    gh.inject('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { status: 502 }, { times: 1 })
    const done = await updateCheckRun(client, { ...repo, checkRunId: id, conclusion: 'success' })
    expect(done.status).toBe('completed')
    expect(gh.requests.filter(r => r.method === 'PATCH').map(r => r.status)).toEqual([502, 200])
  })

  it('is refused with 403 without checks: write, and with a personal token', async () => {
    const denied = await setup({ permissions: { checks: 'read' } })
    const error = await createCheckRun(denied.client, { ...repo, headSha: SHA, name: NAME }).catch(
      (e: unknown) => e
    )
    expect(error).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    })
    await emulator?.close()

    const pat = await setup({ selfLogin: 'octocat' })
    const refused = await createCheckRun(pat.client, { ...repo, headSha: SHA, name: NAME }).catch(
      (e: unknown) => e
    )
    expect(refused).toMatchObject({
      status: 403,
      message: expect.stringContaining('You must authenticate via a GitHub App')
    })
  })

  it('surfaces GitHub refusing an oversized summary as a 422', async () => {
    const { client } = await setup()
    const error = await createCheckRun(client, {
      ...repo,
      headSha: SHA,
      name: NAME,
      conclusion: 'success',
      output: { title: 't', summary: 'x'.repeat(65_536) }
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422 })
  })
})

describe('listCheckRunsForRef', () => {
  it('lists every check run of the name on a commit, newest first, from one page of 100', async () => {
    const { gh, client } = await setup()
    gh.seed.checkRun('acme', 'bot', {
      head_sha: SHA,
      name: NAME,
      conclusion: 'success',
      output: { title: 'old', summary: 's', text: 'record-1' }
    })
    gh.seed.checkRun('acme', 'bot', { head_sha: SHA, name: 'lint', conclusion: 'success' })
    gh.seed.checkRun('acme', 'bot', { head_sha: SHA, name: NAME, status: 'in_progress' })

    const runs = await listCheckRunsForRef(client, { ...repo, ref: SHA, checkName: NAME })
    expect(runs.map(r => [r.status, r.output.text])).toEqual([
      ['in_progress', null],
      ['completed', 'record-1']
    ])
    expect(runs[1]).toMatchObject({
      name: NAME,
      headSha: SHA,
      conclusion: 'success',
      appSlug: 'github-actions'
    })
    expect(gh.requests).toHaveLength(1)
    expect(gh.requests[0]?.query).toEqual({ check_name: NAME, filter: 'all', per_page: '100' })

    const latest = await listCheckRunsForRef(client, { ...repo, ref: SHA, checkName: NAME, filter: 'latest' })
    expect(latest.map(r => r.status)).toEqual(['in_progress'])
    const completed = await listCheckRunsForRef(client, {
      ...repo,
      ref: SHA,
      checkName: NAME,
      status: 'completed'
    })
    expect(completed.map(r => r.output.text)).toEqual(['record-1'])
  })
})

describe('listCommits', () => {
  it('returns the first-parent history from a SHA in a single request of per_page = max', async () => {
    const { gh, client } = await setup()
    const chain = gh.seed.commitChain('acme', 'bot', { length: 30, branch: 'main' })
    const commits = await listCommits(client, { ...repo, sha: chain[3] ?? '', max: 20 })
    expect(commits.map(c => c.sha)).toEqual(chain.slice(3, 23))
    expect(commits[0]).toMatchObject({
      parents: [chain[4]],
      htmlUrl: `${gh.serverUrl}/acme/bot/commit/${chain[3]}`
    })
    expect(commits[0]?.committedAt).toMatch(/Z$/)
    expect(gh.requests).toHaveLength(1)
    expect(gh.requests[0]?.query).toEqual({ sha: chain[3], per_page: '20' })

    expect((await listCommits(client, { ...repo, sha: 'main', max: 500 })).map(c => c.sha)).toEqual(chain)
    expect(gh.requests[1]?.query['per_page']).toBe('100')
  })

  it('follows first parents past a merge, leaving out the merged branch', async () => {
    const { gh, client } = await setup()
    const base = gh.seed.commitChain('acme', 'bot', { length: 2 })
    const side = gh.seed.commitChain('acme', 'bot', { length: 2, parent: base[0] })
    const merge = '9'.repeat(40)
    gh.seed.commits('acme', 'bot', [{ sha: merge, parents: [base[0] ?? '', side[0] ?? ''] }])
    const commits = await listCommits(client, { ...repo, sha: merge, max: 10 })
    expect(commits.map(c => c.sha)).toEqual([merge, ...base])
  })

  it('finds the newest ancestor of a base commit holding a completed check run', async () => {
    const { gh, client } = await setup()
    const history = gh.seed.commitChain('acme', 'bot', { length: 6, branch: 'main' })
    gh.seed.checkRun('acme', 'bot', {
      head_sha: history[4],
      name: NAME,
      conclusion: 'success',
      output: { title: 't', summary: 's', text: 'old' }
    })
    gh.seed.checkRun('acme', 'bot', {
      head_sha: history[2],
      name: NAME,
      conclusion: 'failure',
      output: { title: 't', summary: 's', text: 'newer' }
    })
    gh.seed.checkRun('acme', 'bot', { head_sha: history[1], name: NAME, status: 'in_progress' })

    let found: string | null | undefined
    for (const commit of await listCommits(client, { ...repo, sha: history[0] ?? '', max: 20 })) {
      const runs = await listCheckRunsForRef(client, { ...repo, ref: commit.sha, checkName: NAME })
      const done = runs.find(r => r.status === 'completed')
      if (done) {
        found = done.output.text
        break
      }
    }
    expect(found).toBe('newer')
    expect(gh.requests).toHaveLength(4)
  })
})
