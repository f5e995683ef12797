import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { secondaryRateLimit, serviceUnavailable } from '../../emulators/github/faults.js'
import { type GitHubEmulator } from '../../emulators/github/index.js'
import { findStickyComment, upsertStickyComment } from '../../src/github/comment.js'
import { describeGitHubError } from '../../src/github/errors.js'
import { type GitHubClient } from '../../src/github/octokit.js'
import { findOpenPullRequestByHeadSha } from '../../src/github/pulls.js'
import { MIN_ATTEMPT_MS, retryDecision } from '../../src/github/retry.js'
import { postCommitStatus } from '../../src/github/status.js'
import { getWorkflowRunCreatedAt } from '../../src/github/workflow-run.js'
import { useGitHubEmulator } from '../support/github-emulator.js'
import { RUN_ROUTE, run, seedRun, warningClient } from '../support/github-run-client.js'

const SHA = 'e'.repeat(40)
/** Scheduling slack allowed on top of the deadline. */
const MARGIN_MS = 400

const start = useGitHubEmulator()

async function setup(): Promise<GitHubEmulator> {
  const gh = await start()
  seedRun(gh, SHA)
  gh.seed.pull({ owner: 'acme', repo: 'bot', number: 7, head: { sha: SHA, ref: 'feature' } })
  return gh
}

/** Every kind of call the gate makes, one after another, each expected to fail. */
function gateCalls(octokit: GitHubClient): Array<() => Promise<unknown>> {
  const repo = { owner: 'acme', repo: 'bot' }
  return [
    () => getWorkflowRunCreatedAt(octokit, run),
    () => findOpenPullRequestByHeadSha(octokit, { ...repo, sha: SHA }),
    () =>
      postCommitStatus(octokit, { ...repo, sha: SHA, state: 'pending', description: 'x', context: 'gate' }),
    () => findStickyComment(octokit, { ...repo, issueNumber: 7, marker: '<!-- gate -->' }),
    () => upsertStickyComment(octokit, { ...repo, issueNumber: 7, body: 'x' }),
    () => postCommitStatus(octokit, { ...repo, sha: SHA, state: 'error', description: 'x', context: 'gate' })
  ]
}

describe('createOctokit within a deadline, GitHub answering 503 to everything', () => {
  it('ends a series of calls, retries included, by the deadline', async () => {
    const gh = await setup()
    gh.inject('*', serviceUnavailable(), { times: Infinity })
    const started = Date.now()
    const { octokit } = warningClient(gh, { deadline: () => started + 2000 })
    const failures: unknown[] = []
    for (const call of gateCalls(octokit)) failures.push(await call().catch((e: unknown) => e))
    expect(Date.now() - started).toBeLessThan(2000 + MARGIN_MS)
    expect(failures.map(e => (e as { status?: number }).status)).toEqual([503, 503, 503, 503, 503, 503])
    // The first call still got its retry: the deadline cuts retries short, it does not forbid them.
    expect(gh.requests.filter(r => r.route === RUN_ROUTE)).toHaveLength(2)
  })

  it('does not wait for a Retry-After that would end past the deadline', async () => {
    const gh = await setup()
    gh.inject('*', serviceUnavailable({ retryAfterSeconds: 3 }), { times: Infinity })
    const started = Date.now()
    const { octokit } = warningClient(gh, { deadline: () => started + 2000 })
    await expect(getWorkflowRunCreatedAt(octokit, run)).rejects.toMatchObject({ status: 503 })
    expect(Date.now() - started).toBeLessThan(MARGIN_MS)
    expect(gh.requests).toHaveLength(1)
  })

  it('honours a Retry-After shorter than the time left', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, serviceUnavailable({ retryAfterSeconds: 2 }), { times: 1 })
    const started = Date.now()
    const { octokit } = warningClient(gh, { deadline: () => started + 4000 })
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
    expect(gh.requests.map(r => r.status)).toEqual([503, 200])
  })

  it('still retries a 503 followed by success, with no deadline', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, serviceUnavailable(), { times: 1 })
    const { octokit } = warningClient(gh)
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')
    expect(gh.requests.map(r => r.status)).toEqual([503, 200])
  })
})

