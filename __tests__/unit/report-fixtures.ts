// Small Judgement fixtures for the report tests. The aggregation follows SPEC §5 (micro-average, errored tests
// count as max(1, evals) failed evals, badges on the unrounded rate) so the fixtures look like real runs; the
// real judge lives in src/gate and is tested there.
import type { TestStatus } from '../../src/avido/schemas.js'
import type {
  Badge,
  Breakdown,
  EvalOutcome,
  FailOn,
  JudgedTest,
  Judgement,
  Result,
  Thresholds
} from '../../src/judge/types.js'
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

export function badgeOf(rate: number, t: Thresholds): Badge {
  return rate > t.warning ? 'success' : rate > t.error ? 'warning' : 'error'
}

function aggregate(
  id: string,
  name: string,
  passed: number,
  total: number,
  tests: number,
  t: Thresholds,
  type?: string
): Breakdown {
  const passRate = total ? (passed / total) * 100 : 0
  return {
    id,
    name,
    ...(type ? { type } : {}),
    passed,
    failed: total - passed,
    total,
    tests,
    passRate,
    badge: badgeOf(passRate, t)
  }
}

export function makeJudgement(taskSpecs: TaskSpec[], opts: JudgementOptions = {}): Judgement {
  const thresholds: Thresholds = { warning: opts.warning ?? 75, error: opts.error ?? 50 }
  const failOn: FailOn = opts.failOn ?? 'error'
  const judgedTests: JudgedTest[] = []
  const tasks: Breakdown[] = []
  const defs = new Map<string, { type: string; passed: number; total: number; tests: Set<string> }>()
  let testNo = 0
  taskSpecs.forEach((task, taskIndex) => {
    const taskId = task.id ?? uuid(1, taskIndex + 1)
    let taskPassed = 0
    let taskTotal = 0
    let taskTests = 0
    for (const spec of task.tests) {
      testNo++
      const id = uuid(2, testNo)
      const status = spec.status ?? 'COMPLETED'
      const pending = status === 'PENDING' || status === 'IN_PROGRESS'
      const errored = status === 'FAILED'
      const evals: EvalOutcome[] = spec.evals.map((e, k) => ({
        id: uuid(3, testNo * 100 + k),
        definitionId: uuid(4, e.name.length * 1000 + (e.name.charCodeAt(0) || 0)),
        name: e.name,
        type: e.type ?? 'CUSTOM',
        status: e.status ?? (pending ? status : 'COMPLETED'),
        score: e.score === undefined ? (e.passed ? 1 : 0) : e.score,
        passed: e.passed,
        explanation: e.explanation ?? ''
      }))
      const passed = errored ? 0 : evals.filter(e => e.passed).length
      const total = errored ? Math.max(1, evals.length) : evals.length
      const passRate = total && !errored ? (passed / total) * 100 : 0
      judgedTests.push({
        id,
        taskId,
        taskTitle: task.title,
        runId: uuid(5, 1),
        status,
        createdAt: `2026-11-23T19:${String(10 + (Math.floor(testNo / 60) % 50)).padStart(2, '0')}:${String(testNo % 60).padStart(2, '0')}.000Z`,
        passed,
        total,
        passRate,
        badge: badgeOf(passRate, thresholds),
        errored,
        pending,
        evals
      })
      if (pending) continue
      taskTests++
      taskPassed += passed
      taskTotal += total
      for (const e of evals) {
        const d = defs.get(e.name) ?? { type: e.type, passed: 0, total: 0, tests: new Set<string>() }
        d.total++
        if (e.passed && !errored) d.passed++
        d.tests.add(id)
        defs.set(e.name, d)
      }
    }
    tasks.push(aggregate(taskId, task.title, taskPassed, taskTotal, taskTests, thresholds))
  })
  const settled = judgedTests.filter(t => !t.pending)
  const passed = settled.reduce((s, t) => s + t.passed, 0)
  const total = settled.reduce((s, t) => s + t.total, 0)
  const passRate = total ? (passed / total) * 100 : 0
  const result: Result = judgedTests.length === 0 ? 'none' : badgeOf(passRate, thresholds)
  const worstTest = [...settled].sort((a, b) => a.passRate - b.passRate)[0]
  return {
    result,
    passRate,
    passed,
    failed: total - passed,
    total,
    tests: judgedTests.length,
    erroredTests: judgedTests.filter(t => t.errored).length,
    pendingTests: judgedTests.filter(t => t.pending).length,
    tasks,
    evalDefinitions: [...defs.entries()].map(([name, d], i) =>
      aggregate(uuid(4, i + 1), name, d.passed, d.total, d.tests.size, thresholds, d.type)
    ),
    judgedTests,
    worstTest,
    thresholds,
    failOn,
    failsQuality:
      result === 'error' ? failOn !== 'never' : result === 'warning' ? failOn === 'warning' : false
  }
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

/** A run of `tests` tests, spread over `tasks` tasks, each with `evalsPerTest` evals and long analyses. */
export function bigJudgement(
  tests: number,
  tasks: number,
  evalsPerTest: number,
  analysisLength: number
): Judgement {
  const analysis = 'The answer ignores the refund policy and invents a fee. '
    .repeat(Math.ceil(analysisLength / 56))
    .slice(0, analysisLength)
  const specs: TaskSpec[] = Array.from({ length: tasks }, (_, i) => ({ title: `Task ${i + 1}`, tests: [] }))
  for (let n = 0; n < tests; n++) {
    specs[n % tasks].tests.push({
      evals: Array.from({ length: evalsPerTest }, (_, k) => ({
        name: `Eval ${k + 1}`,
        type: 'STYLE',
        // even tasks pass everything, odd ones a third of their evals
        passed: (n % tasks) % 2 === 0 || (n + k) % 3 === 0,
        score: ((n + k) % 5) / 5,
        explanation: analysis
      }))
    })
  }
  return makeJudgement(specs)
}
