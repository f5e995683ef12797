import { z } from 'zod'
import type { Baseline, MeasuredScope } from '../judge/baseline.js'
import type { Judgement } from '../judge/types.js'
import { isRateSums, type RateSums } from '../stats/index.js'

// The record a completed gate leaves in its check run, for later runs to compare with: per-task and
// per-eval-definition running sums (enough to recompute every error bar), the filters they were measured
// with, the commit and the time. Kept in an HTML comment so that it does not show on the check run's page,
// and compact: a run of 500 tasks still fits GitHub's 65,535 characters.

export const RECORD_VERSION = 1
const MARKER = 'avido-test-gate-record'
/** A check run's output text holds at most this many characters. */
export const MAX_RECORD_LENGTH = 65_535
const MAX_KEY = 1_000
const MAX_ID = 200
const MAX_GROUPS = 5_000

export interface GateRecord {
  key: string
  sha: string
  at: string
  scope: MeasuredScope
  overall: RateSums
  tasks: Map<string, RateSums>
  evalDefinitions: Map<string, RateSums>
}

type Packed = [number, number, number, number, number, number]
const pack = (s: RateSums): Packed => [s.tests, s.evals, s.passed, s.passedSq, s.passedEvals, s.evalsSq]
const unpack = ([tests, evals, passed, passedSq, passedEvals, evalsSq]: number[]): RateSums => ({
  tests,
  evals,
  passed,
  passedSq,
  passedEvals,
  evalsSq
})

const idList = z.array(z.string().max(MAX_ID)).max(MAX_GROUPS)
const packedSums = z.array(z.number().finite().nonnegative()).length(6)
const recordSchema = z.object({
  v: z.literal(RECORD_VERSION),
  key: z.string().max(MAX_KEY),
  sha: z.string().regex(/^[0-9a-f]{7,64}$/i),
  at: z.string().max(40),
  scope: z.object({
    taskIds: idList,
    evalDefinitionIds: idList,
    experimentVariantIds: idList,
    runTypes: idList
  }),
  overall: packedSums,
  tasks: z.record(z.string().max(MAX_ID), packedSums),
  defs: z.record(z.string().max(MAX_ID), packedSums)
})

export function recordOf(
  judgement: Judgement,
  run: { key: string; sha: string; at: string; scope: MeasuredScope }
): GateRecord {
  const byId = (rows: { id: string; sums: RateSums }[]) => new Map(rows.map(row => [row.id, row.sums]))
  return {
    ...run,
    overall: judgement.sums,
    tasks: byId(judgement.tasks),
    evalDefinitions: byId(judgement.evalDefinitions)
  }
}

/**
 * The record as an HTML comment; eval definitions are left out when only the tasks fit, and undefined when
 * even they do not (about 1,000 tasks): GitHub would refuse the whole check run for it.
 */
export function encodeRecord(record: GateRecord): string | undefined {
  const encode = (withDefinitions: boolean) => {
    const json = JSON.stringify({
      v: RECORD_VERSION,
      key: record.key,
      sha: record.sha,
      at: record.at,
      scope: record.scope,
      overall: pack(record.overall),
      tasks: Object.fromEntries([...record.tasks].map(([id, sums]) => [id, pack(sums)])),
      defs: withDefinitions
        ? Object.fromEntries([...record.evalDefinitions].map(([id, sums]) => [id, pack(sums)]))
        : {}
    })
    // `--` and `>` could end the comment early; inside JSON strings they have escapes that mean the same.
    return `<!-- ${MARKER} ${json.replace(/-/g, '\\u002d').replace(/>/g, '\\u003e')} -->`
  }
  const full = encode(true)
  if (full.length <= MAX_RECORD_LENGTH) return full
  const tasksOnly = encode(false)
  return tasksOnly.length <= MAX_RECORD_LENGTH ? tasksOnly : undefined
}

/**
 * The record in a check run's text, checked field by field: a check run of the same name can be made by any
 * app with `checks: write`, so anything malformed, oversized or of another gate (`key`) reads as no record.
 */
export function decodeRecord(text: unknown, key: string): GateRecord | undefined {
  if (typeof text !== 'string' || text.length > MAX_RECORD_LENGTH) return undefined
  const start = text.indexOf(`<!-- ${MARKER} `)
  if (start < 0) return undefined
  const end = text.indexOf(' -->', start)
  if (end < 0) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text.slice(start + MARKER.length + 6, end))
  } catch {
    return undefined
  }
  const checked = recordSchema.safeParse(parsed)
  if (!checked.success || checked.data.key !== key) return undefined
  const data = checked.data
  const groups = (entries: Record<string, number[]>) => {
    const sums = Object.entries(entries).map(([id, packed]) => [id, unpack(packed)] as const)
    return sums.every(([, s]) => isRateSums(s)) ? new Map(sums) : undefined
  }
  const overall = unpack(data.overall)
  const tasks = groups(data.tasks)
  const evalDefinitions = groups(data.defs)
  if (!isRateSums(overall) || !tasks || !evalDefinitions) return undefined
  return { key: data.key, sha: data.sha, at: data.at, scope: data.scope, overall, tasks, evalDefinitions }
}

/** A decoded record as a baseline to compare with. */
export function baselineFromRecord(record: GateRecord): Baseline {
  return {
    source: 'base-commit',
    measuredAt: record.at,
    sha: record.sha,
    scope: record.scope,
    overall: record.overall,
    tasks: record.tasks,
    evalDefinitions: record.evalDefinitions
  }
}
