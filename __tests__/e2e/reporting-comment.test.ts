import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { SeedComment } from '../../emulators/github/index.js'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { OWNER, PR_NUMBER, REPO, startScene, type Scene } from '../../emulators/scene.js'
import { commentMarker } from '../../src/render/hidden-data.js'
import {
  callsTo,
  checkRunsOf,
  COMMENTS,
  githubCalls,
  PATCH_CHECK_RUN,
  PATCH_COMMENT,
  POST_CHECK_RUN,
  POST_COMMENT,
  prComments,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf,
  warningsOf,
  type GateRun
} from './reporting-support.js'

// The pull request comment and the `comment` input: one sticky comment per comment-key, found on any page, only
// if a bot (or the token's own user) wrote it, updated in place, and the four comment modes.

/** The default comment-key of the scene: `${GITHUB_WORKFLOW}/${GITHUB_JOB}`. */
const MARKER = commentMarker('AI quality/gate')
const octocat = { login: 'octocat', type: 'User' as const }
const bot = { login: 'github-actions[bot]', type: 'Bot' as const }

const onPr = (body: string, user: SeedComment['user']): SeedComment => ({
  owner: OWNER,
  repo: REPO,
  issue_number: PR_NUMBER,
  body,
  user
})
const chatter = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => onPr(`Looks good to me (${from + i})`, octocat))
const bodyOf = (comment: Record<string, unknown> | undefined) => String(comment?.['body'])
const headingOf = (comment: Record<string, unknown> | undefined) =>
  /^## .*$/m.exec(bodyOf(comment))?.[0] ?? ''
/**
 * The end of a heading: `rate` with its margin (`60.0% ± 36.9`), or with its bounds where 0–100 % cuts the
 * interval short (`90.0% (67.4–100.0)`), then "passed".
 */
const endsWithRate = (rate: string) =>
  new RegExp(`: ${rate.replace('.', '\\.')}% (?:± \\d+\\.\\d|\\(\\d+\\.\\d–\\d+\\.\\d\\)) passed$`)

