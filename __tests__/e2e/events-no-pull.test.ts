import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { OWNER, REPO, RUN_ID, startScene, type Scene } from '../../emulators/scene.js'
import {
  checkRunsOf,
  errorsOf,
  githubCalls,
  prComments,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf
} from './reporting-support.js'

// Events without a pull request: the status check (check run and commit status), the job summary, the outputs
// and the issue.

const QUEUE_SHA = '4'.repeat(40)
const BRANCH_SHA = '5'.repeat(40)
/** The status check opened first, the workflow run read for the window, then the status check closed. */
const ONLY_RUN_AND_STATUS_CHECK = [
  'POST /repos/{owner}/{repo}/check-runs',
  'POST /repos/{owner}/{repo}/statuses/{sha}',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'POST /repos/{owner}/{repo}/statuses/{sha}'
]

describe.each(runtimesFor(false))('merge_group on $name', (runtime: Runtime) => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene()
  })
  afterEach(async () => {
    await scene.close()
  })

  it('posts the status on the queue commit and nothing else: no comment, no pull request lookup', async () => {
    seedRate(scene, { tests: 5, passing: 5 })
    const run = await runGateAction(runtime, scene, {
      eventName: 'merge_group',
      event: {
        action: 'checks_requested',
        merge_group: {
          head_sha: QUEUE_SHA,
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-0123456789abcdef0123456789abcdef01234567',
          base_sha: BRANCH_SHA,
          base_ref: 'refs/heads/main'
        }
      },
      env: { GITHUB_SHA: QUEUE_SHA }
    })
    expect(run.code).toBe(0)
    expect(githubCalls(scene)).toEqual(ONLY_RUN_AND_STATUS_CHECK)
    expect(scene.github.requests.every(request => request.status < 300)).toBe(true)
    expect(statusesOf(scene, QUEUE_SHA).map(s => s.state)).toEqual(['pending', 'success'])
    const checkRuns = checkRunsOf(scene, QUEUE_SHA)
    expect(checkRuns).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'success' })])
    expect(prComments(scene)).toHaveLength(0)
    expect(run.stdout).toContain('No pull request for this merge_group event.')
    expect(run.outputs).toMatchObject({
      result: 'success',
      gate: 'pass',
      'comment-id': '',
      'comment-url': '',
      'check-run-id': String(checkRuns[0]!['id'])
    })
    expect(run.summary).toContain('100.0%')
  })
})

describe.each(runtimesFor(true))('schedule and workflow_dispatch on $name', (runtime: Runtime) => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene()
  })
  afterEach(async () => {
    await scene.close()
  })

  it.each([
    ['schedule', { schedule: '0 6 * * 1' }],
    ['workflow_dispatch', { ref: 'refs/heads/main', inputs: {} }]
  ])('%s: summary, outputs, status and an issue keyed by the run', async (eventName, event) => {
    seedRate(scene, { tests: 10, passing: 3 })
    const run = await runGateAction(runtime, scene, { eventName, event, env: { GITHUB_SHA: BRANCH_SHA } })
    expect(run.code).toBe(1)
    expect(errorsOf(run)).toHaveLength(1)
    expect(githubCalls(scene)).toEqual(ONLY_RUN_AND_STATUS_CHECK)
    expect(statusesOf(scene, BRANCH_SHA).map(s => s.state)).toEqual(['pending', 'failure'])
    const checkRuns = checkRunsOf(scene, BRANCH_SHA)
    expect(checkRuns).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })])
    expect(prComments(scene)).toHaveLength(0)

    expect(scene.avido.issues).toHaveLength(1)
    const issue = scene.avido.issues[0]!
    expect(issue).toMatchObject({ source: 'TEST', priority: 'HIGH' })
    expect(issue.description).toContain(`test-gate-key: ${OWNER}/${REPO}#run-${RUN_ID}`)
    expect(run.outputs).toMatchObject({
      result: 'error',
      gate: 'fail',
      'pass-rate': '30.0',
      passed: '3',
      total: '10',
      'issue-id': issue.id,
      'comment-id': '',
      'check-run-id': String(checkRuns[0]!['id'])
    })
    expect(run.summary).toContain('30.0%')
    expect(run.summary).toContain(issue.id)
    const report = JSON.parse(run.report ?? 'no report')
    expect(report).toMatchObject({ schemaVersion: 2, sha: BRANCH_SHA })
  })
})
