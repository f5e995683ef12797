import { beforeEach, describe, expect, it } from '@jest/globals'
import { AvidoApiError } from '../../src/avido/errors.js'
import { verdictOf } from '../../src/judge/verdict.js'
import { fileOrFindIssue, reportIssue, type IssueApi, type IssueRequest } from '../../src/pipeline/issue.js'
import type { Judged } from '../../src/pipeline/judging.js'
import { issueDescription, issueKey } from '../../src/render/issue-text.js'
import { makeJudgement } from '../unit/report-fixtures.js'
import { useFrozenScene, wholeSecondNow, type Harness } from './harness.js'

const START = wholeSecondNow()
const failing = makeJudgement([
  {
    title: 'Refunds',
    tests: [{ evals: [{ name: 'Fact', passed: false }] }, { evals: [{ name: 'Fact', passed: false }] }]
  }
])
const subject = { owner: 'acme', repo: 'support-bot', prNumber: 7, runId: 9001, sha: 'a'.repeat(40) }
const KEY = issueKey(subject)

const { scene, make } = useFrozenScene(START)
let harness: Harness
beforeEach(() => {
  harness = make({ inputs: { 'create-issue': 'true' } })
})

const request = (extra: Partial<IssueRequest> = {}): IssueRequest => ({
  judgement: failing,
  subject,
  links: { commitUrl: 'https://github.example/acme/support-bot/commit/a' },
  priority: 'HIGH',
  dryRun: false,
  ...extra
})
const creates = () => scene().avido.requests.filter(r => r.method === 'POST' && r.path === '/v0/issues')
const judged: Judged = { judgement: failing, verdict: verdictOf(failing, undefined), outcome: 'failed' }

describe('fileOrFindIssue', () => {
  it('files once, then finds its own issue instead of filing again', async () => {
    const first = await fileOrFindIssue(harness.deps.avido, request())
    expect(first).toMatchObject({ status: 'filed', key: KEY })
    const second = await fileOrFindIssue(harness.deps.avido, request())
    expect(second).toEqual({ status: 'existing', id: first.status === 'filed' ? first.id : '', key: KEY })
    expect(creates()).toHaveLength(1)
    expect(scene().avido.issues).toHaveLength(1)
  })

  it('finds an open issue with its key on the second page', async () => {
    const keyed = scene().avido.seed.issue({
      title: 'Earlier gate issue',
      source: 'TEST',
      status: 'OPEN',
      description: issueDescription(failing, subject, { commitUrl: 'https://github.example/c' }),
      createdAt: START - 3_600_000
    })
    for (let n = 0; n < 120; n++) {
      scene().avido.seed.issue({
        title: `Other ${n}`,
        source: 'TEST',
        status: 'OPEN',
        createdAt: START - n * 1_000
      })
    }
    const outcome = await fileOrFindIssue(harness.deps.avido, request())
    expect(outcome).toEqual({ status: 'existing', id: keyed.id, key: KEY })
    const searches = scene().avido.requests.filter(r => r.method === 'GET' && r.path === '/v0/issues')
    expect(searches.map(r => r.query['skip']?.[0])).toEqual(['0', '100'])
    expect(creates()).toHaveLength(0)
  })

  it('files nothing on a dry run', async () => {
    expect(await fileOrFindIssue(harness.deps.avido, request({ dryRun: true }))).toEqual({
      status: 'dry-run',
      key: KEY
    })
    expect(creates()).toHaveLength(0)
  })

  it('finds a create that answered 500 but landed, instead of filing twice', async () => {
    const avido = harness.deps.avido
    const landedThen500: IssueApi = {
      listIssues: params => avido.listIssues(params),
      createIssue: async body => {
        await avido.createIssue(body)
        throw new AvidoApiError({
          method: 'POST',
          path: '/v0/issues',
          kind: 'http',
          status: 500,
          detail: 'answered 500'
        })
      }
    }
    const outcome = await fileOrFindIssue(landedThen500, request())
    expect(outcome).toEqual({ status: 'filed', id: scene().avido.issues[0]?.id, key: KEY })
    expect(creates()).toHaveLength(1)
    expect(scene().avido.issues).toHaveLength(1)
  })
})

describe('reportIssue', () => {
  it('warns and gives no issue when the create keeps failing; it never throws', async () => {
    scene().avido.inject('POST /v0/issues', { kind: 'status', status: 500 }, { times: 100 })
    const report = await reportIssue(harness.deps, judged, { number: 7 })
    expect(report).toBeUndefined()
    expect(creates()).toHaveLength(1)
    expect(harness.warnings()).toEqual([
      expect.stringMatching(
        /^warning: Could not file the Avido issue .*500.* The verdict and the report stand\.$/
      )
    ])
  })

  it('reports the issue filed, and an empty id on a dry run', async () => {
    expect(await reportIssue(harness.deps, judged, { number: 7 })).toEqual({
      id: scene().avido.issues[0]?.id,
      status: 'filed'
    })
    scene().avido.reset()
    const dry = make({ inputs: { 'create-issue': 'true', 'dry-run': 'true' } })
    expect(await reportIssue(dry.deps, judged, { number: 7 })).toEqual({ id: '', status: 'dry-run' })
    expect(creates()).toHaveLength(0)
  })
})
