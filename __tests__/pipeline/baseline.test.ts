import { describe, expect, it } from '@jest/globals'
import { OWNER, REPO } from '../../emulators/scene.js'
import type { MeasuredScope } from '../../src/judge/baseline.js'
import { buildScope, type Scope } from '../../src/judge/scope.js'
import { findBaseline, MAX_BASE_COMMITS } from '../../src/pipeline/baseline.js'
import { encodeRecord, recordOf } from '../../src/render/record.js'
import { makeJudgement } from '../unit/report-fixtures.js'
import { useFrozenScene, wholeSecondNow, type Harness, type HarnessOptions } from './harness.js'

const START = wholeSecondNow()
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const WINDOW_START = START - HOUR
const CHECK_NAME = 'Avido test gate'
const KEY = 'AI quality/gate'
const LIST_CHECK_RUNS = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs'
const LIST_COMMITS = 'GET /repos/{owner}/{repo}/commits'
const SCOPE: MeasuredScope = { taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] }

const { scene, make: makeHarness } = useFrozenScene(START)

/** The scene's pull request event with `base.sha` set, as GitHub sends it. */
function pullOn(baseSha: string): object {
  const event = scene().pullRequestEvent() as { pull_request: { base: object } }
  return {
    ...event,
    pull_request: { ...event.pull_request, base: { ...event.pull_request.base, sha: baseSha } }
  }
}

function make(baseline: string, options: HarnessOptions & { baseSha?: string } = {}): Harness {
  const { baseSha, ...rest } = options
  return makeHarness({
    ...rest,
    inputs: { baseline, ...rest.inputs },
    ...(baseSha ? { event: pullOn(baseSha) } : {})
  })
}

const scopeOf = (h: Harness): Scope =>
  buildScope(h.deps.config, { start: new Date(WINDOW_START).toISOString(), source: 'since' })

/** A first-parent history of `length` commits, newest (the base) first. */
const chain = (length: number): string[] => scene().github.seed.commitChain(OWNER, REPO, { length })

/** A judgement of one task: `passing` of `total` single-eval tests passed. */
const measured = (passing: number, total: number) =>
  makeJudgement([
    {
      title: 'Refunds',
      tests: Array.from({ length: total }, (_, i) => ({ evals: [{ name: 'tone', passed: i < passing }] }))
    }
  ])

const recordText = (sha: string, judgement = measured(9, 10), key = KEY): string =>
  encodeRecord(recordOf(judgement, { key, sha, at: '2026-11-20T10:00:00.000Z', scope: SCOPE })) ?? ''

function checkRun(sha: string, text: string | null, more: Record<string, unknown> = {}): void {
  scene().github.seed.checkRun(OWNER, REPO, {
    head_sha: sha,
    name: CHECK_NAME,
    status: 'completed',
    conclusion: 'success',
    output: { title: 'Avido test gate', summary: 'Report', ...(text === null ? {} : { text }) },
    ...more
  })
}

const routes = () => scene().github.requests.map(r => r.route)

describe('findBaseline: none', () => {
  it('asks neither GitHub nor Avido anything', async () => {
    const [base] = chain(3)
    checkRun(base, recordText(base))
    const h = make('none', { baseSha: base })
    expect(await findBaseline(h.deps, scopeOf(h))).toEqual({})
    expect(scene().github.requests).toHaveLength(0)
    expect(scene().avido.requests).toHaveLength(0)
  })
})

