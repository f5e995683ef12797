import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { OWNER, PR_NUMBER, REPO, startScene, type Scene } from '../../emulators/scene.js'
import {
  callsTo,
  checkRunsOf,
  errorsOf,
  PATCH_CHECK_RUN,
  POST_CHECK_RUN,
  POST_COMMENT,
  POST_STATUS,
  prComments,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf,
  warningsOf
} from './reporting-support.js'

// No write access: fork pull requests get a read-only token, and a job may lack `pull-requests: write`,
// `checks: write` or `statuses: write`. Each missing permission is one warning naming it; the summary and outputs are still
// written, and only quality decides the step.

const FORBIDDEN = {
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest',
    status: '403'
  }
}

const naming = (permission: string) => (line: string) => line.includes(`Add \`${permission}\``)

function forkPullRequestEvent() {
  return {
    action: 'synchronize',
    number: PR_NUMBER,
    pull_request: {
      number: PR_NUMBER,
      head: {
        sha: '3f6c2a9e8d7b4c1a0f9e8d7c6b5a4f3e2d1c0b9a',
        ref: 'main',
        repo: { full_name: 'contributor/support-bot', fork: true }
      },
      base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } }
    },
    repository: { full_name: `${OWNER}/${REPO}` }
  }
}

describe.each(runtimesFor(true))('a read-only token (fork pull request) on $name', (runtime: Runtime) => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene({ github: { readOnly: true } })
  })
  afterEach(async () => {
    await scene.close()
  })

  it.each([
    { passing: 9, code: 0, result: 'success', gate: 'pass' },
    { passing: 3, code: 1, result: 'error', gate: 'fail' }
  ])('$result: one warning per permission, summary and outputs written, exit $code', async expected => {
    seedRate(scene, { tests: 10, passing: expected.passing })
    const run = await runGateAction(runtime, scene, { event: forkPullRequestEvent() })
    expect(run.code).toBe(expected.code)
    expect(run.outputs).toMatchObject({
      result: expected.result,
      gate: expected.gate,
      'comment-id': '',
      'check-run-id': '',
      'check-run-url': ''
    })
    expect(run.summary).toContain(`${expected.passing}0.0%`)

    const warnings = warningsOf(run)
    expect(warnings).toHaveLength(3)
    expect(warnings.filter(naming('pull-requests: write'))).toHaveLength(1)
    expect(warnings.filter(naming('statuses: write'))).toHaveLength(1)
    expect(warnings.filter(naming('checks: write'))).toHaveLength(1)
    // Refused: the check run, the pending status, the comment and the final status; none was retried, and a
    // check run that was never created is not updated.
    expect(callsTo(scene, POST_CHECK_RUN).map(r => r.status)).toEqual([403])
    expect(callsTo(scene, PATCH_CHECK_RUN)).toEqual([])
    expect(callsTo(scene, POST_STATUS).map(r => r.status)).toEqual([403, 403])
    expect(callsTo(scene, POST_COMMENT).map(r => r.status)).toEqual([403])
    expect(prComments(scene)).toHaveLength(0)
    expect(checkRunsOf(scene)).toEqual([])

    const errors = errorsOf(run)
    if (expected.code === 0) expect(errors).toEqual([])
    else expect(errors).toEqual([expect.stringMatching(/^::error::Avido test gate failed: /)])
  })
})

describe.each(runtimesFor(false))('one permission missing on $name', (runtime: Runtime) => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene()
    seedRate(scene, { tests: 4, passing: 4 })
  })
  afterEach(async () => {
    await scene.close()
  })

  it('without pull-requests: write: one warning, the check run and statuses still posted', async () => {
    scene.github.inject(POST_COMMENT, FORBIDDEN, { times: Infinity })
    const run = await runGateAction(runtime, scene)
    expect(run.code).toBe(0)
    expect(warningsOf(run)).toEqual([expect.stringContaining('Add `pull-requests: write`')])
    expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
    expect(checkRunsOf(scene).map(c => c['conclusion'])).toEqual(['success'])
    expect(run.outputs).toMatchObject({ result: 'success', 'comment-id': '' })
  })

  it('without checks: write: one warning, no check run update, the statuses and the comment still posted', async () => {
    scene.github.inject(POST_CHECK_RUN, FORBIDDEN, { times: Infinity })
    const run = await runGateAction(runtime, scene)
    expect(run.code).toBe(0)
    expect(warningsOf(run)).toEqual([expect.stringContaining('Add `checks: write`')])
    expect(callsTo(scene, POST_CHECK_RUN)).toHaveLength(1)
    expect(callsTo(scene, PATCH_CHECK_RUN)).toEqual([])
    expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
    expect(prComments(scene)).toHaveLength(1)
    expect(run.outputs).toMatchObject({ result: 'success', 'check-run-id': '', 'check-run-url': '' })
  })

  it('without statuses: write: one warning for the two refused statuses, the comment still posted', async () => {
    scene.github.inject(POST_STATUS, FORBIDDEN, { times: Infinity })
    const run = await runGateAction(runtime, scene)
    expect(run.code).toBe(0)
    expect(callsTo(scene, POST_STATUS)).toHaveLength(2)
    expect(warningsOf(run)).toEqual([expect.stringContaining('Add `statuses: write`')])
    expect(prComments(scene)).toHaveLength(1)
    expect(run.outputs['comment-id']).toBe(String(prComments(scene)[0]!['id']))
  })
})
