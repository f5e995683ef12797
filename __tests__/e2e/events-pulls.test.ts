import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, RUN_ID, startScene, type Scene } from '../../emulators/scene.js'
import {
  checkRunsOf,
  githubCalls,
  prComments,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf
} from './reporting-support.js'

// Events that can have a pull request: which commit gets the status check (check run and commit status) and
// which pull request gets the comment.

const MERGE_SHA = 'c'.repeat(40)
const FORK_SHA = 'f'.repeat(40)
const DEFAULT_BRANCH_SHA = 'e'.repeat(40)
const GATE_RUN_ID = RUN_ID + 1
const PULLS_LIST = 'GET /repos/{owner}/{repo}/pulls'
const COMMIT_PULLS = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls'
const GET_RUN = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}'

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/**
 * A workflow_run event: run RUN_ID (the evaluation workflow, created `upstreamCreatedAt`) has completed and
 * triggered this gate's own run GATE_RUN_ID, created just now.
 */
function workflowRunEvent(
  scene: Scene,
  options: { headSha: string; pullRequests: object[]; upstreamCreatedAt?: string; headRepo?: string }
) {
  scene.github.seed.workflowRun({
    owner: OWNER,
    repo: REPO,
    id: GATE_RUN_ID,
    created_at: new Date().toISOString(),
    head_sha: DEFAULT_BRANCH_SHA,
    event: 'workflow_run'
  })
  return {
    action: 'completed',
    workflow_run: {
      id: RUN_ID,
      name: 'AI evaluation',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      head_sha: options.headSha,
      head_branch: 'improve-refunds',
      ...(options.upstreamCreatedAt
        ? { created_at: options.upstreamCreatedAt, run_started_at: options.upstreamCreatedAt }
        : {}),
      run_attempt: 1,
      pull_requests: options.pullRequests,
      head_repository: { full_name: options.headRepo ?? `${OWNER}/${REPO}` },
      repository: { full_name: `${OWNER}/${REPO}` }
    },
    repository: { full_name: `${OWNER}/${REPO}` }
  }
}

/** The gate's own run, GATE_RUN_ID on the default branch, started by `event`. */
function runWorkflowRunGate(runtime: Runtime, scene: Scene, event: object) {
  return runGateAction(runtime, scene, {
    eventName: 'workflow_run',
    event,
    env: { GITHUB_SHA: DEFAULT_BRANCH_SHA, GITHUB_RUN_ID: String(GATE_RUN_ID) },
    inputs: { timeout: '5s' }
  })
}

