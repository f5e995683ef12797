import { describe, expect, it } from '@jest/globals'
import { secondaryRateLimit } from '../../emulators/github/index.js'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, RUN_ID } from '../../emulators/scene.js'
import { commentMarker } from '../../src/render/hidden-data.js'
import {
  callsTo,
  COMMENTS,
  PATCH_COMMENT,
  POST_COMMENT,
  POST_STATUS,
  prComments,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf,
  warningsOf,
  useScenePerTest
} from './reporting-support.js'

// GitHub Enterprise Server (calls to GITHUB_API_URL, links to GITHUB_SERVER_URL) and rate limits.

const GHES_SERVER = 'https://ghes.acme.example'

const startScene = useScenePerTest()

describe.each(runtimesFor(true))('GitHub Enterprise Server on $name', (runtime: Runtime) => {
  it('sends every call under /api/v3, pages included, and links to GITHUB_SERVER_URL', async () => {
    const ghes = await startScene({ github: { pathPrefix: '/api/v3' } })
    ghes.github.seed.comments(
      Array.from({ length: 150 }, (_, i) => ({
        owner: OWNER,
        repo: REPO,
        issue_number: PR_NUMBER,
        body: `comment ${i}`,
        user: { login: 'octocat', type: 'User' as const }
      }))
    )
    const ours = ghes.github.seed.comment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR_NUMBER,
      body: `${commentMarker('AI quality/gate')}\nearlier report`,
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    seedRate(ghes, { tests: 8, passing: 7 })

    const run = await runGateAction(runtime, ghes, { env: { GITHUB_SERVER_URL: GHES_SERVER } })
    expect(run.code).toBe(0)
    expect(ghes.github.url).toMatch(/\/api\/v3$/)
    const requests = ghes.github.requests
    expect(requests.length).toBeGreaterThanOrEqual(7)
    expect(requests.filter(r => !r.path.startsWith('/api/v3/') || r.route === undefined)).toEqual([])
    expect(callsTo(ghes, COMMENTS).map(r => r.query['page'] ?? '1')).toEqual(['1', '2'])
    expect(callsTo(ghes, PATCH_COMMENT).map(r => r.params['comment_id'])).toEqual([String(ours['id'])])

    const body = String(prComments(ghes).at(-1)?.['body'])
    expect(body).toContain(`${GHES_SERVER}/${OWNER}/${REPO}/actions/runs/${RUN_ID}`)
    expect(body).toContain(`${GHES_SERVER}/${OWNER}/${REPO}/commit/${HEAD_SHA}`)
    expect(body).not.toContain('127.0.0.1')
    expect(statusesOf(ghes).map(s => s['target_url'])).toEqual([
      `${GHES_SERVER}/${OWNER}/${REPO}/actions/runs/${RUN_ID}`,
      `${GHES_SERVER}/${OWNER}/${REPO}/actions/runs/${RUN_ID}`
    ])
    expect(run.summary).toContain(`${GHES_SERVER}/${OWNER}/${REPO}/actions/runs/${RUN_ID}`)
  })
})

describe.each(runtimesFor(false))('GitHub rate limits on $name', (runtime: Runtime) => {
  it('waits out a secondary rate limit on the comment (retry-after: 1), then posts it once', async () => {
    const limited = await startScene()
    limited.github.inject(POST_COMMENT, secondaryRateLimit(1))
    seedRate(limited, { tests: 4, passing: 4 })

    const run = await runGateAction(runtime, limited)
    expect(run.code).toBe(0)
    const posts = callsTo(limited, POST_COMMENT)
    expect(posts.map(r => r.status)).toEqual([403, 201])
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1000)
    expect(prComments(limited)).toHaveLength(1)
    expect(run.outputs['comment-id']).toBe(String(prComments(limited)[0]!['id']))
    expect(warningsOf(run)).toEqual([])
    expect(statusesOf(limited).map(s => s.state)).toEqual(['pending', 'success'])
  })

  it('does not space its few writes a second apart, as Octokit does by default', async () => {
    const quick = await startScene()
    seedRate(quick, { tests: 4, passing: 4 })
    const run = await runGateAction(runtime, quick)
    expect(run.code).toBe(0)
    const [comment] = callsTo(quick, POST_COMMENT)
    const [, final] = callsTo(quick, POST_STATUS)
    expect(final!.at - comment!.at).toBeLessThan(500)
  })
})
