import { afterEach, describe, expect, it } from '@jest/globals'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubEmulatorOptions
} from '../../emulators/github/index.js'
import type { GateContext } from '../../src/github/context.js'
import { describeGitHubError, isPermissionError, missingPermissionMessage } from '../../src/github/errors.js'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'
import {
  findOpenPullRequestByHeadSha,
  findPullRequestForCommit,
  resolvePullRequestNumber
} from '../../src/github/pulls.js'
import { postCommitStatus, truncateDescription } from '../../src/github/status.js'
import { getWorkflowRunCreatedAt } from '../../src/github/workflow-run.js'

const SHA = 'd'.repeat(40)
const OTHER = 'e'.repeat(40)
const repo = { owner: 'acme', repo: 'bot' }

let emulator: GitHubEmulator | undefined

async function setup(
  options: GitHubEmulatorOptions = {}
): Promise<{ gh: GitHubEmulator; client: GitHubClient }> {
  emulator = await startGitHubEmulator(options)
  return { gh: emulator, client: createOctokit({ token: emulator.token, apiUrl: emulator.url, retries: 0 }) }
}

afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

describe('truncateDescription', () => {
  it.each([
    ['short text', 'All good', 'All good'],
    ['exactly 140', 'a'.repeat(140), 'a'.repeat(140)],
    ['141 characters', 'a'.repeat(141), `${'a'.repeat(139)}…`],
    ['newlines', 'one\n\ntwo', 'one two']
  ])('%s', (_name, input, expected) => {
    expect(truncateDescription(input)).toBe(expected)
  })

  it('never splits a surrogate pair and stays within 140 UTF-16 units', () => {
    const cut = truncateDescription('🟢'.repeat(100))
    expect(cut.length).toBeLessThanOrEqual(140)
    expect(cut).toBe(`${'🟢'.repeat(69)}…`)
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('postCommitStatus', () => {
  it('posts the status with a description GitHub accepts, however long the text', async () => {
    const { gh, client } = await setup()
    const description = `82.5% passed (33/40 evals) · success ${'🟡 detail '.repeat(30)}`
    const { id } = await postCommitStatus(client, {
      ...repo,
      sha: SHA,
      state: 'success',
      description,
      context: 'Avido test gate',
      targetUrl: 'https://github.example/acme/bot/actions/runs/1'
    })
    const [status] = gh.statuses('acme', 'bot', SHA)
    expect(status).toMatchObject({
      id,
      state: 'success',
      context: 'Avido test gate',
      target_url: 'https://github.example/acme/bot/actions/runs/1'
    })
    expect(String(status?.['description'])).toMatch(/^82\.5% passed \(33\/40 evals\) · success 🟡.*…$/)
  })

  it('is refused on a read-only token, classified as a missing statuses: write', async () => {
    const { client } = await setup({ readOnly: true })
    const error = await postCommitStatus(client, {
      ...repo,
      sha: SHA,
      state: 'pending',
      description: 'Waiting',
      context: 'Avido test gate'
    }).catch((e: unknown) => e)
    expect(isPermissionError(error)).toBe(true)
    expect(missingPermissionMessage('status', error)).toMatch(
      /^The GitHub token may not post the commit status \(GitHub answered 403 Resource not accessible by integration\)\. Add `statuses: write` to the job's `permissions`\./
    )
  })
})

describe('getWorkflowRunCreatedAt', () => {
  it('returns created_at, not run_started_at, on a re-run', async () => {
    const { client, gh } = await setup()
    gh.seed.workflowRun({
      ...repo,
      id: 4242,
      created_at: '2025-03-01T08:00:00Z',
      run_started_at: '2025-03-01T09:30:00Z',
      run_attempt: 3,
      head_sha: SHA
    })
    expect(await getWorkflowRunCreatedAt(client, { ...repo, runId: 4242 })).toBe('2025-03-01T08:00:00Z')
  })

  it('is refused without actions: read, and a missing run is not a permission problem', async () => {
    const { client, gh } = await setup()
    gh.inject('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest'
      }
    })
    const refused = await getWorkflowRunCreatedAt(client, { ...repo, runId: 1 }).catch((e: unknown) => e)
    expect(isPermissionError(refused)).toBe(true)
    expect(missingPermissionMessage('workflow-run', refused)).toContain('Add `actions: read`')

    const missing = await getWorkflowRunCreatedAt(client, { ...repo, runId: 1 }).catch((e: unknown) => e)
    expect(isPermissionError(missing)).toBe(false)
    expect(describeGitHubError(missing, 'Reading workflow run 1')).toBe(
      'Reading workflow run 1 failed: GitHub answered 404 Not Found'
    )
  })
})

describe('findPullRequestForCommit', () => {
  it.each([
    ['one open pull', [{ n: 1, state: 'open' as const }], 1],
    [
      'one open and one closed',
      [
        { n: 1, state: 'closed' as const },
        { n: 2, state: 'open' as const }
      ],
      2
    ],
    ['only a merged pull', [{ n: 1, state: 'closed' as const }], undefined],
    [
      'two open pulls',
      [
        { n: 1, state: 'open' as const },
        { n: 2, state: 'open' as const }
      ],
      undefined
    ],
    ['no pull', [], undefined]
  ])('%s', async (_name, pulls, expected) => {
    const { client, gh } = await setup()
    for (const p of pulls)
      gh.seed.pull({ ...repo, number: p.n, head: { sha: SHA, ref: `b${p.n}` }, state: p.state })
    gh.seed.pull({ ...repo, number: 99, head: { sha: OTHER, ref: 'unrelated' } })
    expect(await findPullRequestForCommit(client, { ...repo, sha: SHA })).toBe(expected)
  })
})

describe('findOpenPullRequestByHeadSha', () => {
  it("finds a fork's pull request beyond the first page of open pulls", async () => {
    const { client, gh } = await setup()
    for (let n = 1; n <= 150; n++) {
      const updated = new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString().replace('.000', '')
      gh.seed.pull({ ...repo, number: n, head: { sha: OTHER, ref: `b${n}` }, updated_at: updated })
    }
    gh.seed.pull({
      ...repo,
      number: 151,
      head: { sha: SHA, ref: 'patch-1', repo: 'forker/bot' },
      updated_at: '2024-06-01T00:00:00Z'
    })
    gh.seed.pull({ ...repo, number: 152, head: { sha: SHA, ref: 'old' }, state: 'closed' })
    expect(await findOpenPullRequestByHeadSha(client, { ...repo, sha: SHA })).toBe(151)
    const pages = gh.requests.filter(r => r.route === 'GET /repos/{owner}/{repo}/pulls')
    expect(pages).toHaveLength(2)
    expect(pages[0]?.query).toMatchObject({
      state: 'open',
      sort: 'updated',
      direction: 'desc',
      per_page: '100'
    })
  })

  it('is undefined when no open pull, or several, have that head', async () => {
    const { client, gh } = await setup()
    expect(await findOpenPullRequestByHeadSha(client, { ...repo, sha: SHA })).toBeUndefined()
    gh.seed.pull({ ...repo, number: 1, head: { sha: SHA, ref: 'x' }, base: { ref: 'main' } })
    gh.seed.pull({ ...repo, number: 2, head: { sha: SHA, ref: 'x' }, base: { ref: 'release' } })
    expect(await findOpenPullRequestByHeadSha(client, { ...repo, sha: SHA })).toBeUndefined()
  })
})

describe('resolvePullRequestNumber', () => {
  const base: GateContext = {
    eventName: 'push',
    ...repo,
    sha: SHA,
    runAttempt: 1,
    workflow: 'CI',
    job: 'gate',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    commitUrl: `https://github.com/acme/bot/commit/${SHA}`
  }

  it.each([
    ['a number from the payload, without asking GitHub', { prNumber: 5 }, 5, 0],
    ['the open pull of a pushed commit', { prLookup: 'commit' as const }, 3, 1],
    ['the open pull with this head for workflow_run', { prLookup: 'head-sha' as const }, 3, 1],
    ['nothing for events without pull requests', {}, undefined, 0]
  ])('%s', async (_name, extra, expected, requests) => {
    const { client, gh } = await setup()
    gh.seed.pull({ ...repo, number: 3, head: { sha: SHA, ref: 'feature' } })
    expect(await resolvePullRequestNumber(client, { ...base, ...extra })).toBe(expected)
    expect(gh.requests).toHaveLength(requests)
  })
})