describe('findBaseline: base-commit', () => {
  it('reads the record on the base commit with exactly one request', async () => {
    const [base] = chain(5)
    const judgement = measured(9, 10)
    checkRun(base, recordText(base, judgement))
    const h = make('base-commit', { baseSha: base })
    const { baseline, problem } = await findBaseline(h.deps, scopeOf(h))
    expect(problem).toBeUndefined()
    expect(baseline).toMatchObject({
      source: 'base-commit',
      sha: base,
      overall: judgement.sums,
      scope: SCOPE
    })
    expect(routes()).toEqual([LIST_CHECK_RUNS])
    expect(scene().github.requests[0].params).toMatchObject({ ref: base })
    expect(scene().github.requests[0].query).toMatchObject({ check_name: CHECK_NAME, status: 'completed' })
    expect(h.lines.some(line => line.includes('(the base commit)'))).toBe(true)
    expect(scene().avido.requests).toHaveLength(0)
  })

  it('walks back 3 commits for 1 + 1 + 3 requests', async () => {
    const history = chain(10)
    checkRun(history[3], recordText(history[3]))
    checkRun(history[5], recordText(history[5], measured(1, 10)))
    const h = make('base-commit', { baseSha: history[0] })
    const { baseline } = await findBaseline(h.deps, scopeOf(h))
    expect(baseline).toMatchObject({ source: 'base-commit', sha: history[3] })
    expect(routes()).toEqual([
      LIST_CHECK_RUNS,
      LIST_COMMITS,
      LIST_CHECK_RUNS,
      LIST_CHECK_RUNS,
      LIST_CHECK_RUNS
    ])
    expect(
      scene()
        .github.requests.filter(r => r.route === LIST_CHECK_RUNS)
        .map(r => r.params.ref)
    ).toEqual(history.slice(0, 4))
    expect(h.lines.some(line => line.includes('3 commit(s) before the base commit'))).toBe(true)
  })

  it('gives up after the base and the 19 commits before it, at most 1 + 20 requests, and says so', async () => {
    const history = chain(30)
    checkRun(history[MAX_BASE_COMMITS], recordText(history[MAX_BASE_COMMITS]))
    const h = make('base-commit', { baseSha: history[0] })
    expect(await findBaseline(h.deps, scopeOf(h))).toEqual({ baseline: undefined })
    expect(scene().github.requests.length).toBeLessThanOrEqual(1 + 20)
    expect(scene().github.requests.filter(r => r.route === LIST_COMMITS)).toHaveLength(1)
    expect(scene().github.requests.filter(r => r.route === LIST_CHECK_RUNS)).toHaveLength(MAX_BASE_COMMITS)
    expect(h.lines).toContain(
      `No recorded result of this gate on the base commit ${history[0].slice(0, 7)} or the 19 commits before it.`
    )
    expect(scene().avido.requests).toHaveLength(0)
  })

  it('passes over check runs in progress, of another key, with garbage, without a record or of another name', async () => {
    const history = chain(4)
    const [base, parent] = history
    checkRun(base, recordText(base), { status: 'in_progress', conclusion: undefined })
    checkRun(base, recordText(base, measured(9, 10), 'other workflow/gate'))
    checkRun(base, '<!-- avido-test-gate-record {"v":1,"key":"AI quality/gate","sha":"zz"} -->')
    checkRun(base, '<!-- avido-test-gate-record not json at all -->')
    checkRun(base, null)
    checkRun(base, 'A report without a record.')
    scene().github.seed.checkRun(OWNER, REPO, {
      head_sha: base,
      name: 'lint',
      status: 'completed',
      conclusion: 'success',
      output: { title: 't', summary: 's', text: recordText(base) }
    })
    const judgement = measured(7, 10)
    checkRun(parent, recordText(parent, judgement))
    const h = make('base-commit', { baseSha: base })
    const { baseline, problem } = await findBaseline(h.deps, scopeOf(h))
    expect(problem).toBeUndefined()
    expect(baseline).toMatchObject({ sha: parent, overall: judgement.sums })
    expect(routes()).toEqual([LIST_CHECK_RUNS, LIST_COMMITS, LIST_CHECK_RUNS])
  })

  it('turns a GitHub 500 during the lookup into one problem sentence, without throwing', async () => {
    const [base] = chain(3)
    scene().github.inject(
      LIST_COMMITS,
      { status: 500, headers: { 'retry-after-ms': '1' }, body: { message: 'Server Error' } },
      { times: Infinity }
    )
    const h = make('base-commit', { baseSha: base })
    const result = await findBaseline(h.deps, scopeOf(h))
    expect(result.baseline).toBeUndefined()
    expect(result.problem).toMatch(
      /^Could not read the baseline to compare with \(.+\); the run is judged without one\.$/
    )
    expect(result.problem).not.toContain('\n')
    expect(scene().github.requests.filter(r => r.route === LIST_COMMITS).length).toBeGreaterThanOrEqual(1)
  })
})

