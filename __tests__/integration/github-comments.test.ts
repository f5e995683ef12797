import { afterEach, describe, expect, it } from '@jest/globals'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubEmulatorOptions
} from '../../emulators/github/index.js'
import { findStickyComment, getSelfLogin, upsertStickyComment } from '../../src/github/comment.js'
import { describeGitHubError, isPermissionError, missingPermissionMessage } from '../../src/github/errors.js'
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js'

const MARKER = '<!-- avido-test-gate:CI/gate -->'
const SHA = 'c'.repeat(40)
const issue = { owner: 'acme', repo: 'bot', issueNumber: 7 }
const human = { login: 'octocat', type: 'User' as const }
const bot = { login: 'github-actions[bot]', type: 'Bot' as const }

let emulator: GitHubEmulator | undefined

async function setup(
  options: GitHubEmulatorOptions = {}
): Promise<{ gh: GitHubEmulator; client: GitHubClient }> {
  emulator = await startGitHubEmulator(options)
  emulator.seed.pull({ owner: 'acme', repo: 'bot', number: 7, head: { sha: SHA, ref: 'feature' } })
  return { gh: emulator, client: createOctokit({ token: emulator.token, apiUrl: emulator.url, retries: 0 }) }
}

afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

function fill(gh: GitHubEmulator, count: number, body = (i: number) => `chatter ${i}`): void {
  gh.seed.comments(
    Array.from({ length: count }, (_, i) => ({
      owner: 'acme',
      repo: 'bot',
      issue_number: 7,
      body: body(i),
      user: human
    }))
  )
}

const commentPages = (gh: GitHubEmulator) =>
  gh.requests.filter(r => r.route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments')

describe('findStickyComment', () => {
  it('finds the gate comment on page 3 of 250 comments', async () => {
    const { gh, client } = await setup()
    fill(gh, 230)
    const sticky = gh.seed.comment({ ...seedOn7(), body: `## Gate\n${MARKER}`, user: bot })
    fill(gh, 19)

    const found = await findStickyComment(client, { ...issue, marker: MARKER })
    expect(found).toEqual({ id: sticky['id'], body: `## Gate\n${MARKER}`, url: sticky['html_url'] })
    expect(commentPages(gh).map(r => r.query['page'] ?? '1')).toEqual(['1', '2', '3'])
    expect(commentPages(gh).every(r => r.query['per_page'] === '100')).toBe(true)
  })

  it('ignores a marker quoted by another user, and a bot comment without the marker', async () => {
    const { gh, client } = await setup()
    gh.seed.comment({ ...seedOn7(), body: `> quoting ${MARKER}`, user: human })
    gh.seed.comment({
      ...seedOn7(),
      body: 'Deploy preview ready',
      user: { login: 'vercel[bot]', type: 'Bot' }
    })
    gh.seed.comment({ ...seedOn7(), body: '<!-- avido-test-gate:other/job -->', user: bot })
    expect(await findStickyComment(client, { ...issue, marker: MARKER })).toBeUndefined()
    expect(
      await findStickyComment(client, { ...issue, marker: MARKER, selfLogin: 'someone-else' })
    ).toBeUndefined()
  })

  it("accepts the token user's own comment when selfLogin names it", async () => {
    const { gh, client } = await setup({ selfLogin: 'release-user' })
    fill(gh, 120)
    const mine = gh.seed.comment({
      ...seedOn7(),
      body: MARKER,
      user: { login: 'release-user', type: 'User' }
    })

    const selfLogin = await getSelfLogin(client)
    expect(selfLogin).toBe('release-user')
    expect(await findStickyComment(client, { ...issue, marker: MARKER })).toBeUndefined()
    const found = await findStickyComment(client, { ...issue, marker: MARKER, selfLogin })
    expect(found?.id).toBe(mine['id'])
  })

  it('returns the oldest of several gate comments', async () => {
    const { gh, client } = await setup()
    const oldest = gh.seed.comment({ ...seedOn7(), body: `a ${MARKER}`, user: bot })
    gh.seed.comment({ ...seedOn7(), body: `b ${MARKER}`, user: bot })
    expect((await findStickyComment(client, { ...issue, marker: MARKER }))?.id).toBe(oldest['id'])
  })
})

describe('getSelfLogin', () => {
  it('is undefined for an installation token, which GET /user refuses', async () => {
    const { gh, client } = await setup()
    expect(await getSelfLogin(client)).toBeUndefined()
    expect(gh.requests.at(-1)?.status).toBe(403)
  })
})

describe('upsertStickyComment', () => {
  it('creates once, then updates in place on every later run', async () => {
    const { gh, client } = await setup()
    fill(gh, 3)
    for (let run = 1; run <= 3; run++) {
      const existing = await findStickyComment(client, { ...issue, marker: MARKER })
      const result = await upsertStickyComment(client, {
        ...issue,
        body: `run ${run}\n${MARKER}`,
        ...(existing && { existing })
      })
      expect(result.created).toBe(run === 1)
      expect(result.url).toMatch(new RegExp(`/acme/bot/pull/7#issuecomment-${result.id}$`))
    }
    const gate = gh.comments('acme', 'bot', 7).filter(c => String(c['body']).includes(MARKER))
    expect(gate).toHaveLength(1)
    expect(gate[0]?.['body']).toBe(`run 3\n${MARKER}`)
    expect(gh.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(gh.requests.filter(r => r.method === 'PATCH')).toHaveLength(2)
  })

  it('creates a new comment when the remembered one was deleted', async () => {
    const { gh, client } = await setup()
    const result = await upsertStickyComment(client, { ...issue, body: MARKER, existing: { id: 999 } })
    expect(result.created).toBe(true)
    expect(gh.comments('acme', 'bot', 7)).toHaveLength(1)
  })

  it('is refused on a read-only token, classified as a missing pull-requests: write', async () => {
    const { gh, client } = await setup({ readOnly: true })
    const error = await upsertStickyComment(client, { ...issue, body: MARKER }).catch((e: unknown) => e)
    expect(isPermissionError(error)).toBe(true)
    const message = missingPermissionMessage('comment', error)
    expect(message).toContain('`pull-requests: write`')
    expect(message).toContain('403 Resource not accessible by integration')
    expect(message).toContain('forks always get a read-only token; there the comment is skipped.')
    expect(message).not.toContain(gh.token)
    expect(gh.comments('acme', 'bot', 7)).toEqual([])
  })

  it('reports a body over the limit as a validation failure, not a permission problem', async () => {
    const { client } = await setup()
    const error = await upsertStickyComment(client, { ...issue, body: 'x'.repeat(70_000) }).catch(
      (e: unknown) => e
    )
    expect(isPermissionError(error)).toBe(false)
    expect(describeGitHubError(error, 'Creating the pull request comment')).toBe(
      'Creating the pull request comment failed: GitHub answered 422 Validation Failed (IssueComment.data unprocessable: Body is too long (maximum is 65536 characters))'
    )
  })
})

function seedOn7() {
  return { owner: 'acme', repo: 'bot', issue_number: 7 }
}
