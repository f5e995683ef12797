import { z } from 'zod'

// Response schemas for the Avido API. Unknown fields pass (a response taken as it is keeps them; zod's parse
// strips them), so new fields on Avido's side never break the gate; required fields missing or mistyped do.
// The response schemas use plain shapes only, so that a response can be checked where it lies (in-place-check.ts).

export const TEST_STATUSES = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] as const
export const RUN_TYPES = ['MANUAL', 'SCHEDULED', 'EXPERIMENT', 'MONITORING'] as const
export const PASS_RATE_STATUSES = ['success', 'warning', 'error'] as const
export const EVAL_TYPES = ['NATURALNESS', 'STYLE', 'RECALL', 'CUSTOM', 'FACT', 'OUTPUT_MATCH'] as const
export const ISSUE_SOURCES = ['TEST', 'TASK', 'TOPIC', 'SYSTEM', 'MONITORING', 'API'] as const
export const ISSUE_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const
export const ISSUE_TYPES = ['BUG', 'HUMAN_ANNOTATION', 'SUGGESTED_TASK', 'USER_SIGNAL'] as const
export const ISSUE_STATUSES = ['OPEN', 'RESOLVED', 'REJECTED'] as const
export const HUMAN_ANNOTATION_SOURCES = ['REVIEW_QUEUE', 'TRACE_PAGE', 'TEST_PAGE'] as const

export const TestStatusSchema = z.enum(TEST_STATUSES)
export const RunTypeSchema = z.enum(RUN_TYPES)
export const PassRateStatusSchema = z.enum(PASS_RATE_STATUSES)
export const IssuePrioritySchema = z.enum(ISSUE_PRIORITIES)
export const IssueSourceSchema = z.enum(ISSUE_SOURCES)
export const IssueTypeSchema = z.enum(ISSUE_TYPES)
export const IssueStatusSchema = z.enum(ISSUE_STATUSES)

export type TestStatus = z.infer<typeof TestStatusSchema>
export type RunType = z.infer<typeof RunTypeSchema>
export type PassRateStatus = z.infer<typeof PassRateStatusSchema>
export type IssuePriority = z.infer<typeof IssuePrioritySchema>

// Legacy or future eval types must not stop the gate: the type is kept as a plain string.
//
// An eval and its definition carry more documented fields (orgId, createdAt, modifiedAt; the definition's
// createdAt, modifiedAt, globalConfig and styleGuideId). The gate reads none of them, so they are not
// required: they pass as unknown fields.
export const EvalDefinitionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string()
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// results differ per eval type; the report reads them defensively (report/explain.ts). They are checked to
// be an object and kept as sent, not copied key by key.
export const EvalResultsSchema = z.custom<Record<string, unknown>>(isRecord, { error: 'expected an object' })

export const EvalSchema = z.object({
  id: z.string(),
  status: TestStatusSchema,
  definition: EvalDefinitionSchema,
  passed: z.boolean().nullish(),
  score: z.number().nullish(),
  results: EvalResultsSchema.nullish()
})

export const TestResultSchema = z.object({
  passed: z.number(),
  failed: z.number(),
  total: z.number(),
  passRate: z.number(),
  averageScore: z.number().nullish()
})

export const TestSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  status: TestStatusSchema,
  evals: z.array(EvalSchema),
  taskId: z.string(),
  runId: z.string(),
  runType: RunTypeSchema.optional(),
  task: z.object({ id: z.string(), title: z.string(), topicId: z.string().nullish() }).optional(),
  result: TestResultSchema.nullish(),
  traceId: z.string().nullish()
})

// Avido's SDK types the pagination object and each of its fields as optional; some lists send
// `totalCount` instead of `total`. A count is only ever a hint: paging goes on while pages come back full.
export const PaginationSchema = z.object({
  skip: z.number().nullish(),
  limit: z.number().nullish(),
  total: z.number().nullish(),
  totalPages: z.number().nullish(),
  totalCount: z.number().nullish()
})

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), pagination: PaginationSchema.nullish() })

export const TestListResponseSchema = pageOf(TestSchema)
export const TestResponseSchema = z.object({ test: TestSchema })

export const RunResultSchema = z.object({
  passed: z.number(),
  failed: z.number(),
  total: z.number(),
  passRate: z.number(),
  averageScore: z.number().nullish(),
  evals: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        passed: z.number(),
        failed: z.number(),
        total: z.number(),
        passRate: z.number(),
        averageScore: z.number().nullish()
      })
    )
    .optional()
})

