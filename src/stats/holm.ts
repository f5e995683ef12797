/**
 * Holm's step-down correction for m simultaneous tests: sort the p-values ascending and reject the k-th smallest
 * (k = 0, 1, …) while p ≤ α / (m − k); stop at the first that is not rejected. Controls the chance of any false
 * "significant" at α, and never rejects less than Bonferroni. Returns, in input order, which are significant.
 * A NaN p-value is never significant and still counts towards m.
 */
export function holm(pValues: readonly number[], alpha = 0.05): boolean[] {
  const m = pValues.length
  const order = pValues
    .map((p, index) => ({ p: Number.isNaN(p) ? Infinity : p, index }))
    .sort((a, b) => a.p - b.p || a.index - b.index)
  const significant: boolean[] = new Array<boolean>(m).fill(false)
  for (let k = 0; k < m; k++) {
    const { p, index } = order[k]
    if (!(p <= alpha / (m - k))) break
    significant[index] = true
  }
  return significant
}
