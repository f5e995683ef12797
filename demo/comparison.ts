// The comparison with the base, in words, from the action's outputs: what a reader of the demo should take away.

const BASELINE_NAMES: Record<string, string> = {
  'base-commit': "the gate's record on the base commit",
  scheduled: "Avido's newest scheduled run"
}

export function comparisonLines(outputs: Record<string, string>): string[] {
  const rate = outputs['pass-rate'] ?? ''
  const margin = outputs['pass-rate-margin'] ?? ''
  const lines = [`Pass rate      ${rate}%${margin ? ` ± ${margin}` : ''}`]
  const baseline = outputs.baseline ?? ''
  if (!baseline) {
    lines.push('Baseline       none: the run was judged on its own')
    return lines
  }
  const change = outputs['pass-rate-change'] ?? ''
  const changeMargin = outputs['change-margin'] ?? ''
  const regressed = outputs.regressed === 'true'
  lines.push(
    `Baseline       ${outputs['baseline-pass-rate'] ?? ''}% (${baseline}: ${BASELINE_NAMES[baseline] ?? baseline})`,
    `Change         ${change}${changeMargin ? ` ± ${changeMargin}` : ''} points`,
    `Regressed      ${regressed}: ${verdictOf(change, changeMargin, regressed)}`
  )
  return lines
}

function verdictOf(change: string, margin: string, regressed: boolean): string {
  if (regressed) return 'a significant drop (the change is beyond its margin)'
  const value = Number(change)
  const within = margin === '' || Math.abs(value) <= Number(margin)
  if (within)
    return `within noise (${value < 0 ? 'a drop' : value > 0 ? 'a rise' : 'no change'} inside its margin)`
  return value > 0 ? 'a significant rise' : 'no significant drop'
}
