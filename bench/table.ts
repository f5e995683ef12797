export interface Row {
  figure: string
  measured: string
  target: string
  ok: boolean
}

/** A Markdown table, so the output can be pasted into a pull request as it is. */
export function printTable(rows: Row[]): void {
  const cells = [
    ['figure', 'measured', 'target', 'ok'],
    ...rows.map(row => [row.figure, row.measured, row.target, row.ok ? 'yes' : 'NO'])
  ]
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map(line => line[column]!.length)))
  const line = (values: string[]) => `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`
  console.log(line(cells[0]!))
  console.log(line(widths.map(width => '-'.repeat(width))))
  for (const values of cells.slice(1)) console.log(line(values))
}
