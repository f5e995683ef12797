// Judgements for the report tests, made by the real judge (`judgeTest` and `summarizeRun`) from Avido tests
// described in a few lines: a task has tests, a test has evals (name, type, passed, score, explanation).
import type { Eval, Test, TestStatus } from '../../src/avido/schemas.js'
import { judgeTest, summarizeRun } from '../../src/judge/judge.js'
import type { FailOn, JudgedTest, Judgement, Thresholds } from '../../src/judge/types.js'
import type { HiddenData } from '../../src/render/hidden-data.js'
import type { ReportInput } from '../../src/render/markdown.js'

export interface EvalSpec {
  name: string
  type?: string
  passed: boolean
  score?: number | null
  explanation?: string
  status?: TestStatus
}

export interface TestSpec {
  evals: EvalSpec[]
  status?: TestStatus
}

export interface TaskSpec {
  title: string
  id?: string
  tests: TestSpec[]
}

export interface JudgementOptions {
  warning?: number
  error?: number
  failOn?: FailOn
}

export const uuid = (prefix: number, n: number) =>
  `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`

const createdAt = (n: number) =>
  `2026-11-23T19:${String(10 + (Math.floor(n / 60) % 50)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z`

/** The Avido tests the specs describe, and each eval's explanation by eval id. */
export function makeTests(taskSpecs: TaskSpec[]): { tests: Test[]; explanations: Map<string, string> } {
  // One definition per (type, name), numbered in order of first appearance.
  const definitions = new Map<string, Eval['definition']>()
  const definitionOf = (name: string, type: string) => {
    const key = `${type}\u0000${name}`
    let definition = definitions.get(key)
    if (!definition) {
      // The same name and type give the same id in every judgement, so two runs can be compared.
      const hash = [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000_007, 7)
      definition = { id: uuid(4, hash), name, type }
      definitions.set(key, definition)
    }
    return definition
  }
  const explanations = new Map<string, string>()
  const tests: Test[] = []
  taskSpecs.forEach((task, taskIndex) => {
    const taskId = task.id ?? uuid(1, taskIndex + 1)
    for (const spec of task.tests) {
      const n = tests.length + 1
      const status = spec.status ?? 'COMPLETED'
      const pending = status === 'PENDING' || status === 'IN_PROGRESS'
      const evals: Eval[] = spec.evals.map((e, k) => {
        const id = uuid(3, n * 100 + k)
        if (e.explanation) explanations.set(id, e.explanation)
        return {
          id,
          status: e.status ?? (pending ? status : 'COMPLETED'),
          definition: definitionOf(e.name, e.type ?? 'CUSTOM'),
          passed: e.passed,
          score: e.score === undefined ? (e.passed ? 1 : 0) : e.score
        }
      })
      const passed = evals.filter(e => e.passed).length
      tests.push({
        id: uuid(2, n),
        applicationId: 'app',
        createdAt: createdAt(n),
        modifiedAt: createdAt(n),
        status,
        evals,
        taskId,
        runId: uuid(5, 1),
        task: { id: taskId, title: task.title },
        result:
          status === 'COMPLETED' && evals.length
            ? {
                passed,
                failed: evals.length - passed,
                total: evals.length,
                passRate: (passed / evals.length) * 100
              }
            : null
      })
    }
  })
  return { tests, explanations }
}

/** The judgement, with the judged tests it was summed from (which it does not keep). */
export type FixtureJudgement = Judgement & { judgedTests: JudgedTest[] }

export function makeJudgement(taskSpecs: TaskSpec[], opts: JudgementOptions = {}): FixtureJudgement {
  const thresholds: Thresholds = { warning: opts.warning ?? 75, error: opts.error ?? 50 }
  const { tests, explanations } = makeTests(taskSpecs)
  const explain = (e: Eval) => explanations.get(e.id) ?? ''
  const judgedTests = tests.map(test => judgeTest(test, thresholds, explain))
  return { ...summarizeRun(judgedTests, { thresholds, failOn: opts.failOn ?? 'error' }), judgedTests }
}

export const KEY = 'CI/avido-gate'
export const SHA = '3f2c1a9b8e7d6c5b4a39281706f5e4d3c2b1a098'
export const GENERATED_AT = '2026-11-23T19:45:20.000Z'

export function reportInput(judgement: Judgement, extra: Partial<ReportInput> = {}): ReportInput {
  const hiddenData: HiddenData = extra.hiddenData ?? {
    v: 1,
    key: extra.commentKey ?? KEY,
    lastPassRate: judgement.passRate,
    lastResult: judgement.result,
    taskBadges: Object.fromEntries(judgement.tasks.map(t => [t.id, t.badge])),
    history: [
      {
        sha: SHA,
        runId: 9001,
        attempt: 1,
        passRate: judgement.passRate,
        result: judgement.result,
        at: GENERATED_AT
      }
    ]
  }
  return {
    judgement,
    commentKey: KEY,
    repo: { owner: 'acme', name: 'support-bot' },
    sha: SHA,
    prNumber: 7,
    links: {
      runUrl: 'https://github.com/acme/support-bot/actions/runs/9001',
      commitUrl: `https://github.com/acme/support-bot/commit/${SHA}`,
      prUrl: 'https://github.com/acme/support-bot/pull/7'
    },
    dryRun: false,
    generatedAt: GENERATED_AT,
    ...extra,
    hiddenData
  }
}

/**
 * A run of `tests` tests, spread over `tasks` tasks, each with `evalsPerTest` evals and long analyses that differ
 * from test to test (as a model's do, so grouping cannot fold them).
 */
export function bigJudgement(
  tests: number,
  tasks: number,
  evalsPerTest: number,
  analysisLength: number
): FixtureJudgement {
  const analysis = 'The answer ignores the refund policy and invents a fee. '.repeat(
    Math.ceil(analysisLength / 56)
  )
  const specs: TaskSpec[] = Array.from({ length: tasks }, (_, i) => ({ title: `Task ${i + 1}`, tests: [] }))
  for (let n = 0; n < tests; n++) {
    specs[n % tasks].tests.push({
      evals: Array.from({ length: evalsPerTest }, (_, k) => ({
        name: `Eval ${k + 1}`,
        type: 'STYLE',
        // even tasks pass everything, odd ones a third of their evals
        passed: (n % tasks) % 2 === 0 || (n + k) % 3 === 0,
        score: ((n + k) % 5) / 5,
        explanation: `Test ${n + 1}: ${analysis}`.slice(0, analysisLength)
      }))
    })
  }
  return makeJudgement(specs)
}