describe.each(runtimesFor(false))('pull request events on $name', (runtime: Runtime) => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene()
  })
  afterEach(async () => {
    await scene.close()
  })

  it.each(['pull_request', 'pull_request_target'])(
    '%s: status check on the head commit (not GITHUB_SHA), comment on the payload PR without looking it up',
    async eventName => {
      seedRate(scene, { tests: 4, passing: 4 })
      const run = await runGateAction(runtime, scene, { eventName, env: { GITHUB_SHA: MERGE_SHA } })
      expect(run.code).toBe(0)
      expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
      expect(statusesOf(scene, MERGE_SHA)).toEqual([])
      expect(checkRunsOf(scene)).toEqual([
        expect.objectContaining({ status: 'completed', conclusion: 'success' })
      ])
      expect(checkRunsOf(scene, MERGE_SHA)).toEqual([])
      expect(prComments(scene)).toHaveLength(1)
      expect(run.outputs['comment-id']).toBe(String(prComments(scene)[0]!['id']))
      expect(githubCalls(scene)).not.toContain(PULLS_LIST)
      expect(githubCalls(scene)).not.toContain(COMMIT_PULLS)
    }
  )

  it("push: comments on the commit's one open pull request, ignoring a closed one", async () => {
    scene.github.seed.pull({
      owner: OWNER,
      repo: REPO,
      number: 3,
      head: { sha: 'd'.repeat(40), ref: 'older-attempt' },
      state: 'closed',
      commits: [HEAD_SHA]
    })
    seedRate(scene, { tests: 4, passing: 4 })
    const run = await runGateAction(runtime, scene, {
      eventName: 'push',
      event: { ref: 'refs/heads/improve-refunds', before: 'a'.repeat(40), after: HEAD_SHA },
      env: { GITHUB_SHA: HEAD_SHA }
    })
    expect(run.code).toBe(0)
    expect(githubCalls(scene)).toContain(COMMIT_PULLS)
    expect(prComments(scene)).toHaveLength(1)
    expect(prComments(scene, 3)).toHaveLength(0)
    expect(run.stdout).toContain(`Pull request #${PR_NUMBER}.`)
    expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
  })

  it('push: with two open pull requests for the commit, reports in the summary only', async () => {
    scene.github.seed.pull({
      owner: OWNER,
      repo: REPO,
      number: 8,
      head: { sha: 'd'.repeat(40), ref: 'stacked' },
      commits: [HEAD_SHA]
    })
    seedRate(scene, { tests: 4, passing: 3 })
    const run = await runGateAction(runtime, scene, {
      eventName: 'push',
      event: { ref: 'refs/heads/improve-refunds', after: HEAD_SHA },
      env: { GITHUB_SHA: HEAD_SHA }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('No pull request for this push event.')
    expect(prComments(scene)).toHaveLength(0)
    expect(prComments(scene, 8)).toHaveLength(0)
    expect(run.outputs['comment-id']).toBe('')
    expect(run.summary).toContain('75.0%')
    expect(statusesOf(scene).at(-1)?.['state']).toBe('success')
  })

  it('workflow_run: the PR from the payload, and the window from the run that triggered this one', async () => {
    // Made during the evaluation run, before this gate's own run was created.
    seedRate(scene, { tests: 4, passing: 4, createdAt: minutesAgo(1) })
    // Made before the evaluation run: not part of it.
    seedRate(scene, { tests: 3, passing: 0, createdAt: minutesAgo(10) })
    const event = workflowRunEvent(scene, {
      headSha: HEAD_SHA,
      upstreamCreatedAt: minutesAgo(3),
      pullRequests: [
        {
          number: PR_NUMBER,
          head: { ref: 'improve-refunds', sha: HEAD_SHA },
          base: { ref: 'main', repo: { url: `${scene.github.url}/repos/${OWNER}/${REPO}` } }
        }
      ]
    })
    const run = await runWorkflowRunGate(runtime, scene, event)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'success', tests: '4', 'pass-rate': '100.0' })
    expect(run.stdout).toContain('the creation time of the workflow run that triggered this one')
    expect(githubCalls(scene)).not.toContain(GET_RUN)
    expect(githubCalls(scene)).not.toContain(PULLS_LIST)
    expect(prComments(scene)).toHaveLength(1)
    expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
    expect(statusesOf(scene, DEFAULT_BRANCH_SHA)).toEqual([])
    expect(checkRunsOf(scene).map(c => c['conclusion'])).toEqual(['success'])
    expect(checkRunsOf(scene, DEFAULT_BRANCH_SHA)).toEqual([])
    expect(statusesOf(scene)[0]!['target_url']).toBe(
      `${scene.github.serverUrl}/${OWNER}/${REPO}/actions/runs/${GATE_RUN_ID}`
    )
    expect(checkRunsOf(scene)[0]!['details_url']).toBe(
      `${scene.github.serverUrl}/${OWNER}/${REPO}/actions/runs/${GATE_RUN_ID}`
    )
  })

  it('workflow_run: reads when the triggering run was created when the payload does not say', async () => {
    // GitHub gives a run's creation time in whole seconds.
    const upstreamCreatedAt = minutesAgo(3).replace(/\.\d{3}Z$/, 'Z')
    scene.github.seed.workflowRun({
      owner: OWNER,
      repo: REPO,
      id: RUN_ID,
      created_at: upstreamCreatedAt,
      head_sha: HEAD_SHA
    })
    seedRate(scene, { tests: 2, passing: 2, createdAt: minutesAgo(1) })
    const event = workflowRunEvent(scene, { headSha: HEAD_SHA, pullRequests: [] })
    const run = await runWorkflowRunGate(runtime, scene, event)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'success', tests: '2' })
    const runReads = scene.github.requests.filter(r => r.route === GET_RUN)
    expect(runReads.map(r => r.params['run_id'])).toEqual([String(RUN_ID)])
    expect(run.stdout).toContain(`at or after ${new Date(upstreamCreatedAt).toISOString()}`)
  })
})

describe.each(runtimesFor(true))('a workflow_run event from a fork on $name', (runtime: Runtime) => {
  let scene: Scene
  beforeEach(async () => {
    scene = await startScene()
  })
  afterEach(async () => {
    await scene.close()
  })

  it('finds the open pull request whose head is the commit when the payload lists none', async () => {
    for (let number = 20; number < 25; number++) {
      scene.github.seed.pull({
        owner: OWNER,
        repo: REPO,
        number,
        head: { sha: String(number).repeat(20), ref: `topic-${number}` }
      })
    }
    scene.github.seed.pull({
      owner: OWNER,
      repo: REPO,
      number: 12,
      head: { sha: FORK_SHA, ref: 'main', repo: 'contributor/support-bot' },
      title: 'Shorter answers'
    })
    seedRate(scene, { tests: 5, passing: 2, createdAt: minutesAgo(1) })
    const event = workflowRunEvent(scene, {
      headSha: FORK_SHA,
      upstreamCreatedAt: minutesAgo(2),
      pullRequests: [],
      headRepo: 'contributor/support-bot'
    })
    const run = await runWorkflowRunGate(runtime, scene, event)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'error', tests: '5', 'pass-rate': '40.0' })
    expect(githubCalls(scene)).toContain(PULLS_LIST)
    expect(prComments(scene, 12)).toHaveLength(1)
    expect(prComments(scene)).toHaveLength(0)
    expect(run.outputs['comment-id']).toBe(String(prComments(scene, 12)[0]!['id']))
    expect(statusesOf(scene, FORK_SHA).map(s => s.state)).toEqual(['pending', 'failure'])
    expect(checkRunsOf(scene, FORK_SHA).map(c => c['conclusion'])).toEqual(['failure'])
    expect(checkRunsOf(scene, DEFAULT_BRANCH_SHA)).toEqual([])
    expect(scene.avido.issues[0]?.description).toContain(`test-gate-key: ${OWNER}/${REPO}#pr-12`)
  })
})
