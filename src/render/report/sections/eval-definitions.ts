import { RESULT_EMOJI, formatCount } from '../../../shared/format.js'
import { escapeCell } from '../../escape.js'
import { byBreakdownOrder, label, rateCell } from '../cells.js'
import { tableView, type TableRow } from '../table.js'
import type { RowChange, RowData, Section } from '../types.js'
import { rowChangeCell } from './comparison.js'

const MAX_NAME = 100
const MAX_TYPE = 30

export function evalDefinitionRows(
  definitions: readonly RowData[],
  baseline?: ReadonlyMap<string, RowChange>
): TableRow[] {
  return byBreakdownOrder(definitions).map(d => {
    const judged = d.total > 0
    const cells = [
      judged ? RESULT_EMOJI[d.badge] : RESULT_EMOJI.none,
      escapeCell(label('(unnamed eval)', d.name, d.id), MAX_NAME),
      escapeCell(d.type ?? '', MAX_TYPE),
      judged ? rateCell(d.passRate, d.interval?.margin, d.interval) : '–',
      `${formatCount(d.passed)}/${formatCount(d.total)}`,
      formatCount(d.tests)
    ]
    if (baseline) cells.splice(4, 0, rowChangeCell(baseline.get(d.id)))
    return { line: `| ${cells.join(' | ')} |`, failing: judged && d.badge !== 'success' }
  })
}

/** One row per eval definition, worst first. Its passing rows are the first detail a long report gives up. */
export const evalDefinitionsSection: Section = {
  id: 'eval-definitions',
  prepare: ({ judgement, input }) => {
    const baseline = input.baseline?.evalDefinitions
    return tableView({
      header: baseline
        ? '|  | Eval definition | Type | Pass rate | vs baseline | Evals | Tests |\n|:-:|:--|:--|--:|--:|--:|--:|'
        : '|  | Eval definition | Type | Pass rate | Evals | Tests |\n|:-:|:--|:--|--:|--:|--:|',
      columns: baseline ? 7 : 6,
      rows: evalDefinitionRows(judgement.evalDefinitions, baseline),
      noun: 'eval definition',
      priorities: { passing: 10, failing: 50 }
    })
  }
}
