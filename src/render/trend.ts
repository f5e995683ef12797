import type { Badge, Judgement, Result } from '../judge/types.js'
import { formatRate } from '../shared/format.js'
import type { HiddenData, HistoryEntry } from './hidden-data.js'

const BARS = '▁▂▃▄▅▆▇█'

/**
 * One bar per pass rate. The scale is the runs' range widened to whole tens (at least ten points), so that a
 * move of a few points shows while a flat line stays flat: 70 → 82.5 → 71 draws on 70–90 %.
 */
export function sparkline(rates: readonly number[]): string {
  const clean = rates.map(rate => (Number.isFinite(rate) ? Math.min(100, Math.max(0, rate)) : 0))
  if (!clean.length) return ''
  let low = Math.floor(Math.min(...clean) / 10) * 10
  let high = Math.ceil(Math.max(...clean) / 10) * 10
  if (high - low < 10) {
    if (high < 100) high = low + 10
    else low = high - 10
  }
  return clean
    .map(r => BARS[Math.min(BARS.length - 1, Math.floor(((r - low) / (high - low)) * BARS.length))])
    .join('')
}

/** `▃▅▆▇█ 40.0% → 82.5%` over the history, or '' with fewer than two runs. */
export function trendText(history: readonly HistoryEntry[]): string {
  if (history.length < 2) return ''
  const rates = history.map(h => h.passRate)
  return `${sparkline(rates)} ${formatRate(rates[0])}% → ${formatRate(rates[rates.length - 1])}%`
}

/** Change in points between two rates as shown (one decimal): `▲ 5.0 points`, `▼ 2.5 points`, `no change`. */
export function deltaText(previousRate: number, currentRate: number): string {
  const tenths = (rate: number) => Math.round(Number(formatRate(rate)) * 10)
  const delta = tenths(currentRate) - tenths(previousRate)
  if (delta === 0) return 'no change'
  return `${delta > 0 ? '▲' : '▼'} ${(Math.abs(delta) / 10).toFixed(1)} points`
}

export interface TaskChange {
  id: string
  name: string
  from: Badge
  to: Badge
}

export interface Change {
  previousRate: number
  previousResult?: Result
  /** `▲ 5.0 points`, `▼ 2.5 points` or `no change`. */
  text: string
  /** Tasks whose badge changed, in the order of `judgement.tasks`. */
  tasks: TaskChange[]
}

/** What changed since the run recorded in `previous`; undefined when there is no previous run to compare. */
export function changeSincePrevious(
  previous: HiddenData | undefined,
  judgement: Judgement
): Change | undefined {
  const previousRate = previous?.lastPassRate ?? previous?.history[previous.history.length - 1]?.passRate
  if (previous === undefined || previousRate === undefined) return undefined
  const badges = previous.taskBadges ?? {}
  const tasks: TaskChange[] = []
  for (const task of judgement.tasks) {
    if (!Object.hasOwn(badges, task.id)) continue
    const from = badges[task.id]
    if (from !== task.badge) tasks.push({ id: task.id, name: task.name, from, to: task.badge })
  }
  return {
    previousRate,
    ...(previous.lastResult ? { previousResult: previous.lastResult } : {}),
    text: deltaText(previousRate, judgement.passRate),
    tasks
  }
}
