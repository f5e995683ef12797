// Golden files for the rendered comment and summary. `UPDATE_GOLDEN=1 npm run jest -- report-golden` rewrites
// them; read the diff (and the files on GitHub) before committing.
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { HiddenData } from '../../src/render/hidden-data.js'
import { nextHiddenData } from '../../src/render/hidden-data.js'
import type { ReportInput } from '../../src/render/markdown.js'
import { COMMENT_MAX_LENGTH, SUMMARY_MAX_BYTES, renderReport } from '../../src/render/markdown.js'
import { compareWithBaseline, regressedVerdict, type Baseline } from '../../src/judge/baseline.js'
import { verdictOf } from '../../src/judge/verdict.js'
import { baselineView } from '../../src/render/baseline-view.js'
import type { EvalSpec, TaskSpec } from './report-fixtures.js'
import { GENERATED_AT, KEY, SHA, makeJudgement, reportInput, uuid } from './report-fixtures.js'

const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url))

const pass = (name: string, type = 'CUSTOM'): EvalSpec => ({ name, type, passed: true })
/** Passing evals named for their type (`Check 1`, `Naturalness 1`), one definition per name. */
const passes = (n: number, type = 'CUSTOM') =>
  Array.from({ length: n }, (_, i) =>
    pass(`${type === 'CUSTOM' ? 'Check' : type[0] + type.slice(1).toLowerCase()} ${i + 1}`, type)
  )

const tone: EvalSpec = {
  name: 'Tone of voice',
  type: 'STYLE',
  passed: false,
  score: 2,
  explanation: 'The reply is curt and skips the apology the style guide asks for when an order is late.'
}
const orderId: EvalSpec = {
  name: 'Order id extracted',
  type: 'OUTPUT_MATCH',
  passed: false,
  score: 0,
  explanation: 'Extracted value differs · expected "A-1042", got "1042"'
}
const grounding: EvalSpec = {
  name: 'Grounded in the help centre',
  type: 'RECALL',
  passed: false,
  score: 0.48,
  explanation: 'Faithfulness 0.42 · AnswerRelevancy 0.91 · ContextPrecision 0.35 · ContextRelevancy 0.25'
}
const facts: EvalSpec = {
  name: 'Refund facts',
  type: 'FACT',
  passed: false,
  score: 0.5,
  explanation: 'F1 0.5 · 2 missed (FN), 1 unsupported (FP)'
}

function history(...rates: number[]): HiddenData['history'] {
  return rates.map((passRate, i) => ({
    sha: `${i + 1}`.repeat(40).slice(0, 40),
    runId: 8990 + i,
    attempt: 1,
    passRate,
    result: passRate > 75 ? 'success' : passRate > 50 ? 'warning' : 'error',
    at: `2026-11-2${i}T10:00:00.000Z`
  }))
}

function scenario(
  tasks: TaskSpec[],
  extra: Partial<ReportInput> & { previousHistory?: number[]; previousBadges?: string[] } = {}
): ReportInput {
  const { previousHistory, previousBadges, ...rest } = extra
  const judgement = makeJudgement(tasks)
  const key = rest.commentKey ?? KEY
  const previous: HiddenData | undefined = previousHistory
    ? {
        v: 1,
        key,
        lastPassRate: previousHistory[previousHistory.length - 1],
        lastResult: history(...previousHistory).at(-1)!.result,
        // previousBadges follow the order of `tasks` (the judge lists its breakdowns worst first).
        taskBadges: Object.fromEntries(
          judgement.tasks.map(t => [
            t.id,
            (previousBadges?.[tasks.findIndex((_, i) => uuid(1, i + 1) === t.id)] ?? t.badge) as
              'success' | 'warning' | 'error'
          ])
        ),
        history: history(...previousHistory)
      }
    : undefined
  const hiddenData = nextHiddenData(previous, judgement, {
    key,
    sha: SHA,
    runId: 9001,
    attempt: 1,
    issueId: rest.issue?.status === 'dry-run' ? undefined : rest.issue?.id,
    at: GENERATED_AT
  })
  return reportInput(judgement, { ...rest, previous, hiddenData })
}

/** A run compared with the record of its base commit, made by the real judge and comparison. */
function compared(head: TaskSpec[], base: TaskSpec[], maxRegression?: number): ReportInput {
  const input = scenario(head)
  const before = makeJudgement(base)
  const baseline: Baseline = {
    source: 'base-commit',
    sha: 'b'.repeat(40),
    measuredAt: '2026-11-22T08:30:00.000Z',
    scope: { taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] },
    overall: before.sums,
    tasks: new Map(before.tasks.map(t => [t.id, t.sums])),
    evalDefinitions: new Map(before.evalDefinitions.map(d => [d.id, d.sums]))
  }
  const result = compareWithBaseline(input.judgement, baseline, {
    scope: baseline.scope as NonNullable<Baseline['scope']>,
    maxRegression
  })
  // As the gate decides it: a significant drop past max-regression fails the gate whatever the rate.
  const regressed =
    result.failsGate && maxRegression !== undefined
      ? {
          verdict: regressedVerdict(
            verdictOf(input.judgement),
            result,
            maxRegression,
            'the base commit bbbbbbb'
          )
        }
      : {}
  return {
    ...input,
    ...regressed,
    baseline: baselineView(result, input.judgement, {
      serverUrl: 'https://github.com',
      owner: 'acme',
      repo: 'support-bot'
    })
  }
}

/** `n` tests of a task, each with the given evals. */
const tests = (n: number, evals: EvalSpec[]) => Array.from({ length: n }, () => ({ evals }))

