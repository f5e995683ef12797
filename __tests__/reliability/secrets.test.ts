import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ActionRun } from '../../emulators/runner/run-action.js'
import { API_KEY, GITHUB_TOKEN, startScene, type Scene } from '../../emulators/scene.js'
import { printed, runGate, seedTests, type GateRunOptions } from './support.js'

// With debug logging on, neither secret appears in anything the action prints or writes: log lines
// (debug included), errors, warnings, outputs, job summary, JSON report, and every request it sends
// (comments, statuses, Avido issues and annotations). Each secret travels only in its own auth header.

const DEBUG_ENV = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }
/** The secrets, and pieces of them without `_`, to catch one cut short or escaped for Markdown. */
const SECRETS = [API_KEY, GITHUB_TOKEN, API_KEY.slice(-12), GITHUB_TOKEN.slice(-10)]

let scene: Scene
beforeEach(async () => {
  scene = await startScene()
})
afterEach(async () => {
  await scene.close()
})

/** Everything the run left behind, by where it was found. */
function everything(run: ActionRun): Record<string, string> {
  const avidoRequests = scene.avido.requests.map(r => ({ ...r, headers: { ...r.headers, 'x-api-key': '' } }))
  const githubRequests = scene.github.requests.map(r => ({
    ...r,
    headers: { ...r.headers, authorization: '' }
  }))
  return {
    log: printed(run),
    outputs: run.outputFile,
    summary: run.summary,
    report: run.report ?? '',
    'avido requests': JSON.stringify(avidoRequests),
    'avido issues': JSON.stringify(scene.avido.issues),
    'avido annotations': JSON.stringify(scene.avido.annotations),
    'github requests': JSON.stringify(githubRequests)
  }
}

async function scan(options: GateRunOptions): Promise<ActionRun> {
  const run = await runGate(scene, { ...options, env: { ...DEBUG_ENV, ...options.env } })
  const leaks = Object.entries(everything(run)).flatMap(([where, text]) =>
    SECRETS.filter(secret => text.includes(secret)).map(secret => `${where}: …${secret.slice(-6)}`)
  )
  expect(leaks).toEqual([])
  // The debug log was on, so the scan covered the per-request lines too.
  expect(run.lines.some(line => line.startsWith('::debug::avido GET /v0/tests'))).toBe(true)
  return run
}

describe('the key and the token', () => {
  it('are masked before anything else is printed', async () => {
    seedTests(scene, 3)
    const run = await scan({})
    expect(run.lines.slice(0, 2).sort()).toEqual(
      [`::add-mask::${API_KEY}`, `::add-mask::${GITHUB_TOKEN}`].sort()
    )
  })

  it('appear nowhere in a failing gate that triggers, annotates, comments and files an issue', async () => {
    const task = scene.avido.seed.task({ passRate: 25, testsPerRun: 4, evals: ['CUSTOM', 'FACT'] })
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 503, headers: { 'retry-after-ms': '50' } })
    const run = await scan({
      inputs: { trigger: 'true', 'task-ids': task.id, 'annotation-title': 'Deploy 3f6c2a9', timeout: '15s' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('error')
    expect(scene.avido.issues).toHaveLength(1)
    expect(scene.avido.annotations).toHaveLength(1)
    expect(scene.avido.triggers).toHaveLength(1)
    expect(scene.github.comments('acme', 'support-bot', 7)).toHaveLength(1)
  })

  it('appear nowhere when Avido echoes the key in its errors', async () => {
    seedTests(scene, 3)
    const echo = { message: `Invalid API key ${API_KEY} for ${GITHUB_TOKEN}` }
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 502, body: echo })
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 401, body: echo })
    const run = await scan({})
    expect(run.code).toBe(1)
    expect(run.lines.filter(line => line.startsWith('::error::'))).toEqual([
      '::error::Avido GET /v0/tests answered 401: Invalid API key *** for ***'
    ])
  })

  it("appear nowhere when Avido's own data carries them into the comment, report and issue", async () => {
    const task = scene.avido.seed.task({ title: `Refunds ${API_KEY} ${GITHUB_TOKEN}` })
    const reason = `the answer quoted ${API_KEY} and ${GITHUB_TOKEN}`
    scene.avido.seed.tests(4, {
      taskId: task.id,
      evals: [{ type: 'CUSTOM', passed: false, name: `Leak ${API_KEY}`, results: { reason } }]
    })
    const run = await scan({})
    expect(run.outputs.result).toBe('error')
    expect(scene.avido.issues).toHaveLength(1)
    expect(scene.github.comments('acme', 'support-bot', 7)[0]!.body).toContain('Refunds \\*\\*\\*')
  })

  it('appear nowhere when GitHub echoes them in its refusals', async () => {
    seedTests(scene, 3)
    const echo = { message: `Bad credentials ${GITHUB_TOKEN} (${API_KEY})` }
    scene.github.inject(
      'POST /repos/{owner}/{repo}/statuses/{sha}',
      { status: 422, body: echo },
      { times: Infinity }
    )
    scene.github.inject('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      status: 403,
      body: echo
    })
    const run = await scan({})
    expect(run.code).toBe(0)
    expect(run.lines.filter(line => line.startsWith('::warning')).length).toBeGreaterThanOrEqual(2)
  })

  it('appear nowhere in a timeout that lists the pending tests', async () => {
    seedTests(scene, 2)
    scene.avido.seed.tests(2, { evals: ['CUSTOM'], status: 'IN_PROGRESS' })
    const run = await scan({ inputs: { timeout: '1s' } })
    expect(run.code).toBe(1)
    expect(run.outputs['pending-tests']).toBe('2')
  })

  it('travel only in their own auth headers', async () => {
    seedTests(scene, 3, 1)
    await scan({})
    expect(scene.avido.requests.every(r => r.headers['x-api-key'] === API_KEY)).toBe(true)
    expect(scene.github.requests.every(r => r.headers.authorization === `token ${GITHUB_TOKEN}`)).toBe(true)
    expect(JSON.stringify(scene.avido.requests.map(r => r.headers))).not.toContain(GITHUB_TOKEN)
    expect(JSON.stringify(scene.github.requests.map(r => r.headers))).not.toContain(API_KEY)
  })
})
