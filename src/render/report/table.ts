import { formatCount, plural } from '../../shared/format.js'
import type { Budget, Rendered, SectionView, ShrinkStep } from './types.js'

// A table of breakdown rows (tasks, eval definitions) that gives up its passing rows first, then its failing
// rows beyond what fits; a last row says how many are not listed.

export interface TableRow {
  line: string
  /** A row worth keeping longest: judged, and not a success. */
  failing: boolean
}

export interface TableSpec {
  /** The header and the alignment row. */
  header: string
  columns: number
  rows: TableRow[]
  /** Singular noun of a row (`task`, `eval definition`). */
  noun: string
  /** Priorities of the two steps: passing rows, then failing rows. */
  priorities: { passing: number; failing: number }
}

export function tableView(spec: TableSpec): SectionView {
  const failingCount = spec.rows.filter(r => r.failing).length
  const passingCount = spec.rows.length - failingCount
  const steps: ShrinkStep[] = []
  if (passingCount) steps.push({ id: 'passing-rows', priority: spec.priorities.passing, max: 1 })
  if (failingCount) steps.push({ id: 'failing-rows', priority: spec.priorities.failing, max: failingCount })
  return { steps, render: budget => renderTable(spec, budget, failingCount) }
}

function renderTable(spec: TableSpec, budget: Budget, failingCount: number): Rendered {
  if (!spec.rows.length) return { blocks: [] }
  const passing = budget.keep('passing-rows') > 0
  const maxFailing = budget.keep('failing-rows')
  let shown = spec.rows.filter(r => passing || r.failing)
  const droppedPassing = spec.rows.length - shown.length
  const droppedFailing = Math.max(0, failingCount - maxFailing)
  if (droppedFailing) shown = shown.slice(0, maxFailing)
  const notes: string[] = []
  if (droppedPassing) notes.push(`${plural(droppedPassing, `passing ${spec.noun}`)} not listed`)
  if (droppedFailing) notes.push(`${plural(droppedFailing, `failing ${spec.noun}`)} not listed`)
  const lines = shown.map(r => r.line)
  const dropped = droppedPassing + droppedFailing
  if (dropped) {
    const what = droppedFailing
      ? `${formatCount(dropped)} more ${spec.noun}${dropped === 1 ? '' : 's'}`
      : plural(dropped, `passing ${spec.noun}`)
    lines.push(`|  | … and ${what} |${'  |'.repeat(spec.columns - 2)}`)
  }
  return { blocks: [[spec.header, ...lines].join('\n')], notes }
}
