import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ActionRun } from '../../emulators/runner/run-action.js'
import { API_KEY, startScene, type Scene } from '../../emulators/scene.js'
import {
  EXIT_SLACK_MS,
  NODE20,
  NODE24,
  TIMEOUT_MS,
  decodeCommand,
  expectJudged,
  expectOneError,
  gateIssues,
  injectAfterCounts,
  lastStatus,
  printed,
  runGate,
  seedTests,
  testRequests,
  warningLines
} from './support.js'

// A misbehaving Avido, end to end through the bundle: each fault ends with the right verdict or one clear
// error line, within the timeout, without a stack trace or a second comment or issue.

const HTML = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status} Bad Gateway</h1><hr><center>nginx</center></body></html>`

let scene: Scene
beforeEach(async () => {
  scene = await startScene()
  seedTests(scene, 5)
})
afterEach(async () => {
  await scene.close()
})

/** Time between the first request to GET /v0/tests and the third (the retry of whichever count failed). */
const retryGap = () => {
  const [first, , third] = testRequests(scene)
  return third!.at - first!.at
}

describe('429', () => {
  it.each([
    ['Retry-After: 1', { 'retry-after': '1' }, 950, 1900],
    ['retry-after-ms: 1200', { 'retry-after-ms': '1200' }, 1150, 2100]
  ])('with %s is waited out as asked, then judged', async (_name, headers, min, max) => {
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 429, headers })
    const run = await runGate(scene)
    expectJudged(scene, run)
    // Backoff alone would retry within 0.5 s: the wait is the server's.
    expect(retryGap()).toBeGreaterThanOrEqual(min)
    expect(retryGap()).toBeLessThan(max)
  })

  it('with Retry-After: 2 on one request holds the requests beside it too', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 429, headers: { 'retry-after': '2' } })
    // The other count of the first poll, which its own backoff would retry within 0.5 s.
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 503 })
    const run = await runGate(scene, { inputs: { timeout: '8s' } })
    expectJudged(scene, run)
    const [limited, other, ...later] = testRequests(scene)
    expect(other!.at - limited!.at).toBeLessThan(1000)
    expect(later.length).toBeGreaterThanOrEqual(2)
    for (const request of later) expect(request.at - limited!.at).toBeGreaterThanOrEqual(1990)
  })

  it('asking for a wait beyond the timeout ends at once with one line naming the 429', async () => {
    scene.avido.inject(
      'GET /v0/tests',
      { kind: 'status', status: 429, headers: { 'retry-after': '60' }, body: { message: 'Slow down' } },
      { times: Infinity }
    )
    const run = await runGate(scene)
    const error = expectOneError(scene, run)
    expect(error).toMatch(
      /^Avido GET \/v0\/tests ran out of time: waiting 60 s to retry .*answered 429: Slow down/
    )
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS)
    expect(lastStatus(scene)).toBe('error')
  })
})

describe('5xx with HTML bodies', () => {
  it.each([500, 502, 503])('a %i is retried and the run judged', async status => {
    scene.avido.inject('GET /v0/tests', { kind: 'status', status, body: HTML(status) }, { times: 2 })
    const run = await runGate(scene)
    expectJudged(scene, run)
    expect(run.stdout).not.toContain('<html')
  })

  it('answered every time ends within the timeout with one line and no HTML', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'status', status: 502, body: HTML(502) }, { times: Infinity })
    const run = await runGate(scene)
    const error = expectOneError(scene, run)
    expect(error).toMatch(/^Avido GET \/v0\/tests .*answered 502 Bad Gateway\)/)
    expect(run.stdout).not.toMatch(/<html|nginx/)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
    expect(lastStatus(scene)).toBe('error')
  })
})

describe('connection resets', () => {
  it('a reset is retried and the run judged', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'reset' }, { times: 2 })
    expectJudged(scene, await runGate(scene))
  })

  it('resets on every request end within the timeout with one line', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'reset' }, { times: Infinity })
    const run = await runGate(scene)
    expect(expectOneError(scene, run)).toMatch(/^Avido GET \/v0\/tests .*connection reset/)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })
})

describe('a request that hangs for a minute', () => {
  it.each([NODE24, NODE20])('while polling ends at the timeout on $name', async runtime => {
    scene.avido.inject('GET /v0/tests', { kind: 'delay', ms: 60_000 }, { times: Infinity })
    const run = await runGate(scene, { runtime })
    expect(expectOneError(scene, run)).toBe(
      'Avido GET /v0/tests ran out of time: no answer before the deadline'
    )
    expect(run.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
    expect(lastStatus(scene)).toBe('error')
  })

  it('while reading the pages of a settled run ends within the timeout', async () => {
    injectAfterCounts(scene, { kind: 'hang' })
    const run = await runGate(scene)
    expect(run.lines).toContain('Poll 1 (0s): 5/5 settled, 0 pending.')
    expect(expectOneError(scene, run)).toMatch(/^Avido GET \/v0\/tests ran out of time/)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })

  it('while filing the issue ends within the timeout with a warning, the verdict standing and no retry', async () => {
    scene.avido.reset()
    seedTests(scene, 4, 1)
    scene.avido.inject('POST /v0/issues', { kind: 'hang' }, { times: Infinity })
    const run = await runGate(scene)
    expectIssueNotFiled(run, /^Avido POST \/v0\/issues ran out of time/)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })

  it('while triggering ends within the timeout, without a second trigger', async () => {
    const task = scene.avido.seed.task({ passRate: 100 })
    scene.avido.inject('POST /v0/tasks/trigger', { kind: 'hang' })
    const run = await runGate(scene, { inputs: { trigger: 'true', 'task-ids': task.id } })
    expect(expectOneError(scene, run)).toMatch(/^Avido POST \/v0\/tasks\/trigger ran out of time/)
    expect(scene.avido.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })
})

describe('bodies that are not what they claim', () => {
  it('malformed JSON once is retried and the run judged', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'malformed' })
    expectJudged(scene, await runGate(scene))
  })

  it('malformed JSON every time ends with one line', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'malformed' }, { times: Infinity })
    const run = await runGate(scene)
    expect(expectOneError(scene, run)).toMatch(/^Avido GET \/v0\/tests .*not valid JSON/)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })

  it('a body that breaks the schema stops at once, naming the endpoint and the fields', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'schema' }, { times: Infinity })
    const run = await runGate(scene)
    expect(expectOneError(scene, run)).toBe(
      'Avido GET /v0/tests returned data that does not match the documented shape: ' +
        'data[0].status: expected one of PENDING|IN_PROGRESS|COMPLETED|FAILED; data[0].runId: missing (expected string)'
    )
    expect(testRequests(scene)).toHaveLength(2)
  })

  it('an issue answer without its id is followed by a search, which finds the one issue filed', async () => {
    scene.avido.reset()
    seedTests(scene, 4, 1)
    scene.avido.inject('POST /v0/issues', { kind: 'schema' })
    const run = await runGate(scene)
    expectJudged(scene, run, 'error')
    expect(scene.avido.issues).toHaveLength(1)
    expect(run.outputs['issue-id']).toBe(scene.avido.issues[0]!.id)
    expect(scene.avido.requests.filter(r => r.method === 'POST')).toHaveLength(1)
  })
})

describe('a pagination envelope that lies', () => {
  it('a total far above the rows, on the pages, still judges the rows there are', async () => {
    seedTests(scene, 245, 0)
    injectAfterCounts(scene, { kind: 'lieTotal', total: 9000 })
    const run = await runGate(scene)
    expectJudged(scene, run, 'error')
    expect(run.outputs).toMatchObject({ tests: '250', passed: '5', total: '250' })
    // Three real pages, then at most one empty page per reader before the reading stops.
    expect(testRequests(scene).length).toBeLessThanOrEqual(2 + 3 + 4)
  })

  it('a total of a million on every answer, counts included, is waited on but never paged through', async () => {
    scene.avido.inject('GET /v0/tests', { kind: 'lieTotal', total: 1_000_000 }, { times: Infinity })
    const run = await runGate(scene)
    expect(run.lines).toContain('Poll 1 (0s): 0/1000000 settled, 1000000 pending.')
    // The counts say the run never settles: the wait ends at the timeout and reads the one short page there is.
    expect(expectOneError(scene, run)).toMatch(/^Timed out after 3s waiting for Avido/)
    const pages = testRequests(scene).filter(request => request.query.limit?.[0] === '100')
    expect(pages).toHaveLength(1)
    expect(run.durationMs).toBeLessThan(TIMEOUT_MS + EXIT_SLACK_MS)
  })

  it('repeated pages stop with one line instead of judging a third of the run', async () => {
    seedTests(scene, 245)
    injectAfterCounts(scene, { kind: 'repeatPage' })
    const run = await runGate(scene)
    expect(expectOneError(scene, run)).toMatch(
      /^Avido GET \/v0\/tests sent page \d with only tests already read: the paging is inconsistent/
    )
    expect(run.outputs.result).toBe('')
    expect(testRequests(scene).length).toBeLessThanOrEqual(2 + 3)
  })
})

describe('Avido refuses', () => {
  it('401 for a wrong key: one line with endpoint, status and message, no retry, no key', async () => {
    const run = await runGate(scene, { inputs: { 'api-key': 'avido_wrong_key_000000' } })
    expect(expectOneError(scene, run)).toBe('Avido GET /v0/tests answered 401: Invalid API key')
    expect(testRequests(scene)).toHaveLength(2)
    expect(printed(run)).not.toContain('avido_wrong_key_000000')
    expect(lastStatus(scene)).toBe('error')
  })

  it.each([
    [403, 'Forbidden: this key may not read application app_support_bot'],
    [404, 'Application not found']
  ])('%i: one line with endpoint, status and message, no retry', async (status, message) => {
    scene.avido.inject('GET /v0/tests', { kind: 'status', status, body: { message } }, { times: Infinity })
    const run = await runGate(scene)
    expect(expectOneError(scene, run)).toBe(`Avido GET /v0/tests answered ${status}: ${message}`)
    expect(testRequests(scene)).toHaveLength(2)
    expect(printed(run)).not.toContain(API_KEY)
  })
})

describe('filing the issue', () => {
  beforeEach(() => {
    scene.avido.reset()
    seedTests(scene, 4, 1)
  })

  it('a 429 is retried and exactly one issue filed', async () => {
    scene.avido.inject('POST /v0/issues', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after-ms': '100' }
    })
    const run = await runGate(scene)
    expectJudged(scene, run, 'error')
    expect(scene.avido.issues).toHaveLength(1)
    expect(run.outputs['issue-id']).toBe(scene.avido.issues[0]!.id)
  })

  it.each([
    ['a 500', { kind: 'status', status: 500 } as const, /answered 500: Injected 500$/],
    ['a reset', { kind: 'reset' } as const, /could not be reached: connection reset \(1 attempt\)$/]
  ])(
    '%s, which may have landed, is not repeated: a warning, the verdict standing',
    async (_name, fault, problem) => {
      scene.avido.inject('POST /v0/issues', fault, { times: Infinity })
      const run = await runGate(scene)
      expectIssueNotFiled(run, problem)
      // The create may have landed, so the gate searched again rather than creating again.
      expect(scene.avido.requests.filter(r => r.method === 'GET' && r.path === '/v0/issues')).toHaveLength(2)
    }
  )
})

/**
 * Filing the issue failed with `problem`: the step still fails on the run's quality (4 tests, 1 passing),
 * the comment and status stand, one warning names the problem, `issue-id` is empty, and the create was
 * sent once.
 */
function expectIssueNotFiled(run: ActionRun, problem: RegExp): void {
  expectJudged(scene, run, 'error')
  expect(expectOneError(scene, run)).toMatch(
    /^Avido test gate failed: 25\.0% is at or below the error threshold/
  )
  expect(lastStatus(scene)).toBe('failure')
  expect(run.outputs['issue-id']).toBe('')
  const warnings = warningLines(run)
  expect(warnings).toHaveLength(1)
  const [, title, message] = /^::warning title=(.*?)::(.*)$/.exec(warnings[0]!)!
  expect(decodeCommand(title!).replaceAll('%3A', ':')).toBe('Avido test gate: issue')
  const lead = 'Could not file the Avido issue for this run: '
  expect(message!.startsWith(lead)).toBe(true)
  // The fault as its own sentence, then what still stands.
  const [fault, rest] = decodeCommand(message!).slice(lead.length).split('. The verdict')
  expect(fault).toMatch(problem)
  expect(rest).toBe(' and the report stand.')
  expect(scene.avido.requests.filter(r => r.method === 'POST')).toHaveLength(1)
  expect(gateIssues(scene)).toHaveLength(0)
}