export const RunSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  type: RunTypeSchema,
  experimentVariantId: z.string().nullish(),
  result: RunResultSchema.nullish()
})
export const RunListResponseSchema = pageOf(RunSchema)
export const RunResponseSchema = z.object({ run: RunSchema })

export const IssueSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: IssueStatusSchema,
  source: IssueSourceSchema,
  priority: IssuePrioritySchema,
  type: IssueTypeSchema.optional(),
  orgId: z.string().optional(),
  applicationId: z.string().optional(),
  createdAt: z.string().optional(),
  modifiedAt: z.string().optional(),
  description: z.string().nullish(),
  summary: z.string().nullish(),
  taskId: z.string().nullish(),
  testId: z.string().nullish()
})
export const IssueResponseSchema = z.object({ data: IssueSchema })
export const IssueListResponseSchema = pageOf(IssueSchema)

export const AnnotationSchema = z.object({
  id: z.string(),
  orgId: z.string().optional(),
  title: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string().optional(),
  description: z.string().nullish(),
  traceStepId: z.string().nullish()
})
export const AnnotationResponseSchema = z.object({ data: AnnotationSchema })

// The documented task example carries legacy fields ("inputExamples": "<any>", "definitions"); only the
// identity fields are required.
export const TaskSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  title: z.string(),
  description: z.string(),
  type: z.string().optional(),
  status: z.string().optional(),
  passRate: z.number().nullish(),
  lastTest: z.string().nullish(),
  topicId: z.string().nullish()
})
export const TaskResponseSchema = z.object({ task: TaskSchema })

export const HumanAnnotationSchema = z.object({
  id: z.string(),
  orgId: z.string().optional(),
  applicationId: z.string().optional(),
  traceId: z.string(),
  verdict: z.boolean(),
  source: z.enum(HUMAN_ANNOTATION_SOURCES),
  createdAt: z.string(),
  modifiedAt: z.string().optional(),
  critique: z.string().nullish(),
  annotatorId: z.string().nullish(),
  queueItemId: z.string().nullish(),
  issueId: z.string().nullish()
})
export const HumanAnnotationResponseSchema = z.object({ data: HumanAnnotationSchema })

export const ErrorResponseSchema = z.object({ message: z.string() })

export type EvalDefinition = z.infer<typeof EvalDefinitionSchema>
export type Eval = z.infer<typeof EvalSchema>
export type TestResult = z.infer<typeof TestResultSchema>
export type Test = z.infer<typeof TestSchema>
export type Pagination = z.infer<typeof PaginationSchema>
export type TestListResponse = z.infer<typeof TestListResponseSchema>
export type Run = z.infer<typeof RunSchema>
export type Issue = z.infer<typeof IssueSchema>
export type Annotation = z.infer<typeof AnnotationSchema>
export type Task = z.infer<typeof TaskSchema>
export type HumanAnnotation = z.infer<typeof HumanAnnotationSchema>

// Request bodies. Validated before sending so a bad value is caught here, not as Avido's 400.
export const CreateIssueBodySchema = z.object({
  title: z.string().min(1),
  source: IssueSourceSchema,
  description: z.string().nullish(),
  priority: IssuePrioritySchema.optional(),
  type: IssueTypeSchema.optional(),
  topicId: z.string().optional(),
  taskId: z.string().optional(),
  testId: z.string().optional(),
  evalDefinitionId: z.string().optional(),
  annotationId: z.string().optional(),
  traceId: z.string().optional(),
  experimentId: z.string().optional(),
  parentId: z.string().optional()
})
export type CreateIssueBody = z.infer<typeof CreateIssueBodySchema>

export const CreateAnnotationBodySchema = z.object({
  title: z.string().min(1),
  description: z.string().nullish(),
  createdAt: z.string().optional(),
  traceStepId: z.string().optional()
})
export type CreateAnnotationBody = z.infer<typeof CreateAnnotationBodySchema>

export const CreateTaskBodySchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  type: z.enum(['STATIC', 'NORMAL']).optional(),
  topicId: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  simulatedPromptSchema: z.record(z.string(), z.unknown()).optional()
})
export type CreateTaskBody = z.infer<typeof CreateTaskBodySchema>

export const CreateHumanAnnotationBodySchema = z.object({
  traceId: z.string(),
  verdict: z.boolean(),
  source: z.enum(HUMAN_ANNOTATION_SOURCES),
  critique: z.string().min(1).max(2048).optional(),
  queueItemId: z.string().optional()
})
export type CreateHumanAnnotationBody = z.infer<typeof CreateHumanAnnotationBodySchema>
