/** Every input of the action, in the order of action.yml; problems are reported in this order. */
export const INPUT_NAMES = [
  'api-key',
  'application-id',
  'base-url',
  'github-token',
  'run-ids',
  'task-ids',
  'eval-definition-ids',
  'experiment-variant-ids',
  'run-types',
  'since',
  'trigger',
  'min-tests',
  'timeout',
  'poll-interval',
  'on-timeout',
  'warning-threshold',
  'error-threshold',
  'fail-on',
  'comment',
  'comment-key',
  'status-check',
  'status-context',
  'create-issue',
  'issue-priority',
  'annotation-title',
  'dry-run'
] as const

export type InputName = (typeof INPUT_NAMES)[number]
