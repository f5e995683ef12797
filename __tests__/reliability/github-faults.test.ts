import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { secondaryRateLimit, serviceUnavailable } from '../../emulators/github/faults.js'
import type { GitHubRoute } from '../../emulators/github/index.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, startScene, type Scene } from '../../emulators/scene.js'
import {
  EXIT_SLACK_MS,
  TIMEOUT_MS,
  expectOrderly,
  lastStatus,
  runGate,
  seedTests,
  warningLines
} from './support.js'

// GitHub never decides the step's result: each refusal or fault is at most one warning, the verdict and the
// job summary stand, and there is never a second comment.

const CREATE_COMMENT: GitHubRoute = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const POST_STATUS: GitHubRoute = 'POST /repos/{owner}/{repo}/statuses/{sha}'
const READ_RUN: GitHubRoute = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}'

let scene: Scene
beforeEach(async () => {
  scene = await startScene()
  seedTests(scene, 5)
})
afterEach(async () => {
  await scene.close()
})

const comments = () => scene.github.comments(OWNER, REPO, PR_NUMBER)
const posts = (route: GitHubRoute) => scene.github.requests.filter(request => request.route === route)

/** The gate judged the run and passed, whatever GitHub did. */
async function expectVerdictStands(run: Awaited<ReturnType<typeof runGate>>) {
  expectOrderly(scene, run)
  expect(run.code).toBe(0)
  expect(run.outputs).toMatchObject({ result: 'success', gate: 'pass', tests: '5' })
  expect(run.summary).toContain('100.0%')
}

describe('GitHub refuses', () => {
  it('403 on every write (a read-only token): one warning per kind, naming the permission', async () => {
    scene.github.setReadOnly(true)
    const run = await runGate(scene)
    await expectVerdictStands(run)
    expect(warningLines(run)).toEqual([
      expect.stringContaining('Add `checks: write`'),
      expect.stringContaining('Add `statuses: write`'),
      expect.stringContaining('Add `pull-requests: write`')
    ])
    expect(comments()).toHaveLength(0)
    expect(scene.github.checkRuns(OWNER, REPO, HEAD_SHA)).toHaveLength(0)
  })

  it('404 on the commit status: one warning naming statuses: write', async () => {
    scene.github.inject(POST_STATUS, { status: 404, body: { message: 'Not Found' } }, { times: Infinity })
    const run = await runGate(scene)
    await expectVerdictStands(run)
    expect(warningLines(run)).toEqual([expect.stringMatching(/answered 404 Not Found.*`statuses: write`/)])
    expect(comments()).toHaveLength(1)
  })

  it("422 on the comment: one warning with GitHub's message, no comment", async () => {
    const body = {
      message: 'Validation Failed',
      errors: [{ message: 'Body is too long (maximum is 65536)' }]
    }
    scene.github.inject(CREATE_COMMENT, { status: 422, body }, { times: Infinity })
    const run = await runGate(scene)
    await expectVerdictStands(run)
    expect(warningLines(run)).toEqual([
      expect.stringContaining(
        'write the pull request comment failed: GitHub answered 422 Validation Failed (Body is too long (maximum is 65536))'
      )
    ])
    expect(posts(CREATE_COMMENT)).toHaveLength(1)
    expect(lastStatus(scene)).toBe('success')
  })

  it('403 on reading the workflow run: the fallback window, with a warning naming actions: read', async () => {
    scene.github.inject(READ_RUN, {
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const run = await runGate(scene)
    await expectVerdictStands(run)
    expect(warningLines(run).join('\n')).toContain('Add `actions: read`')
    expect(run.stdout).toContain('one hour before the gate started')
  })
})

describe('GitHub down', () => {
  it('503 to every request: the step ends within the timeout plus a few seconds, its verdict in the outputs', async () => {
    const timeoutMs = 4000
    scene.github.inject('*', serviceUnavailable(), { times: Infinity })
    const run = await runGate(scene, { inputs: { timeout: `${timeoutMs / 1000}s` } })
    expectOrderly(scene, run)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'success', gate: 'pass', tests: '5', passed: '5' })
    expect(run.summary).toContain('100.0%')
    expect(warningLines(run).length).toBeGreaterThan(0)
    expect(comments()).toHaveLength(0)
    // Every GitHub call, retries included, came out of the time allowed and its grace for reporting.
    expect(run.durationMs).toBeLessThan(timeoutMs + 6000)
    expect(scene.github.requests.every(request => request.status === 503)).toBe(true)
  })
})

