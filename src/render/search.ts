/**
 * The largest n in [0, max] for which `fits(n)` holds, for a `fits` that is true up to some n and false
 * after it (a longer text as n grows); -1 when even 0 does not fit. log2(max) calls.
 */
export function largestFitting(max: number, fits: (n: number) => boolean): number {
  if (!fits(0)) return -1
  let low = 0
  let high = max
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (fits(mid)) low = mid
    else high = mid - 1
  }
  return low
}
