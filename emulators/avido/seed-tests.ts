import type { TimeInput } from './clock.js'
import { toEpochMs } from './clock.js'
import type { Prng } from './random.js'
import {
  NEVER,
  type EvalDefinitionRecord,
  type EvalOutcome,
  type EvalRecord,
  type EvalType,
  type FinalStatus,
  type TaskRecord
} from './records.js'
import { passMask } from './scenarios.js'
import type { TestSeed } from './seed-types.js'

export interface Timeline {
  createdAt: number
  startedAt: number
  settledAt: number
  finalStatus: FinalStatus
}

const absolute = (t: TimeInput | null | undefined): number | undefined =>
  t === null ? NEVER : t === undefined ? undefined : toEpochMs(t)

/** When a seeded test starts and settles, on the emulator clock. */
export function buildTimeline(spec: TestSeed, now: number): Timeline {
  const createdAt = spec.createdAt === undefined ? now : toEpochMs(spec.createdAt)
  const status = spec.status ?? 'COMPLETED'
  const stuck = status === 'PENDING' || status === 'IN_PROGRESS'
  let settledAt = absolute(spec.settledAt)
  if (settledAt === undefined) settledAt = stuck ? NEVER : createdAt + (spec.settleAfterMs ?? 0)
  let startedAt = absolute(spec.startedAt)
  if (startedAt === undefined) {
    if (status === 'PENDING' && settledAt === NEVER) startedAt = NEVER
    else if (spec.startAfterMs !== undefined) startedAt = createdAt + spec.startAfterMs
    else startedAt = settledAt === NEVER ? createdAt : createdAt + Math.round((settledAt - createdAt) / 4)
  }
  if (!(createdAt <= startedAt && startedAt <= settledAt)) {
    throw new Error(`Test timeline out of order: createdAt ≤ startedAt ≤ settledAt does not hold`)
  }
  return { createdAt, startedAt, settledAt, finalStatus: status === 'FAILED' ? 'FAILED' : 'COMPLETED' }
}

type EvalSeedObject = Exclude<NonNullable<TestSeed['evals']>[number], EvalType>

/** The test's evals: which pass follows passRate unless an eval says otherwise; evals of a FAILED run errored. */
export function buildEvals(
  spec: TestSeed,
  finalStatus: FinalStatus,
  task: TaskRecord,
  rng: Prng,
  resolve: (seed: EvalSeedObject) => EvalDefinitionRecord
): EvalRecord[] {
  const passRate = spec.passRate ?? 100
  if (!(passRate >= 0 && passRate <= 100)) throw new Error(`passRate must be 0–100, got ${passRate}`)
  const seeds: EvalSeedObject[] = (spec.evals ?? task.definitions.map(d => ({ definitionId: d.id }))).map(
    seed => (typeof seed === 'string' ? { type: seed } : seed)
  )
  const mask = passMask(seeds.length, passRate, rng)
  return seeds.map((seed, i) => {
    const status = seed.status ?? finalStatus
    const override: Partial<EvalOutcome> = {}
    if (seed.score !== undefined) override.score = seed.score
    if (seed.results !== undefined) override.results = seed.results
    return {
      id: seed.id ?? rng.uuid(),
      definition: resolve(seed),
      status,
      passed: status === 'FAILED' ? null : (seed.passed ?? (mask[i] as boolean)),
      contentSeed: rng.uint32(),
      override: Object.keys(override).length > 0 ? override : undefined
    }
  })
}
