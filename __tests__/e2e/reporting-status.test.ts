import { describe, expect, it } from '@jest/globals'
import { createClock } from '../../emulators/avido/index.js'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, REPO, RUN_ID } from '../../emulators/scene.js'
import { runGate } from '../../src/pipeline/run-gate.js'
import {
  callsTo,
  errorsOf,
  POST_STATUS,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf,
  warningsOf,
  useScenePerTest
} from './reporting-support.js'
import { gateDeps } from '../pipeline/harness.js'

// The commit status: `pending` with progress while waiting, then the final state; the description at most
// 140 characters; target_url the workflow run; the context from `status-context`.

const startScene = useScenePerTest()

const describeStatuses = (all: Record<string, unknown>[]) =>
  all.map(s => ({ state: s['state'], description: s['description'] }))

describe.each(runtimesFor(false))('the commit status of the bundled action on $name', (runtime: Runtime) => {
  it('uses status-context, links the run attempt, and describes the result', async () => {
    const scene = await startScene({ runAttempt: 2 })
    seedRate(scene, { tests: 10, evalsPerTest: 4, passing: 33 })
    const run = await runGateAction(runtime, scene, { inputs: { 'status-context': 'AI quality / gpt-4o' } })
    expect(run.code).toBe(0)
    const statuses = statusesOf(scene)
    expect(describeStatuses(statuses)).toEqual([
      { state: 'pending', description: 'Waiting for Avido test results' },
      // Tests of 4 evals passing 4,4,4,4,4,4,4,4,1,0: SE = √(10/9 · 20.1) / 40 = 11.8 points, t(9) = 2.262.
      { state: 'success', description: '82.5% ± 26.7 passed (33/40 evals) · success' }
    ])
    for (const status of statuses) {
      expect(status).toMatchObject({
        context: 'AI quality / gpt-4o',
        target_url: `${scene.github.serverUrl}/${OWNER}/${REPO}/actions/runs/${RUN_ID}/attempts/2`
      })
    }
  })

  it('cuts a long Avido error to 140 characters in the error status', async () => {
    const scene = await startScene()
    const message = `Invalid filter: ${'the evalDefinitionId list names a definition that does not exist; '.repeat(5)}`
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 400, body: { message } })
    const run = await runGateAction(runtime, scene)
    expect(run.code).toBe(1)
    expect(errorsOf(run)).toHaveLength(1)
    expect(warningsOf(run)).toEqual([])
    const final = statusesOf(scene).at(-1)!
    expect(final['state']).toBe('error')
    const description = String(final['description'])
    expect(description.length).toBeLessThanOrEqual(140)
    expect(description).toMatch(/^Error: .*Invalid filter: .*…$/)
  })

  it('status-check: false posts no status at all', async () => {
    const scene = await startScene()
    seedRate(scene, { tests: 3, passing: 3 })
    const run = await runGateAction(runtime, scene, { inputs: { 'status-check': 'false' } })
    expect(run.code).toBe(0)
    expect(callsTo(scene, POST_STATUS)).toEqual([])
    expect(statusesOf(scene)).toEqual([])
  })
})

describe('the pending status while waiting (runGate on a fake clock)', () => {
  it('is refreshed with progress at most every 30 s, then replaced by the final state', async () => {
    const clock = createClock({ frozen: true })
    const scene = await startScene({ avido: { clock } })
    // Test i settles 3·(i+1) s after the start: 10 settled at 30 s, 20 at 60 s, all 40 at 120 s.
    scene.avido.seed.tests(40, i => ({ evals: ['CUSTOM'], passRate: 100, settleAfterMs: 3000 * (i + 1) }))

    const startedAt = clock.now()
    const { deps, lines, close } = gateDeps(scene, { inputs: { 'poll-interval': '10s', timeout: '15m' } })
    const github = deps.github!
    const postedAt: number[] = []
    const postStatus = github.postStatus.bind(github)
    github.postStatus = async params => {
      postedAt.push(clock.now() - startedAt)
      return postStatus(params)
    }

    const outcome = await runGate(deps)
    await close()

    expect(outcome.verdict).toBe('passed')
    expect(lines.filter(line => line.startsWith('Poll '))).toHaveLength(13)
    expect(lines.filter(line => line.startsWith('warning'))).toEqual([])
    expect(postedAt).toEqual([0, 30_000, 60_000, 90_000, 120_000])
    expect(describeStatuses(statusesOf(scene, HEAD_SHA))).toEqual([
      { state: 'pending', description: 'Waiting for Avido test results' },
      { state: 'pending', description: 'Waiting for Avido: 10/40 tests settled' },
      { state: 'pending', description: 'Waiting for Avido: 20/40 tests settled' },
      { state: 'pending', description: 'Waiting for Avido: 30/40 tests settled' },
      { state: 'success', description: '100.0% (≥ 92.5%) passed (40/40 evals) · success' }
    ])
  })
})
