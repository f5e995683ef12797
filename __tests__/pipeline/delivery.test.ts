import { describe, expect, it } from '@jest/globals'
import { PR_NUMBER, OWNER, REPO } from '../../emulators/scene.js'
import { buildScope } from '../../src/judge/scope.js'
import { verdictOf } from '../../src/judge/verdict.js'
import { deliver } from '../../src/pipeline/delivery.js'
import type { Judged } from '../../src/pipeline/judging.js'
import type { PullRequest } from '../../src/pipeline/pull-request.js'
import { renderRun } from '../../src/pipeline/rendering.js'
import { StatusCheck } from '../../src/pipeline/status-check.js'
import { makeJudgement } from '../unit/report-fixtures.js'
import { useFrozenScene, wholeSecondNow, type HarnessOptions } from './harness.js'

const START = wholeSecondNow()
const passing = makeJudgement([{ title: 'Refunds', tests: [{ evals: [{ name: 'Fact', passed: true }] }] }])
const judged: Judged = { judgement: passing, verdict: verdictOf(passing, undefined), outcome: 'passed' }
const scope = buildScope(
  { runIds: [], taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] },
  { start: new Date(START - 60_000).toISOString(), source: 'since' }
)

const { scene, make } = useFrozenScene(START)

async function deliverWith(options: HarnessOptions, pr: PullRequest) {
  const harness = make({ ...options, inputs: { 'status-check': 'status', ...options.inputs } })
  const check = new StatusCheck(harness.deps)
  await check.open()
  scene().github.requests.length = 0
  const rendered = renderRun(harness.deps, judged, pr, undefined, scope)
  const delivered = await deliver(harness.deps, rendered, judged, pr, check)
  return { delivered, lines: harness.lines }
}
const commentWrites = () =>
  scene().github.requests.filter(r => r.method !== 'GET' && (r.route ?? '').includes('comments'))
const statusWrites = () => scene().github.requests.filter(r => (r.route ?? '').includes('/statuses/'))

describe('deliver', () => {
  it('posts the comment and closes the status check', async () => {
    const before = scene().github.comments(OWNER, REPO, PR_NUMBER).length
    const { delivered } = await deliverWith({}, { number: PR_NUMBER })
    expect(delivered.comment?.url).toMatch(/#issuecomment-/)
    expect(scene().github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(before + 1)
    expect(statusWrites()).toHaveLength(1)
  })

  it('writes nothing on a dry run', async () => {
    const { delivered, lines } = await deliverWith({ inputs: { 'dry-run': 'true' } }, { number: PR_NUMBER })
    expect(delivered.comment).toBeUndefined()
    expect(scene().github.requests.filter(r => r.method !== 'GET')).toEqual([])
    expect(lines).toContain('Dry run: no comment or status check written.')
  })

  it('says the report is in the job summary when there is no pull request', async () => {
    const { delivered, lines } = await deliverWith({}, {})
    expect(delivered.comment).toBeUndefined()
    expect(commentWrites()).toEqual([])
    expect(statusWrites()).toHaveLength(1)
    expect(lines).toContain('No pull request for this event: the report is in the job summary.')
  })

  it('leaves the pull request alone under `comment: failure` when the run passed', async () => {
    const { delivered, lines } = await deliverWith({ inputs: { comment: 'failure' } }, { number: PR_NUMBER })
    expect(delivered.comment).toBeUndefined()
    expect(commentWrites()).toEqual([])
    expect(lines).toContain('Comment: left as it is (comment: failure).')
    expect(statusWrites()).toHaveLength(1)
  })

  it("writes no comment when the pull request's comments could not be read", async () => {
    const { delivered, lines } = await deliverWith({}, { number: PR_NUMBER, commentsUnreadable: true })
    expect(delivered.comment).toBeUndefined()
    expect(commentWrites()).toEqual([])
    expect(lines.some(line => line.includes('could not be read'))).toBe(true)
    expect(statusWrites()).toHaveLength(1)
  })
})
