import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import {
  primaryRateLimit,
  secondaryRateLimit,
  type GitHubEmulator,
  type GitHubEmulatorOptions
} from '../../emulators/github/index.js'
import { findStickyComment, upsertStickyComment } from '../../src/github/comment.js'
import { describeGitHubError, isPermissionError } from '../../src/github/errors.js'
import { findOpenPullRequestByHeadSha } from '../../src/github/pulls.js'
import { getWorkflowRunCreatedAt } from '../../src/github/workflow-run.js'
import { useGitHubEmulator } from '../support/github-emulator.js'
import { RUN_ROUTE, run, runRequests, seedRun, warningClient } from '../support/github-run-client.js'

const SHA = 'f'.repeat(40)

const cleanups: Array<() => void | Promise<void>> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const start = useGitHubEmulator()

async function setup(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const gh = await start(options)
  seedRun(gh, SHA)
  return gh
}

describe('createOctokit against GitHub Enterprise Server', () => {
  it('sends every call, pages included, under /api/v3 with the token and user agent', async () => {
    const gh = await setup({ pathPrefix: '/api/v3' })
    gh.seed.pull({ owner: 'acme', repo: 'bot', number: 7, head: { sha: SHA, ref: 'feature' } })
    gh.seed.comments(
      Array.from({ length: 150 }, (_, i) => ({
        owner: 'acme',
        repo: 'bot',
        issue_number: 7,
        body: i === 140 ? '<!-- gate -->' : 'hi',
        user: {
          login: i === 140 ? 'github-actions[bot]' : 'octocat',
          type: i === 140 ? ('Bot' as const) : ('User' as const)
        }
      }))
    )
    const { octokit } = warningClient(gh, { apiUrl: `${gh.url}/` })
    const found = await findStickyComment(octokit, {
      owner: 'acme',
      repo: 'bot',
      issueNumber: 7,
      marker: '<!-- gate -->'
    })
    expect(found?.url).toMatch(new RegExp(`^${gh.serverUrl}/acme/bot/pull/7#issuecomment-`))
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')

    expect(gh.requests.map(r => r.status)).toEqual([200, 200, 200])
    for (const request of gh.requests) {
      expect(request.path.startsWith('/api/v3/repos/acme/bot/')).toBe(true)
      expect(request.headers['authorization']).toBe(`token ${gh.token}`)
      expect(request.headers['user-agent']).toMatch(/^avido-test-gate /)
    }
  })
})

describe('createOctokit rate limits', () => {
  it('waits out a secondary rate limit, honouring retry-after', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, secondaryRateLimit(1), { times: 1 })
    const { octokit, warnings } = warningClient(gh)
    const started = Date.now()
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(runRequests(gh).map(r => r.status)).toEqual([403, 200])
    expect(warnings).toEqual([expect.stringMatching(/secondary rate limit .*retrying in 1s \(1\/2\)/)])
  })

  it('gives up after two retries when the limit persists', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, secondaryRateLimit(1), { times: 10 })
    const { octokit, warnings } = warningClient(gh)
    const error = await getWorkflowRunCreatedAt(octokit, run).catch((e: unknown) => e)
    expect(runRequests(gh)).toHaveLength(3)
    expect(isPermissionError(error)).toBe(false)
    expect(describeGitHubError(error, 'Reading the workflow run')).toMatch(
      /^Reading the workflow run failed: GitHub answered 403 You have exceeded a secondary rate limit/
    )
    expect(warnings.at(-1)).toMatch(/giving up/)
  })

  it('does not stall on a wait longer than the cap', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, secondaryRateLimit(3600), { times: 1 })
    const { octokit } = warningClient(gh)
    const started = Date.now()
    await expect(getWorkflowRunCreatedAt(octokit, run)).rejects.toMatchObject({ status: 403 })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(runRequests(gh)).toHaveLength(1)
  })

  it('retries once the primary rate limit has reset (429 with x-ratelimit-remaining: 0)', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, primaryRateLimit({ status: 429, resetInSeconds: -2 }), { times: 1 })
    const { octokit, warnings } = warningClient(gh)
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')
    expect(runRequests(gh).map(r => r.status)).toEqual([429, 200])
    expect(warnings[0]).toMatch(/primary rate limit/)
  })

  it('does not wait an hour for a primary rate limit', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, primaryRateLimit({ resetInSeconds: 3600 }), { times: 1 })
    const { octokit } = warningClient(gh)
    await expect(getWorkflowRunCreatedAt(octokit, run)).rejects.toMatchObject({ status: 403 })
    expect(runRequests(gh)).toHaveLength(1)
  })
})