describe('createOctokit within a deadline, other waits', () => {
  it('does not wait out a secondary rate limit past the deadline', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, secondaryRateLimit(3), { times: 1 })
    const started = Date.now()
    const { octokit, warnings } = warningClient(gh, { deadline: () => started + 2000 })
    await expect(getWorkflowRunCreatedAt(octokit, run)).rejects.toMatchObject({ status: 403 })
    expect(Date.now() - started).toBeLessThan(MARGIN_MS)
    expect(gh.requests).toHaveLength(1)
    expect(warnings).toEqual([expect.stringMatching(/would end past the time allowed, giving up/)])
  })

  it('cuts a slow answer off at the deadline, not after the request timeout', async () => {
    const gh = await setup()
    gh.inject(RUN_ROUTE, { delayMs: 5000 }, { times: 1 })
    const started = Date.now()
    const { octokit } = warningClient(gh, { deadline: () => started + 1000, requestTimeoutMs: 30_000 })
    const error = await getWorkflowRunCreatedAt(octokit, run).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(1000 + MARGIN_MS)
    expect(describeGitHubError(error, 'Reading the workflow run')).toMatch(
      /^Reading the workflow run failed: GitHub did not answer within the 1 s left of the time allowed$/
    )
  })

  it('sends nothing once the deadline has passed, and calls again when it moves', async () => {
    const gh = await setup()
    let deadline = Date.now() - 1
    const { octokit } = warningClient(gh, { deadline: () => deadline })
    const error = await getWorkflowRunCreatedAt(octokit, run).catch((e: unknown) => e)
    expect(describeGitHubError(error, 'Reading the workflow run')).toBe(
      'Reading the workflow run failed: No time left for GitHub calls: the time allowed is over'
    )
    expect(gh.requests).toHaveLength(0)
    deadline = Date.now() + 5000
    expect(await getWorkflowRunCreatedAt(octokit, run)).toBe('2025-05-05T05:05:05Z')
  })
})

describe('retryDecision', () => {
  const failed = (status: number, headers: Record<string, string> = {}) => ({
    name: 'HttpError',
    status,
    response: { headers }
  })
  const policy = (deadline: number) => ({ retries: 2, deadline: () => deadline, maxWaitMs: 60_000 })

  it.each([
    ['a 503, first retry', failed(503), 0, { retry: true, delayMs: 1000 }],
    ['a network error, second retry', failed(500), 1, { retry: true, delayMs: 4000 }],
    ['a 503 asking for 2 s', failed(503, { 'retry-after': '2' }), 0, { retry: true, delayMs: 2000 }],
    ['a 422', failed(422), 0, { retry: false }],
    ['a timeout', new DOMException('late', 'AbortError'), 0, { retry: false }],
    ['a 503 past the retries', failed(503), 2, { retry: false, reason: 'no retries left (2)' }],
    ['a 503 asking for 2 min', failed(503, { 'retry-after': '120' }), 0, { retry: false }]
  ])('%s', (_name, error, attempt, expected) => {
    expect(retryDecision(error, attempt, policy(Number.POSITIVE_INFINITY), 0)).toMatchObject(expected)
  })

  it('never schedules a retry that would start too late to be answered by the deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 599 }),
        fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -1000, max: 20_000 }),
        (status, retryAfter, attempt, timeLeft) => {
          const headers: Record<string, string> =
            retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }
          const decision = retryDecision(failed(status, headers), attempt, policy(10_000 + timeLeft), 10_000)
          if (decision.retry) {
            expect(10_000 + decision.delayMs + MIN_ATTEMPT_MS).toBeLessThanOrEqual(10_000 + timeLeft)
            expect(attempt).toBeLessThan(2)
          }
        }
      )
    )
  })
})