const scenarios: Record<string, ReportInput> = {
  // Refunds fell from 10/10 tests passing to 3/10: a significant drop; greetings moved within noise; a new task.
  'baseline-regression': compared(
    [
      { title: 'Refund request', tests: [...tests(3, passes(3)), ...tests(7, [...passes(1), tone, facts])] },
      {
        title: 'Greeting',
        tests: [
          ...tests(5, passes(2, 'NATURALNESS')),
          ...tests(1, [
            pass('Naturalness 1', 'NATURALNESS'),
            { ...tone, type: 'NATURALNESS', name: 'Naturalness 2' }
          ])
        ]
      },
      { title: 'Order status', tests: tests(4, [...passes(2), orderId]) },
      { title: 'Escalate to a human', tests: tests(3, passes(3)) }
    ],
    [
      { title: 'Refund request', tests: tests(10, passes(3)) },
      { title: 'Greeting', tests: tests(6, passes(2, 'NATURALNESS')) },
      { title: 'Order status', tests: tests(4, [...passes(2), orderId]) }
    ],
    5
  ),

  // 33/40 evals: a first run that passes, with a few failures to look at.
  success: scenario([
    {
      title: 'Refund request',
      tests: [{ evals: [...passes(8), tone] }, { evals: [...passes(3), grounding] }]
    },
    { title: 'Order status', tests: [{ evals: [...passes(6), orderId, grounding] }] },
    { title: 'Greeting', tests: [{ evals: passes(5, 'NATURALNESS') }, { evals: passes(5, 'NATURALNESS') }] },
    {
      title: 'Escalate to a human',
      tests: [{ evals: [...passes(6), facts, { ...tone, name: 'Empathy' }, orderId] }]
    }
  ]),

  // 25/40: down from 82.5 %, two tasks changed badge; a matrix key shown in the heading.
  'warning-changes': scenario(
    [
      {
        title: 'Refund request',
        tests: [
          { evals: [...passes(5), tone, facts, grounding] },
          { evals: [...passes(2), orderId, tone, grounding] }
        ]
      },
      { title: 'Order status', tests: [{ evals: [...passes(5), orderId, grounding, tone, facts] }] },
      { title: 'Greeting', tests: [{ evals: passes(6, 'NATURALNESS') }] },
      {
        title: 'Escalate to a human',
        tests: [{ evals: [...passes(7), facts, tone, { ...tone, name: 'Empathy' }, orderId, grounding] }]
      }
    ],
    {
      commentKey: 'CI/avido-gate/gpt-4o',
      previousHistory: [70, 77.5, 82.5],
      previousBadges: ['success', 'success', 'success', 'warning']
    }
  ),

  // 8/20: error, an Avido issue filed; Avido's text tries mentions, references and HTML.
  'error-issue': scenario(
    [
      {
        title: 'Refund request | <b>urgent</b> @support-team',
        tests: [
          {
            evals: [
              pass('Policy'),
              {
                ...tone,
                explanation:
                  'Mentions @octocat and #12, links to [a prize](https://evil.example) and ends with </details><img src=x onerror=alert(1)>'
              },
              facts,
              grounding
            ]
          },
          { status: 'FAILED', evals: [pass('Policy'), tone] }
        ]
      },
      {
        title: 'Order status',
        tests: [{ evals: [...passes(3), orderId, { ...orderId, name: 'Carrier extracted' }] }]
      },
      {
        title: 'Greeting',
        tests: [
          { evals: [...passes(4, 'NATURALNESS'), { ...tone, name: 'Warmth', type: 'NATURALNESS' }, facts] }
        ]
      },
      { title: 'Escalate to a human', tests: [{ evals: [facts, grounding, { ...tone, name: 'Empathy' }] }] }
    ],
    {
      issue: { id: 'e1c2f3a4-0000-4000-8000-000000000042', status: 'filed' },
      previousHistory: [62.5],
      previousBadges: ['warning', 'warning', 'success', 'success']
    }
  ),

  // Timed out with 3 tests still running; the settled ones are shown.
  'timeout-pending': scenario(
    [
      {
        title: 'Refund request',
        tests: [{ evals: [...passes(4), tone] }, { status: 'IN_PROGRESS', evals: [] }]
      },
      { title: 'Order status', tests: [{ evals: passes(5) }, { status: 'PENDING', evals: [] }] },
      { title: 'Greeting', tests: [{ status: 'PENDING', evals: [] }] }
    ],
    { timedOut: { pendingTests: 3 }, previousHistory: [80, 90] }
  ),

  // No test matched (min-tests 0) on a scheduled run without a pull request, in dry-run mode.
  none: scenario([], {
    prNumber: undefined,
    dryRun: true,
    links: {
      runUrl: 'https://github.com/acme/support-bot/actions/runs/9001',
      commitUrl: `https://github.com/acme/support-bot/commit/${SHA}`
    }
  })
}

describe('golden reports', () => {
  for (const [name, input] of Object.entries(scenarios)) {
    for (const target of ['comment', 'summary'] as const) {
      it(`${name} ${target}`, () => {
        const maxLength = target === 'comment' ? COMMENT_MAX_LENGTH : SUMMARY_MAX_BYTES
        const body = renderReport(input, { maxLength, target })
        const file = `${GOLDEN_DIR}${name}.${target}.md`
        if (process.env.UPDATE_GOLDEN === '1') {
          mkdirSync(GOLDEN_DIR, { recursive: true })
          writeFileSync(file, body)
        }
        expect(existsSync(file)).toBe(true)
        expect(body).toBe(readFileSync(file, 'utf8'))
      })
    }
  }
})