describe('createOctokit transient failures', () => {
  it.each([
    ['a 502', { status: 502, body: { message: 'Server Error' } }, 502],
    ['a dropped connection', { reset: true }, 0]
  ])('retries %s, within `retries`', async (_name, fault, firstStatus) => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, fault, { times: 1 })
    const { octokit } = warningClient(gh, { retries: 1 })
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')
    expect(runRequests(gh).map(r => r.status)).toEqual([firstStatus, 200])
  })

  it('does not retry a 4xx, and with retries: 0 reports a dropped connection', async () => {
    const gh = await setup()
    const { octokit } = warningClient(gh, { retries: 0 })
    await expect(getWorkflowRunCreatedAt(octokit, { ...run, runId: 78 })).rejects.toMatchObject({
      status: 404
    })
    gh.inject(RUN_ROUTE, { reset: true })
    const error = await getWorkflowRunCreatedAt(octokit, run).catch((e: unknown) => e)
    expect(describeGitHubError(error, 'Reading the workflow run')).toMatch(
      /^Reading the workflow run failed: \S/
    )
    expect(runRequests(gh)).toHaveLength(2)
  })
})

describe('describeGitHubError', () => {
  it('never repeats the token, even when GitHub echoes it', async () => {
    const gh = await setup({ token: 'ghs_0123456789abcdefSECRET' })
    gh.inject(RUN_ROUTE, { status: 400, body: { message: `Bad header: token ghs_0123456789abcdefSECRET` } })
    const { octokit } = warningClient(gh)
    const error = await getWorkflowRunCreatedAt(octokit, run).catch((e: unknown) => e)
    const line = describeGitHubError(error, 'Reading the workflow run')
    expect(line).toBe('Reading the workflow run failed: GitHub answered 400 Bad header: token ***')
  })

  it('says Bad credentials for a wrong token, which is not a missing permission', async () => {
    const gh = await setup()
    const { octokit } = warningClient(gh, { token: 'ghs_wrong' })
    const error = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'bot',
      issueNumber: 7,
      body: 'x'
    }).catch((e: unknown) => e)
    expect(isPermissionError(error)).toBe(false)
    expect(describeGitHubError(error, 'Creating the comment')).toBe(
      'Creating the comment failed: GitHub answered 401 Bad credentials'
    )
  })

  it('counts a 404 on a write as a permission problem', async () => {
    const gh = await setup()
    const { octokit } = warningClient(gh)
    const error = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'bot',
      issueNumber: 404,
      body: 'x'
    }).catch((e: unknown) => e)
    expect(isPermissionError(error)).toBe(true)
  })
})

/** A loopback HTTP proxy that tunnels CONNECT requests and remembers their targets. */
async function startTunnelProxy(): Promise<{ url: string; targets: string[]; close: () => Promise<void> }> {
  const targets: string[] = []
  const tunnels = new Set<Socket>()
  const server = createServer()
  server.on('connect', (req, socket: Socket, head) => {
    targets.push(req.url ?? '')
    tunnels.add(socket)
    const [host = '', port = ''] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>(resolve => {
      for (const socket of tunnels) socket.destroy()
      server.close(() => resolve())
    })
  return { url: `http://127.0.0.1:${port}`, targets, close }
}

function setEnv(values: Record<string, string | undefined>): void {
  const saved = Object.fromEntries(Object.keys(values).map(k => [k, process.env[k]]))
  const apply = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  apply(values)
  cleanups.push(() => apply(saved))
}

describe('createOctokit proxies', () => {
  it('goes through HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    const gh = await setup()
    const proxy = await startTunnelProxy()
    cleanups.push(proxy.close)
    const port = new URL(gh.url).port

    setEnv({ HTTP_PROXY: proxy.url, http_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined })
    expect(
      await findOpenPullRequestByHeadSha(warningClient(gh).octokit, { owner: 'acme', repo: 'bot', sha: SHA })
    ).toBeUndefined()
    expect(proxy.targets).toEqual([`127.0.0.1:${port}`])

    setEnv({ NO_PROXY: '127.0.0.1' })
    await getWorkflowRunCreatedAt(warningClient(gh).octokit, run)
    expect(proxy.targets).toHaveLength(1)
    expect(gh.requests).toHaveLength(2)
  })
})
