// The words every part of the gate shares: a badge, a result, and the thresholds that turn a rate into a badge.

export type Badge = 'success' | 'warning' | 'error'
/** `none`: nothing was measured (no test matched and `min-tests: 0` allowed it). */
export type Result = Badge | 'none'
export type FailOn = 'error' | 'warning' | 'never'

export interface Thresholds {
  /** Pass rate (percent) above which the badge is success. */
  warning: number
  /** Pass rate (percent) at or below which the badge is error. */
  error: number
}
