import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { JsonReportScope } from '../../src/render/json-report.js'
import { buildJsonReport } from '../../src/render/json-report.js'
import { buildOutputs } from '../../src/render/outputs.js'
import { verdictOf } from '../../src/judge/verdict.js'
import { GENERATED_AT, SHA, bigJudgement, makeJudgement } from './report-fixtures.js'

const scope: JsonReportScope = {
  windowStart: '2026-11-23T19:00:00.000Z',
  windowSource: 'workflow-run',
  runIds: ['run-1'],
  taskIds: [],
  evalDefinitionIds: ['def-1'],
  experimentVariantIds: [],
  runTypes: ['MANUAL'],
  minTests: 1
}

const judgement = makeJudgement(
  [
    {
      title: 'Refunds',
      tests: [
        {
          evals: [
            { name: 'Tone', type: 'STYLE', passed: false, score: 2, explanation: 'Too curt.' },
            { name: 'Policy', type: 'CUSTOM', passed: true, score: 1 }
          ]
        }
      ]
    },
    { title: 'Greeting', tests: [{ evals: [{ name: 'Tone', type: 'STYLE', passed: true, score: 5 }] }] }
  ],
  { failOn: 'warning' }
)

describe('buildJsonReport', () => {
  it('holds scope, thresholds, verdict, counts, breakdowns and every test', () => {
    const report = buildJsonReport({
      judgement,
      tests: judgement.judgedTests,
      scope,
      generatedAt: GENERATED_AT,
      repository: { owner: 'acme', name: 'bot' },
      sha: SHA,
      prNumber: 7,
      runId: 9001,
      runAttempt: 2,
      runUrl: 'https://github.com/acme/bot/actions/runs/9001',
      issue: { id: 'iss-1', status: 'existing' }
    })
    expect(report).toMatchObject({
      schemaVersion: 2,
      generatedAt: GENERATED_AT,
      repository: 'acme/bot',
      sha: SHA,
      pullRequest: 7,
      workflowRun: { id: 9001, attempt: 2, url: 'https://github.com/acme/bot/actions/runs/9001' },
      dryRun: false,
      scope: {
        windowStart: '2026-11-23T19:00:00.000Z',
        windowSource: 'workflow-run',
        runIds: ['run-1'],
        filters: {
          taskIds: [],
          evalDefinitionIds: ['def-1'],
          experimentVariantIds: [],
          runTypes: ['MANUAL']
        },
        minTests: 1
      },
      thresholds: { warning: 75, error: 50, failOn: 'warning' },
      verdict: { result: 'warning', gate: 'fail', timedOut: false },
      counts: { passed: 2, failed: 1, total: 3, tests: 2, erroredTests: 0, pendingTests: 0, tasks: 2 },
      issue: { id: 'iss-1', status: 'existing' }
    })
    expect(report.verdict.reason).toBe(
      '66.7% is at or below the warning threshold of 75%, and fail-on is warning.'
    )
    expect(report.counts.passRate).toBeCloseTo(66.667, 2)
    expect(report.tasks.map(t => [t.name, t.passed, t.total, t.badge])).toEqual([
      ['Refunds', 1, 2, 'error'],
      ['Greeting', 1, 1, 'success']
    ])
    expect(report.evalDefinitions.map(d => [d.name, d.type, d.passed, d.total])).toEqual([
      ['Tone', 'STYLE', 1, 2],
      ['Policy', 'CUSTOM', 1, 1]
    ])
    expect(report.tests).toHaveLength(2)
    expect(report.tests[0]).toMatchObject({
      taskId: judgement.tasks[0].id,
      taskTitle: 'Refunds',
      runId: judgement.judgedTests[0].runId,
      status: 'COMPLETED',
      passRate: 50,
      badge: 'error',
      evals: [
        { name: 'Tone', type: 'STYLE', score: 2, passed: false, explanation: 'Too curt.' },
        { name: 'Policy', type: 'CUSTOM', score: 1, passed: true }
      ]
    })
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  it('records a timeout', () => {
    const report = buildJsonReport({
      judgement,
      scope,
      generatedAt: GENERATED_AT,
      timedOut: { pendingTests: 3 }
    })
    expect(report.verdict).toMatchObject({ gate: 'fail', timedOut: true, pendingTests: 3 })
    expect(report.verdict.reason).toMatch(/^Timed out waiting for Avido with 3 tests still pending\./)
  })

  it('serialises 10,000 tests quickly', () => {
    const big = bigJudgement(10_000, 500, 3, 200)
    const start = Date.now()
    const json = JSON.stringify(
      buildJsonReport({ judgement: big, tests: big.judgedTests, scope, generatedAt: GENERATED_AT })
    )
    expect(Date.now() - start).toBeLessThan(3_000)
    expect(JSON.parse(json).tests).toHaveLength(10_000)
  })
})

describe('verdictOf', () => {
  it.each([
    [[true, true, true, true], 'error', 'pass', '100.0% is above the warning threshold of 75%.'],
    [
      [true, true, true, false],
      'error',
      'pass',
      '75.0% is at or below the warning threshold of 75% but above the error threshold of 50%; fail-on is error.'
    ],
    [[true, false, false, false], 'error', 'fail', '25.0% is at or below the error threshold of 50%.'],
    [
      [true, false, false, false],
      'never',
      'pass',
      '25.0% is at or below the error threshold of 50%, but fail-on is never.'
    ]
  ] as const)('%j with fail-on %s', (passes, failOn, gate, reason) => {
    const j = makeJudgement(
      [{ title: 'T', tests: [{ evals: passes.map((passed, i) => ({ name: `e${i}`, passed })) }] }],
      { failOn }
    )
    expect(verdictOf(j)).toEqual({ result: j.result, gate, reason })
  })

  it('passes a timeout in judge mode and an empty run', () => {
    const j = makeJudgement([{ title: 'T', tests: [{ evals: [{ name: 'e', passed: true }] }] }])
    expect(verdictOf(j, { pendingTests: 2, onTimeout: 'judge' }).gate).toBe('pass')
    expect(verdictOf(j, { pendingTests: 2 }).gate).toBe('fail')
    expect(verdictOf(makeJudgement([]))).toEqual({
      result: 'none',
      gate: 'pass',
      reason: 'No tests matched, and min-tests 0 allows an empty run.'
    })
  })
})

describe('buildOutputs', () => {
  it('sets every output that action.yml declares', () => {
    const outputs = buildOutputs(judgement, {
      issueId: 'iss-1',
      commentId: 123,
      commentUrl: 'https://github.com/acme/bot/pull/7#issuecomment-123',
      reportPath: '/tmp/avido-test-gate/report.json',
      gate: 'fail'
    })
    expect(outputs).toEqual({
      result: 'warning',
      gate: 'fail',
      'pass-rate': '66.7',
      passed: '2',
      failed: '1',
      total: '3',
      tests: '2',
      'errored-tests': '0',
      'pending-tests': '0',
      'issue-id': 'iss-1',
      'comment-id': '123',
      'comment-url': 'https://github.com/acme/bot/pull/7#issuecomment-123',
      'report-path': '/tmp/avido-test-gate/report.json',
      'pass-rate-margin': outputs['pass-rate-margin'],
      baseline: '',
      'baseline-pass-rate': '',
      'pass-rate-change': '',
      'change-margin': '',
      regressed: 'false',
      'check-run-id': '',
      'check-run-url': ''
    })
    // Two tests of 2/2 and 0/1 passed: the margin is wide, and never shown past 100 points.
    expect(Number(outputs['pass-rate-margin'])).toBeGreaterThan(0)
    expect(Number(outputs['pass-rate-margin'])).toBeLessThanOrEqual(100)
    const actionYml = readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8')
    const declared = [
      ...actionYml
        .split(/^outputs:\s*$/m)[1]
        .split(/^runs:/m)[0]
        .matchAll(/^ {2}([a-z-]+):/gm)
    ].map(m => m[1])
    expect(Object.keys(outputs).sort()).toEqual(declared.sort())
  })

  it('leaves absent values empty and formats the rate with one decimal', () => {
    const outputs = buildOutputs(makeJudgement([]), { reportPath: 'r.json', gate: 'pass' })
    expect(outputs).toMatchObject({
      result: 'none',
      'pass-rate': '0.0',
      'issue-id': '',
      'comment-id': '',
      'comment-url': ''
    })
  })
})