describe.each(runtimesFor(false))('the sticky comment on $name', (runtime: Runtime) => {
  let scene: Scene
  const run = (options: GateRun = {}) => runGateAction(runtime, scene, options)
  /** What the Avido run looks like from now on: `passing` of 10 single-eval tests pass. */
  const results = (passing: number) => {
    scene.avido.reset()
    seedRate(scene, { tests: 10, passing })
  }

  beforeEach(async () => {
    scene = await startScene()
  })
  afterEach(async () => {
    await scene.close()
  })

  it('finds its comment on page 3, skips a user quoting the marker on page 1, and updates it in place', async () => {
    scene.github.seed.comments(chatter(4, 0))
    const quoted = scene.github.seed.comment(onPr(`Why does the bot write\n> ${MARKER}\n?`, octocat))
    scene.github.seed.comments(chatter(225, 4))
    const ours = scene.github.seed.comment(onPr(`${MARKER}\n## 🔴 Avido test gate: 20.0% passed`, bot))
    scene.github.seed.comments(chatter(15, 229))
    results(9)

    const result = await run()
    expect(result.code).toBe(0)
    expect(callsTo(scene, COMMENTS).map(r => r.query['page'] ?? '1')).toEqual(['1', '2', '3'])
    expect(callsTo(scene, COMMENTS).every(r => r.query['per_page'] === '100')).toBe(true)
    expect(callsTo(scene, POST_COMMENT)).toHaveLength(0)
    expect(callsTo(scene, PATCH_COMMENT).map(r => r.params['comment_id'])).toEqual([String(ours['id'])])
    const comments = prComments(scene)
    expect(comments).toHaveLength(246)
    expect(bodyOf(comments.find(c => c['id'] === quoted['id']))).toBe(quoted['body'])
    const heading = headingOf(comments.find(c => c['id'] === ours['id']))
    expect(heading).toMatch(/^## 🟢 /)
    expect(heading).toMatch(endsWithRate('90.0'))
    expect(result.outputs['comment-id']).toBe(String(ours['id']))
    expect(result.outputs['comment-url']).toBe(ours['html_url'])
  })

  it('with only a person’s comment holding the marker, posts its own instead of editing theirs', async () => {
    const quoted = scene.github.seed.comment(onPr(`${MARKER}\nCopied from the bot`, octocat))
    results(10)
    const result = await run()
    expect(result.code).toBe(0)
    expect(callsTo(scene, PATCH_COMMENT)).toHaveLength(0)
    const comments = prComments(scene)
    expect(comments).toHaveLength(2)
    expect(comments[0]!['body']).toBe(quoted['body'])
    expect(comments[1]!['user']).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })
  })

  it('keeps one comment per comment-key, each updated in place', async () => {
    results(8)
    await run({ inputs: { 'comment-key': 'AI quality/gate/gpt-4o' } })
    await run({ inputs: { 'comment-key': 'AI quality/gate/claude' } })
    results(6)
    const again = await run({ inputs: { 'comment-key': 'AI quality/gate/gpt-4o' } })
    expect(again.code).toBe(0)
    const comments = prComments(scene)
    expect(comments).toHaveLength(2)
    expect(callsTo(scene, PATCH_COMMENT)).toHaveLength(1)
    expect(again.outputs['comment-id']).toBe(String(comments[0]!['id']))
    expect(headingOf(comments[0])).toContain('(AI quality/gate/gpt-4o): ')
    expect(headingOf(comments[0])).toMatch(endsWithRate('60.0'))
    expect(headingOf(comments[1])).toContain('(AI quality/gate/claude): ')
    expect(headingOf(comments[1])).toMatch(endsWithRate('80.0'))
  })

  it('failure: nothing while green, a comment once red, and that comment turned green when fixed', async () => {
    results(10)
    const green = await run({ inputs: { comment: 'failure' } })
    expect(green.code).toBe(0)
    expect(prComments(scene)).toHaveLength(0)
    expect(green.outputs['comment-id']).toBe('')

    results(2)
    const red = await run({ inputs: { comment: 'failure' } })
    expect(red.code).toBe(1)
    expect(prComments(scene)).toHaveLength(1)
    expect(headingOf(prComments(scene)[0])).toMatch(/^## 🔴 /)
    expect(headingOf(prComments(scene)[0])).toMatch(endsWithRate('20.0'))

    results(10)
    const fixed = await run({ inputs: { comment: 'failure' } })
    expect(fixed.code).toBe(0)
    expect(callsTo(scene, POST_COMMENT)).toHaveLength(1)
    expect(callsTo(scene, PATCH_COMMENT)).toHaveLength(1)
    expect(prComments(scene)).toHaveLength(1)
    expect(headingOf(prComments(scene)[0])).toMatch(/^## 🟢 /)
    expect(headingOf(prComments(scene)[0])).toMatch(endsWithRate('100.0'))
    expect(fixed.outputs['comment-id']).toBe(red.outputs['comment-id'])
  })

  it('changes: an unchanged result sends no update; a changed one updates the comment', async () => {
    results(7)
    const first = await run({ inputs: { comment: 'changes' } })
    expect(prComments(scene)).toHaveLength(1)
    const before = bodyOf(prComments(scene)[0])

    const same = await run({ inputs: { comment: 'changes' }, env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(same.code).toBe(0)
    expect(callsTo(scene, PATCH_COMMENT)).toHaveLength(0)
    expect(bodyOf(prComments(scene)[0])).toBe(before)
    expect(same.stdout).toContain('Comment: left as it is (comment: changes).')
    expect(same.outputs['comment-id']).toBe(first.outputs['comment-id'])

    results(9)
    const changed = await run({ inputs: { comment: 'changes' }, env: { GITHUB_RUN_ATTEMPT: '3' } })
    expect(changed.code).toBe(0)
    expect(callsTo(scene, PATCH_COMMENT)).toHaveLength(1)
    expect(prComments(scene)).toHaveLength(1)
    expect(bodyOf(prComments(scene)[0])).toContain('▲ 20.0 points (70.0% → 90.0%)')
  })

  it('off: no comment request at all, an existing comment left alone; status check and summary still written', async () => {
    results(4)
    await run()
    const before = bodyOf(prComments(scene)[0])
    const firstRunRequests = scene.github.requests.length

    results(10)
    const off = await run({ inputs: { comment: 'off' } })
    expect(off.code).toBe(0)
    const calls = githubCalls(scene).slice(firstRunRequests)
    expect(calls).toEqual([
      'POST /repos/{owner}/{repo}/check-runs',
      'POST /repos/{owner}/{repo}/statuses/{sha}',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
      'POST /repos/{owner}/{repo}/statuses/{sha}'
    ])
    expect(bodyOf(prComments(scene)[0])).toBe(before)
    expect(statusesOf(scene).at(-1)).toMatchObject({ state: 'success' })
    expect(checkRunsOf(scene).at(-1)).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(off.summary).toContain('100.0%')
    expect(off.outputs).toMatchObject({ result: 'success', 'comment-id': '', 'comment-url': '' })
  })

  it('when the comments cannot be read, writes none rather than risk a second one', async () => {
    results(3)
    await run()
    expect(prComments(scene)).toHaveLength(1)
    scene.github.inject(COMMENTS, { status: 502, body: { message: 'Server Error' } }, { times: Infinity })

    results(10)
    const result = await run()
    expect(result.code).toBe(0)
    expect(callsTo(scene, POST_COMMENT)).toHaveLength(1)
    expect(prComments(scene)).toHaveLength(1)
    const warnings = warningsOf(result)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('read the pull request comments failed: GitHub answered 502')
    expect(statusesOf(scene).at(-1)).toMatchObject({ state: 'success' })
  }, 20_000)
})

describe.each(runtimesFor(false))('the sticky comment with a personal access token on $name', runtime => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene({ github: { selfLogin: 'release-manager' } })
  })
  afterEach(async () => {
    await scene.close()
  })

  it("updates the token user's own comment, not another user's with the same marker", async () => {
    const quoted = scene.github.seed.comment(onPr(`${MARKER}\nold copy`, octocat))
    const own = scene.github.seed.comment(
      onPr(`${MARKER}\nearlier report`, { login: 'release-manager', type: 'User' })
    )
    seedRate(scene, { tests: 4, passing: 4 })
    const result = await run()
    expect(result.code).toBe(0)
    expect(githubCalls(scene)).toContain('GET /user')
    expect(callsTo(scene, POST_COMMENT)).toHaveLength(0)
    const comments = prComments(scene)
    expect(comments).toHaveLength(2)
    expect(comments[0]!['body']).toBe(quoted['body'])
    expect(headingOf(comments[1])).toMatch(endsWithRate('100.0'))
    expect(result.outputs['comment-id']).toBe(String(own['id']))

    // GitHub lets only apps write check runs: one warning quoting its answer, no update of a check run that
    // does not exist, and the commit status still posted.
    expect(warningsOf(result)).toEqual([
      expect.stringMatching(/check run.*403 You must authenticate via a GitHub App\./)
    ])
    expect(callsTo(scene, POST_CHECK_RUN).map(r => r.status)).toEqual([403])
    expect(callsTo(scene, PATCH_CHECK_RUN)).toEqual([])
    expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
    expect(result.outputs).toMatchObject({ 'check-run-id': '', 'check-run-url': '' })

    function run() {
      return runGateAction(runtime, scene)
    }
  })
})