describe("GitHub's secondary rate limit", () => {
  it('once: waited out, then exactly one comment', async () => {
    scene.github.inject(CREATE_COMMENT, secondaryRateLimit(1))
    const run = await runGate(scene)
    await expectVerdictStands(run)
    expect(warningLines(run)).toEqual([])
    const [limited, created] = posts(CREATE_COMMENT)
    expect([limited!.status, created!.status]).toEqual([403, 201])
    expect(created!.at - limited!.at).toBeGreaterThanOrEqual(950)
    expect(comments()).toHaveLength(1)
  })

  it('every time: a bounded number of tries, one warning, no comment', async () => {
    scene.github.inject(CREATE_COMMENT, secondaryRateLimit(1), { times: Infinity })
    const run = await runGate(scene)
    await expectVerdictStands(run)
    expect(warningLines(run)).toEqual([expect.stringContaining('secondary rate limit')])
    expect(posts(CREATE_COMMENT).length).toBeLessThanOrEqual(3)
    expect(comments()).toHaveLength(0)
  })
})

describe('GitHub faults the emulator cannot play', () => {
  let front: Server | undefined
  afterEach(async () => {
    front?.closeAllConnections()
    await new Promise(resolve => front?.close(resolve))
  })

  /**
   * A front for the GitHub emulator that passes requests on, except that `onCreateComment` decides what
   * becomes of each comment creation: 'lose' makes the comment and answers 502, 'hang' never answers.
   */
  async function startFront(onCreateComment: (n: number) => 'pass' | 'lose' | 'hang'): Promise<string> {
    let creations = 0
    const target = new URL(scene.github.url)
    front = createServer((req, res) => {
      const creating = req.method === 'POST' && (req.url ?? '').endsWith('/comments')
      const fate = creating ? onCreateComment(creations++) : 'pass'
      if (fate === 'hang') return void req.resume()
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        answer => {
          if (fate === 'lose') {
            answer.resume()
            res.writeHead(502, { 'content-type': 'text/html' }).end('<html><h1>502 Bad Gateway</h1></html>')
            return
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(upstream)
    })
    await new Promise<void>(resolve => front!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(front.address() as AddressInfo).port}`
  }

  it('a 502 for a comment that was made is not retried into a second comment', async () => {
    const url = await startFront(n => (n === 0 ? 'lose' : 'pass'))
    const run = await runGate(scene, { env: { GITHUB_API_URL: url } })
    await expectVerdictStands(run)
    expect(comments()).toHaveLength(1)
    expect(warningLines(run)).toEqual([expect.stringContaining('GitHub answered 502')])
  })

  it('a comment request that hangs for a minute ends at the timeout with one warning', async () => {
    const url = await startFront(() => 'hang')
    const run = await runGate(scene, { env: { GITHUB_API_URL: url } })
    await expectVerdictStands(run)
    // The comment's request is cut when the time allowed (the timeout, or the grace for reporting) is over.
    expect(warningLines(run)).toEqual([
      expect.stringMatching(/write the pull request comment failed: GitHub did not answer within .*3 s/)
    ])
    expect(comments()).toHaveLength(0)
    // The status check was closed all the same: neither is left pending.
    expect(lastStatus(scene)).toBe('success')
    expect(scene.github.checkRuns(OWNER, REPO, HEAD_SHA).at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'success'
    })
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })
})
