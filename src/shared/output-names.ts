// Every output of the action, in the order of action.yml. Whatever sets the outputs sets each of these, '' when
// it has no value, so a workflow can always read them.

export const OUTPUT_NAMES = [
  'result',
  'gate',
  'pass-rate',
  'passed',
  'failed',
  'total',
  'tests',
  'errored-tests',
  'pending-tests',
  'issue-id',
  'comment-id',
  'comment-url',
  'report-path',
  'pass-rate-margin',
  'baseline',
  'baseline-pass-rate',
  'pass-rate-change',
  'change-margin',
  'regressed',
  'check-run-id',
  'check-run-url'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]
