import { describe, expect, it } from '@jest/globals'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { HEAD_SHA, OWNER, REPO } from '../../emulators/scene.js'
import {
  BASE_INPUTS,
  checkRunsOn,
  historyOf,
  pullEventOn,
  recordOnPush,
  RECORD_MARKER,
  runPull,
  stackFrames,
  TASK,
  unescapeCommand
} from './comparison-support.js'
import {
  errorsOf,
  runGateAction,
  runtimesFor,
  seedRate,
  statusesOf,
  warningsOf,
  useScenePerTest
} from './reporting-support.js'

// The bundled action against a baseline: the record a push leaves in its check run, the record found on an
// ancestor of the base commit, Avido's scheduled runs, max-regression, and the status check's kinds and faults.

const DAY_MS = 86_400_000
const MARGIN = /^\d+\.\d$/

const startScene = useScenePerTest()

describe.each(runtimesFor(false))('comparison with a baseline on $name', (runtime: Runtime) => {
  it('records on a push to main, then compares a pull request built on it', async () => {
    const scene = await startScene()
    const [main] = scene.github.seed.commitChain(OWNER, REPO, { length: 1, branch: 'main' })
    const push = await recordOnPush(runtime, scene, main, { tests: 20, passing: 18 })
    expect(push.code).toBe(0)
    expect(errorsOf(push)).toEqual([])
    expect(warningsOf(push)).toEqual([])
    expect(push.outputs).toMatchObject({ result: 'success', baseline: '', regressed: 'false' })
    const [recorded] = checkRunsOn(scene, main)
    expect(recorded).toMatchObject({ name: 'Avido test gate', status: 'completed', conclusion: 'success' })
    expect(recorded.output.text).toContain(RECORD_MARKER)
    expect(push.outputs['check-run-id']).toBe(String(recorded.id))

    const pull = await runPull(runtime, scene, main, { tests: 20, passing: 16 })
    expect(pull.code).toBe(0)
    expect(errorsOf(pull)).toEqual([])
    expect(warningsOf(pull)).toEqual([])
    expect(pull.outputs).toMatchObject({
      'pass-rate': '80.0',
      baseline: 'base-commit',
      'baseline-pass-rate': '90.0',
      'pass-rate-change': '-10.0',
      regressed: 'false'
    })
    expect(pull.outputs['change-margin']).toMatch(MARGIN)
    expect(pull.outputs['pass-rate-margin']).toMatch(MARGIN)
    expect(pull.stdout).toContain(`Baseline: the gate's record on ${main.slice(0, 7)} (the base commit)`)
    const [head] = checkRunsOn(scene)
    expect(head).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(head.output.text).toContain(RECORD_MARKER)
    expect(head.output.text).toContain(`"sha":"${HEAD_SHA}"`)
    expect(pull.outputs['check-run-id']).toBe(String(head.id))
  })

  it('finds the record three first-parent commits before the base commit', async () => {
    const scene = await startScene()
    const [base, parent1, parent2, recordedOn] = scene.github.seed.commitChain(OWNER, REPO, {
      length: 4,
      branch: 'main'
    })
    expect((await recordOnPush(runtime, scene, recordedOn, { tests: 10, passing: 10 })).code).toBe(0)
    for (const sha of [base, parent1, parent2]) expect(checkRunsOn(scene, sha)).toEqual([])

    const pull = await runPull(runtime, scene, base, { tests: 10, passing: 9 })
    expect(pull.code).toBe(0)
    expect(errorsOf(pull)).toEqual([])
    expect(warningsOf(pull)).toEqual([])
    expect(pull.stdout).toContain(
      `Baseline: the gate's record on ${recordedOn.slice(0, 7)} (3 commit(s) before the base commit)`
    )
    expect(pull.outputs).toMatchObject({
      baseline: 'base-commit',
      'baseline-pass-rate': '100.0',
      'pass-rate-change': '-10.0'
    })
  })

  it.each([
    ['2 days', 2, 'scheduled', '100.0'],
    ['10 days', 10, '', '']
  ])('scheduled baseline %s before the window, baseline-max-age 7d', async (_age, days, source, rate) => {
    const scene = await startScene()
    scene.avido.seed.scheduledRun({
      taskIds: [TASK],
      createdAt: Date.now() - days * DAY_MS,
      testsPerTask: 10,
      passRate: 100
    })
    seedRate(scene, { tests: 10, passing: 9, taskId: TASK })
    const run = await runGateAction(runtime, scene, {
      inputs: { ...BASE_INPUTS, baseline: 'scheduled', 'baseline-max-age': '7d' }
    })
    expect(run.code).toBe(0)
    expect(errorsOf(run)).toEqual([])
    expect(warningsOf(run)).toEqual([])
    expect(run.outputs).toMatchObject({
      'pass-rate': '90.0',
      baseline: source,
      'baseline-pass-rate': rate,
      'pass-rate-change': source ? '-10.0' : '',
      regressed: 'false'
    })
    if (source) expect(run.outputs['change-margin']).toMatch(MARGIN)
    else
      expect(run.stdout).toContain('No settled scheduled or monitoring run of these tasks to compare with.')
  })

  it('auto falls back to the scheduled runs when no commit before the base holds a record', async () => {
    const scene = await startScene()
    const [base] = scene.github.seed.commitChain(OWNER, REPO, { length: 3, branch: 'main' })
    scene.avido.seed.scheduledRun({ taskIds: [TASK], createdAt: Date.now() - DAY_MS, testsPerTask: 10 })
    const run = await runPull(runtime, scene, base, { tests: 10, passing: 10 }, { baseline: 'auto' })
    expect(run.code).toBe(0)
    expect(errorsOf(run)).toEqual([])
    expect(warningsOf(run)).toEqual([])
    expect(run.stdout).toContain(`No recorded result of this gate on the base commit ${base.slice(0, 7)}`)
    expect(run.outputs).toMatchObject({
      baseline: 'scheduled',
      'baseline-pass-rate': '100.0',
      'pass-rate-change': '0.0'
    })
  })

  it('fails a significant regression with max-regression: one error naming the change and the baseline', async () => {
    const scene = await startScene()
    const [main] = scene.github.seed.commitChain(OWNER, REPO, { length: 1, branch: 'main' })
    expect((await recordOnPush(runtime, scene, main, { tests: 100, passing: 95 })).code).toBe(0)

    const pull = await runPull(
      runtime,
      scene,
      main,
      { tests: 100, passing: 40 },
      {
        'max-regression': '5',
        'fail-on': 'never'
      }
    )
    expect(pull.code).toBe(1)
    expect(warningsOf(pull)).toEqual([])
    const errors = errorsOf(pull).map(unescapeCommand)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('dropped by more than max-regression 5 points')
    expect(errors[0]).toContain(`the base commit ${main.slice(0, 7)} (95.0% on the shared tasks)`)
    expect(errors[0]).toMatch(/-55\.0 points \(95% CI -\d+\.\d to -\d+\.\d\)/)
    expect(pull.outputs).toMatchObject({
      baseline: 'base-commit',
      'baseline-pass-rate': '95.0',
      'pass-rate-change': '-55.0',
      regressed: 'true',
      gate: 'fail'
    })
    const [head] = checkRunsOn(scene)
    expect(head).toMatchObject({ status: 'completed', conclusion: 'failure' })
    // The report says what the step did: the drop failed the gate, although fail-on never passes the rate.
    for (const page of [pull.summary, head.output.summary]) {
      expect(page).toContain('❌ **Gate failed**')
      expect(page).not.toContain('Gate passed')
      expect(page).toContain('But the pass rate dropped by more than max-regression 5 points')
    }
  })

  it('passes a drop within noise with max-regression set', async () => {
    const scene = await startScene()
    const [main] = scene.github.seed.commitChain(OWNER, REPO, { length: 1, branch: 'main' })
    expect((await recordOnPush(runtime, scene, main, { tests: 5, passing: 5 })).code).toBe(0)

    const pull = await runPull(runtime, scene, main, { tests: 5, passing: 4 }, { 'max-regression': '5' })
    expect(pull.code).toBe(0)
    expect(errorsOf(pull)).toEqual([])
    expect(warningsOf(pull)).toEqual([])
    expect(pull.outputs).toMatchObject({
      baseline: 'base-commit',
      'pass-rate-change': '-20.0',
      regressed: 'false',
      gate: 'pass'
    })
    expect(checkRunsOn(scene)[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
  })
})

describe.each(runtimesFor(false))('the status check of the bundled action on $name', (runtime: Runtime) => {
  it('status-check: status posts a commit status and creates no check run', async () => {
    const scene = await startScene()
    seedRate(scene, { tests: 4, passing: 4 })
    const run = await runGateAction(runtime, scene, { inputs: { ...BASE_INPUTS, 'status-check': 'status' } })
    expect(run.code).toBe(0)
    expect(errorsOf(run)).toEqual([])
    expect(warningsOf(run)).toEqual([])
    expect(scene.github.checkRuns(OWNER, REPO)).toEqual([])
    expect(statusesOf(scene).map(s => s['state'])).toEqual(['pending', 'success'])
    expect(run.outputs).toMatchObject({ 'check-run-id': '', 'check-run-url': '' })
  })

  it('a token without checks: write gives one warning and the step goes on', async () => {
    const scene = await startScene()
    scene.github.setPermission('checks', 'read')
    seedRate(scene, { tests: 4, passing: 4 })
    const run = await runGateAction(runtime, scene, { inputs: { ...BASE_INPUTS } })
    expect(run.code).toBe(0)
    expect(errorsOf(run)).toEqual([])
    const warnings = warningsOf(run)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('checks: write')
    expect(scene.github.checkRuns(OWNER, REPO)).toEqual([])
    expect(run.outputs).toMatchObject({ result: 'success', gate: 'pass', 'check-run-id': '' })
  })

  it.each([
    [
      '401 on every later poll',
      { kind: 'status', status: 401, body: { message: 'Invalid API key' } },
      'Avido GET /v0/tests answered 401: Invalid API key'
    ],
    [
      'an invalid response schema',
      { kind: 'schema', mutate: () => ({ data: 'not a list' }) },
      'Avido GET /v0/tests returned data that does not match the documented shape'
    ]
  ] as const)(
    'a fault after the check run started (%s) completes it as a failure',
    async (_name, fault, sentence) => {
      const scene = await startScene()
      const avido = scene.avido
      avido.seed.tests(3, { evals: ['CUSTOM'], passRate: 100, settleAfterMs: 60_000 })
      const running = runGateAction(runtime, scene, {
        inputs: { ...BASE_INPUTS, baseline: 'none', 'poll-interval': '200ms', timeout: '20s' }
      })
      const polled = () => avido.requests.some(r => r.method === 'GET' && r.path === '/v0/tests')
      while (!polled()) await new Promise(resolve => setTimeout(resolve, 20))
      avido.inject('GET /v0/tests', fault, { times: 1_000 })
      const run = await running

      expect(run.code).toBe(1)
      expect(warningsOf(run)).toEqual([])
      const errors = errorsOf(run)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/^::error::Avido /)
      expect(errors[0]).toContain(sentence)
      expect(stackFrames(run)).toEqual([])
      const runs = checkRunsOn(scene, HEAD_SHA)
      expect(runs).toHaveLength(1)
      expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
      const states = historyOf(scene, runs[0].id).map(state => state.status)
      expect(states[0]).toBe('in_progress')
      expect(states.at(-1)).toBe('completed')
      expect(run.outputs).toMatchObject({ 'check-run-id': String(runs[0].id) })
    }
  )
})

// Keeps the helper honest: the pull request event carries the base commit the gate looks up.
it('pullEventOn sets pull_request.base.sha', async () => {
  const scene = await startScene()
  expect(pullEventOn(scene, 'a'.repeat(40))).toMatchObject({
    pull_request: { base: { sha: 'a'.repeat(40) } }
  })
})