describe('findBaseline: scheduled', () => {
  const seedTasks = (n: number) => Array.from({ length: n }, () => scene().avido.seed.task().id)

  it('uses the newest settled run of each task before the window, no older than baseline-max-age', async () => {
    const [refunds, billing, old] = seedTasks(3)
    const run = (taskIds: string[], createdAt: number, passRate: number, settleAfterMs?: number) =>
      scene().avido.seed.scheduledRun({
        taskIds,
        createdAt,
        passRate,
        ...(settleAfterMs ? { settleAfterMs } : {})
      })
    run([refunds], START - 2 * DAY, 0)
    const newest = run([refunds], START - DAY, 100)
    const billingRun = scene().avido.seed.scheduledRun({
      taskIds: [billing],
      createdAt: START - 3 * DAY,
      runType: 'MONITORING',
      passRate: 50
    })
    run([old], START - 8 * DAY, 100) // older than the 7 days allowed
    run([refunds], WINDOW_START + 10 * 60_000, 0) // created after the window opened
    run([refunds], WINDOW_START - 60_000, 0, 10 * HOUR) // before the window, but not settled yet

    const h = make('scheduled')
    const { baseline, problem } = await findBaseline(h.deps, scopeOf(h))
    expect(problem).toBeUndefined()
    expect(baseline).toMatchObject({
      source: 'scheduled',
      measuredAt: new Date(START - DAY).toISOString(),
      runIds: [newest.id, billingRun.id].sort()
    })
    expect([...(baseline?.tasks.keys() ?? [])].sort()).toEqual([refunds, billing].sort())
    const refundsSums = baseline?.tasks.get(refunds)
    expect(refundsSums?.tests).toBe(1)
    expect(refundsSums?.passed).toBe(refundsSums?.evals)
    const billingSums = baseline?.tasks.get(billing)
    expect(billingSums?.passed).toBe((billingSums?.evals ?? 0) / 2)
    expect(baseline?.overall.tests).toBe(2)
    expect(scene().github.requests).toHaveLength(0)
    const query = scene().avido.requests.find(r => r.path === '/v0/tests')?.query
    expect(query).toMatchObject({
      startDate: [new Date(WINDOW_START - 7 * DAY).toISOString()],
      endDate: [new Date(WINDOW_START).toISOString()]
    })
  })

  it('honours a shorter baseline-max-age', async () => {
    const [refunds] = seedTasks(1)
    scene().avido.seed.scheduledRun({ taskIds: [refunds], createdAt: START - 2 * DAY })
    const h = make('scheduled', { inputs: { 'baseline-max-age': '1d' } })
    expect(await findBaseline(h.deps, scopeOf(h))).toEqual({ baseline: undefined })
    expect(h.lines).toContain('No settled scheduled or monitoring run of these tasks to compare with.')
  })

  it('turns an Avido 500 into one problem sentence, without throwing', async () => {
    const [refunds] = seedTasks(1)
    scene().avido.seed.scheduledRun({ taskIds: [refunds], createdAt: START - DAY })
    scene().avido.inject('GET /v0/tests', { kind: 'status', status: 500 }, { times: Infinity })
    const h = make('scheduled')
    const result = await findBaseline(h.deps, scopeOf(h))
    expect(result.baseline).toBeUndefined()
    expect(result.problem).toMatch(
      /^Could not read the baseline to compare with \(.+\); the run is judged without one\.$/
    )
    expect(result.problem).not.toContain('\n')
  })
})

describe('findBaseline: auto', () => {
  it('falls back to the scheduled runs when no commit holds a record', async () => {
    const history = chain(3)
    const [refunds] = [scene().avido.seed.task().id]
    const scheduled = scene().avido.seed.scheduledRun({ taskIds: [refunds], createdAt: START - DAY })
    const h = make('auto', { baseSha: history[0] })
    const { baseline } = await findBaseline(h.deps, scopeOf(h))
    expect(baseline).toMatchObject({ source: 'scheduled', runIds: [scheduled.id] })
    expect(routes()).toEqual([LIST_CHECK_RUNS, LIST_COMMITS, LIST_CHECK_RUNS, LIST_CHECK_RUNS])
  })

  it('uses the record when there is one, and asks Avido nothing', async () => {
    const [base] = chain(2)
    checkRun(base, recordText(base))
    scene().avido.seed.scheduledRun({ taskIds: [scene().avido.seed.task().id], createdAt: START - DAY })
    const h = make('auto', { baseSha: base })
    expect((await findBaseline(h.deps, scopeOf(h))).baseline).toMatchObject({
      source: 'base-commit',
      sha: base
    })
    expect(scene().avido.requests).toHaveLength(0)
  })

  it('falls back to the scheduled runs without a base commit', async () => {
    const scheduled = scene().avido.seed.scheduledRun({
      taskIds: [scene().avido.seed.task().id],
      createdAt: START - DAY
    })
    const h = make('auto')
    expect((await findBaseline(h.deps, scopeOf(h))).baseline).toMatchObject({ runIds: [scheduled.id] })
    expect(scene().github.requests).toHaveLength(0)
    expect(h.lines.some(line => line.startsWith('No base commit for this pull_request event'))).toBe(true)
  })
})
