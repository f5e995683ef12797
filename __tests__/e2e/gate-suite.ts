import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Runtime } from '../../emulators/runner/run-action.js'
import { OWNER, PR_NUMBER, REPO, RUN_ID, startScene, type Scene } from '../../emulators/scene.js'
import {
  checkRunsOf,
  prComments,
  runGateAction,
  seedRate,
  statusesOf,
  type GateRun
} from './reporting-support.js'

const testRequests = (scene: Scene) =>
  scene.avido.requests.filter(r => r.method === 'GET' && r.path === '/v0/tests')

/** The end-to-end cases of the gate, run against the bundle on one runtime. */
export function gateSuite(runtime: Runtime): void {
  describe(`the bundled action on ${runtime.name}`, () => {
    let scene: Scene
    beforeEach(async () => {
      scene = await startScene()
    })
    afterEach(async () => {
      await scene.close()
    })

    const run = (inputs: Record<string, string> = {}, extra: Omit<GateRun, 'inputs'> = {}) =>
      runGateAction(runtime, scene, { inputs, ...extra })

    it('passes a healthy run: outputs, one comment, success check run and status, summary and report', async () => {
      seedRate(scene, { tests: 10, evalsPerTest: 4, passing: 36 })
      const result = await run()
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({
        result: 'success',
        gate: 'pass',
        'pass-rate': '90.0',
        passed: '36',
        total: '40',
        tests: '10'
      })
      expect(prComments(scene)).toHaveLength(1)
      expect(String(prComments(scene)[0].body)).toContain('90.0%')
      expect(statusesOf(scene).map(s => s.state)).toEqual(['pending', 'success'])
      const checkRuns = checkRunsOf(scene)
      expect(checkRuns).toEqual([
        expect.objectContaining({ name: 'Avido test gate', status: 'completed', conclusion: 'success' })
      ])
      expect(result.outputs['check-run-id']).toBe(String(checkRuns[0]!['id']))
      expect(result.outputs['check-run-url']).toBe(checkRuns[0]!['html_url'])
      expect(result.summary).toContain('90.0%')
      const report = JSON.parse(result.report ?? 'no report')
      expect(report).toMatchObject({ schemaVersion: 2 })
      expect(scene.avido.issues).toHaveLength(0)
      expect(result.lines.some(line => /^Poll 1 \(\d+s\): 10\/10 settled, 0 pending\.$/.test(line))).toBe(
        true
      )
    })

    it('warns without failing at 51 % and files no issue', async () => {
      seedRate(scene, { tests: 100, evalsPerTest: 1, passing: 51 })
      const result = await run()
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ result: 'warning', gate: 'pass', 'pass-rate': '51.0' })
      expect(scene.avido.issues).toHaveLength(0)
      expect(statusesOf(scene).at(-1)?.state).toBe('success')
    })

    it('fails at exactly 50 % and files one HIGH TEST issue for the worst test', async () => {
      const tests = seedRate(scene, { tests: 10, evalsPerTest: 2, passing: 10 })
      const result = await run()
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({ result: 'error', gate: 'fail', 'pass-rate': '50.0' })
      expect(result.stdout).toContain('::error::Avido test gate failed')
      expect(scene.avido.issues).toHaveLength(1)
      const issue = scene.avido.issues[0]
      expect(issue).toMatchObject({ source: 'TEST', priority: 'HIGH', type: 'BUG' })
      expect(tests.map(t => t.id)).toContain(issue.testId)
      expect(issue.description).toContain(`test-gate-key: ${OWNER}/${REPO}#pr-${PR_NUMBER}`)
      expect(result.outputs['issue-id']).toBe(issue.id)
      expect(statusesOf(scene).at(-1)?.state).toBe('failure')
      expect(checkRunsOf(scene).map(c => [c['status'], c['conclusion']])).toEqual([['completed', 'failure']])
    })

    it('on a re-run (attempt 2) reports the same issue and updates the same comment', async () => {
      seedRate(scene, { tests: 5, evalsPerTest: 2, passing: 2 })
      const first = await run()
      const second = await run({}, { env: { GITHUB_RUN_ATTEMPT: '2' } })
      expect(first.code).toBe(1)
      expect(second.code).toBe(1)
      expect(scene.avido.issues).toHaveLength(1)
      expect(second.outputs['issue-id']).toBe(first.outputs['issue-id'])
      expect(prComments(scene)).toHaveLength(1)
      expect(second.outputs['comment-id']).toBe(first.outputs['comment-id'])
    })

    it('counts only the listed run ids', async () => {
      const good = scene.avido.seed.run({
        tests: 4,
        testSpec: { evals: ['CUSTOM', 'CUSTOM'], passRate: 100 }
      })
      scene.avido.seed.run({ tests: 6, testSpec: { evals: ['CUSTOM', 'CUSTOM'], passRate: 0 } })
      const result = await run({ 'run-ids': good.id })
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ result: 'success', tests: '4', 'pass-rate': '100.0' })
    })

    it('ignores tests created before the workflow run', async () => {
      scene.avido.seed.tests(8, {
        createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
        evals: ['CUSTOM'],
        passRate: 0
      })
      seedRate(scene, { tests: 3, evalsPerTest: 1, passing: 3 })
      const result = await run()
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ result: 'success', tests: '3' })
    })

    it('reads 250 tests in three pages of 100 once settled, with two requests per poll before that', async () => {
      scene.avido.seed.tests(250, i => ({
        evals: ['CUSTOM'],
        passRate: i < 200 ? 100 : 0,
        settleAfterMs: 1500
      }))
      const result = await run()
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ tests: '250', passed: '200', total: '250', 'pass-rate': '80.0' })
      const pages = testRequests(scene).filter(r => r.query.limit?.[0] === '100')
      expect(pages.map(r => r.query.skip?.[0]).sort()).toEqual(['0', '100', '200'])
      const polls = result.lines.filter(line => line.startsWith('Poll ')).length
      const counts = testRequests(scene).filter(r => r.query.limit?.[0] === '1')
      expect(counts).toHaveLength(polls * 2)
    })

    it('on push without a pull request reports in the summary and keys the issue by run', async () => {
      const sha = 'b'.repeat(40)
      seedRate(scene, { tests: 4, evalsPerTest: 1, passing: 1 })
      const result = await run(
        {},
        { eventName: 'push', event: { after: sha, ref: 'refs/heads/main' }, env: { GITHUB_SHA: sha } }
      )
      expect(result.code).toBe(1)
      expect(prComments(scene)).toHaveLength(0)
      expect(result.outputs['comment-id']).toBe('')
      expect(result.summary).toContain('25.0%')
      expect(statusesOf(scene, sha).at(-1)?.state).toBe('failure')
      expect(scene.avido.issues[0].description).toContain(`test-gate-key: ${OWNER}/${REPO}#run-${RUN_ID}`)
    })

    it('with trigger: true triggers the tasks, records the annotation and gates only on what the trigger produced', async () => {
      const task = scene.avido.seed.task({ title: 'Block a lost card', testsPerRun: 5, passRate: 100 })
      scene.avido.seed.tests(3, {
        taskId: task.id,
        createdAt: new Date(Date.now() - 30_000).toISOString(),
        evals: ['CUSTOM'],
        passRate: 0
      })
      scene.avido.seed.tests(3, { evals: ['CUSTOM'], passRate: 0 })
      const result = await run({ trigger: 'true', 'task-ids': task.id, 'annotation-title': 'Deploy 3f6c2a9' })
      expect(result.code).toBe(0)
      expect(scene.avido.triggers).toHaveLength(1)
      expect(scene.avido.triggers[0].taskIds).toEqual([task.id])
      expect(scene.avido.annotations.map(a => a.title)).toEqual(['Deploy 3f6c2a9'])
      expect(result.outputs).toMatchObject({ result: 'success', tests: '5', 'pass-rate': '100.0' })
      const firstTestRead = scene.avido.requests.findIndex(r => r.path === '/v0/tests')
      const triggerAt = scene.avido.requests.findIndex(r => r.path === '/v0/tasks/trigger')
      expect(triggerAt).toBeGreaterThanOrEqual(0)
      expect(triggerAt).toBeLessThan(firstTestRead)
    })

    it('with dry-run: true judges and summarises but writes nothing to Avido or GitHub', async () => {
      const task = scene.avido.seed.task({ title: 'Escalate to a human agent' })
      seedRate(scene, { tests: 4, evalsPerTest: 1, passing: 1, taskId: task.id })
      const result = await run({
        'dry-run': 'true',
        trigger: 'true',
        'task-ids': task.id,
        'annotation-title': 'Deploy'
      })
      expect(result.outputs).toMatchObject({
        result: 'error',
        gate: 'fail',
        'pass-rate': '25.0',
        'issue-id': ''
      })
      expect(result.summary).toContain('25.0%')
      expect(result.summary).toContain('Dry run')
      const writes = [...scene.avido.requests, ...scene.github.requests].filter(r => r.method !== 'GET')
      expect(writes).toEqual([])
      expect(scene.avido.issues).toHaveLength(0)
    })

    it('times out listing the pending tests, with an error status', async () => {
      seedRate(scene, { tests: 2, evalsPerTest: 1, passing: 2 })
      const stuck = scene.avido.seed.tests(2, { evals: ['CUSTOM'], status: 'IN_PROGRESS' })
      const result = await run({ timeout: '2s', 'poll-interval': '500ms' })
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({ gate: 'fail', 'pending-tests': '2' })
      const error = result.lines.find(line => line.startsWith('::error::')) ?? ''
      expect(error).toContain('Timed out')
      for (const test of stuck) expect(error).toContain(test.id)
      expect(statusesOf(scene).at(-1)?.state).toBe('error')
      expect(checkRunsOf(scene).map(c => [c['status'], c['conclusion']])).toEqual([
        ['completed', 'timed_out']
      ])
      expect(result.durationMs).toBeLessThan(15_000)
      expect(result.report).toContain('"schemaVersion"')
    })
  })
}
