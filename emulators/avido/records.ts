import type {
  Annotation,
  HumanAnnotation,
  Issue,
  PassRateStatus,
  RunType,
  TestStatus
} from '../../src/avido/schemas.js'
import type { Scenario } from './scenarios.js'

export type EvalType = 'NATURALNESS' | 'STYLE' | 'RECALL' | 'CUSTOM' | 'FACT' | 'OUTPUT_MATCH'
export type FinalStatus = Extract<TestStatus, 'COMPLETED' | 'FAILED'>

/** "Never" on a timeline: a test that never starts or never settles. */
export const NEVER = Number.POSITIVE_INFINITY

export interface EvalDefinitionRecord {
  id: string
  name: string
  type: EvalType
  createdAt: number
  globalConfig?: Record<string, unknown>
  styleGuideId?: string | null
}

export interface TagRecord {
  id: string
  name: string
  color: string
}

export interface TaskRecord {
  id: string
  title: string
  description: string
  createdAt: number
  type: 'NORMAL' | 'STATIC'
  topicId: string | null
  metadata: Record<string, unknown> | null
  /** Tests one trigger of this task creates. */
  testsPerRun: number
  /** Target pass rate (percent) of triggered runs; when unset the scenario decides. */
  passRate?: number
  scenario?: Scenario
  definitions: EvalDefinitionRecord[]
  tags: TagRecord[]
  /** Key into the scripted texts of eval results (content.ts); generic texts otherwise. */
  contentKey?: string
}

export interface RunRecord {
  id: string
  type: RunType
  experimentVariantId: string | null
  createdAt: number
  tests: TestRecord[]
}

/** Score and results of an eval; produced on first serialisation so seeding thousands of tests stays cheap. */
export interface EvalOutcome {
  score: number | null
  results: Record<string, unknown> | null
}

export interface EvalRecord {
  id: string
  definition: EvalDefinitionRecord
  status: FinalStatus
  passed: boolean | null
  contentSeed: number
  outcome?: EvalOutcome
  /** Seeded overrides applied on top of the generated outcome. */
  override?: Partial<EvalOutcome>
}

export interface TestRecord {
  seq: number
  id: string
  task: TaskRecord
  run: RunRecord
  traceId: string | null
  createdAt: number
  startedAt: number
  settledAt: number
  finalStatus: FinalStatus
  evals: EvalRecord[]
  /** Counts of the settled result (null when the test settles without a result). */
  counts: { passed: number; failed: number; total: number; passRate: number } | null
  bucket: PassRateStatus | null
}

export type StoredIssue = Issue & Record<string, unknown>
export type StoredAnnotation = Annotation & Record<string, unknown>
export type StoredHumanAnnotation = HumanAnnotation & Record<string, unknown>

export interface TriggerRecord {
  taskIds: string[]
  at: string
}
