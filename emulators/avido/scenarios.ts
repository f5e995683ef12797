import { hashString, type Prng } from './random.js'

export type Scenario = 'pass' | 'warn' | 'fail'
export const SCENARIOS: readonly Scenario[] = ['pass', 'warn', 'fail']

/** Overall pass rates (percent) of triggered runs per scenario: a centre and how far a task may stray from it. */
const BANDS: Record<Scenario, { center: number; spread: number }> = {
  pass: { center: 90, spread: 4 },
  warn: { center: 65, spread: 4 },
  fail: { center: 37.5, spread: 6 }
}

/** A task's pass rate for one trigger: deterministic, varies by task and by trigger, stays inside the band. */
export function scenarioRate(scenario: Scenario, variety: string): number {
  const { center, spread } = BANDS[scenario]
  const unit = hashString(variety) / 4294967296
  return center + (unit * 2 - 1) * spread
}

/** `total` verdicts of which round(rate% of total) pass, shuffled. */
export function passMask(total: number, rate: number, rng: Prng): boolean[] {
  const passing = Math.round((Math.min(100, Math.max(0, rate)) / 100) * total)
  return rng.shuffle(Array.from({ length: total }, (_, i) => i < passing))
}

export type PassRateBucket = 'success' | 'warning' | 'error'

/** Avido's badge of a pass rate: success > 75 %, warning > 50 %, error ≤ 50 %. */
export function bucketOf(passRate: number): PassRateBucket {
  if (passRate > 75) return 'success'
  if (passRate > 50) return 'warning'
  return 'error'
}
