import { z } from 'zod'
import { ISSUE_PRIORITIES, RUN_TYPES } from '../avido/schemas.js'
import type { FailOn } from '../shared/vocabulary.js'
import { baseUrl } from './base-url.js'
import { formatDuration } from './duration.js'
import type { InputName } from './names.js'
import {
  boolean,
  choice,
  choiceList,
  percent,
  positiveDuration,
  quote,
  text,
  uuidList,
  wholeNumber,
  type Reader
} from './readers.js'
import { since } from './since.js'

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const ON_TIMEOUT = ['fail', 'judge'] as const
const COMMENT_MODES = ['always', 'failure', 'changes', 'off'] as const
/** Shorter polls would spend the API's rate limit on waiting without making the gate any faster. */
const MIN_POLL_INTERVAL_MS = 100

/** An input as the runner passes it: trimmed, and `fallback` (the SPEC default) when empty or absent. */
function input<T>(fallback: string, read: Reader<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      let failed = false
      const value = read(raw?.trim() || fallback, problem => {
        failed = true
        ctx.addIssue({ code: 'custom', message: problem })
      })
      return failed ? z.NEVER : value
    })
}

const optionalInput = <T>(read: Reader<T>) =>
  input<T | undefined>('', (value, fail) => (value ? read(value, fail) : undefined))

// The API key is never quoted back: its problems are described without the value.
const apiKey: Reader<string> = (value, fail) => {
  if (value === '') fail('is required; pass it from a secret, e.g. ${{ secrets.AVIDO_API_KEY }}')
  else if (/[\s\p{Cc}]/u.test(value)) fail('contains whitespace or control characters; check the secret')
  return value
}

const applicationId: Reader<string> = (value, fail) => {
  if (value === '') fail('is required')
  else if (/[\s\p{Cc}]/u.test(value)) fail(`${quote(value)} must not contain whitespace`)
  return value
}

const pollInterval: Reader<number> = (value, fail) => {
  const ms = positiveDuration(value, fail)
  if (ms > 0 && ms < MIN_POLL_INTERVAL_MS) {
    fail(
      `${formatDuration(ms)} is too short: use at least ${MIN_POLL_INTERVAL_MS}ms, ` +
        'faster polling only spends the Avido API rate limit without finishing sooner'
    )
  }
  return ms
}

const fields = z.object({
  'api-key': input('', apiKey),
  'application-id': input('', applicationId),
  'base-url': input('https://api.avidoai.com', baseUrl),
  'github-token': input('', value => value),
  'run-ids': input('', uuidList),
  'task-ids': input('', uuidList),
  'eval-definition-ids': input('', uuidList),
  'experiment-variant-ids': input('', uuidList),
  'run-types': input('', choiceList(RUN_TYPES)),
  since: optionalInput(since),
  trigger: input('false', boolean),
  'min-tests': input('1', wholeNumber),
  timeout: input('15m', positiveDuration),
  'poll-interval': input('10s', pollInterval),
  'on-timeout': input('fail', choice(ON_TIMEOUT)),
  'warning-threshold': input('75', percent),
  'error-threshold': input('50', percent),
  'fail-on': input('error', choice(FAIL_ON)),
  comment: input('always', choice(COMMENT_MODES)),
  'comment-key': input('', text({ required: 'must not be empty', singleLine: true })),
  'status-check': input('true', boolean),
  'status-context': input('Avido test gate', text({ maxLength: 255, singleLine: true })),
  'create-issue': input('true', boolean),
  'issue-priority': input('HIGH', choice(ISSUE_PRIORITIES)),
  'annotation-title': optionalInput(text({ maxLength: 1000 })),
  'dry-run': input('false', boolean)
} satisfies Record<InputName, z.ZodType>)

type Fields = z.output<typeof fields>

// Rules between inputs. They run even when other inputs failed (so every problem is reported at once), and
// only compare values that were read successfully (a failed one is z.NEVER, not a number).
function checkTogether(value: Fields, ctx: z.RefinementCtx): void {
  const fail = (path: InputName, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  const warning = value['warning-threshold']
  const error = value['error-threshold']
  if (typeof warning === 'number' && typeof error === 'number' && error >= warning) {
    fail('error-threshold', `${error} must be below warning-threshold (${warning})`)
  }
  const timeout = value.timeout
  const poll = value['poll-interval']
  if (typeof timeout === 'number' && typeof poll === 'number' && timeout > 0 && poll > timeout) {
    fail(
      'poll-interval',
      `${formatDuration(poll)} must not be longer than timeout (${formatDuration(timeout)})`
    )
  }
  if (value.trigger === true && Array.isArray(value['task-ids']) && value['task-ids'].length === 0) {
    fail('trigger', 'true requires task-ids (the Avido tasks to trigger)')
  }
}

function toConfig(value: Fields) {
  const { since, 'annotation-title': annotationTitle } = value
  return {
    apiKey: value['api-key'],
    applicationId: value['application-id'],
    baseUrl: value['base-url'],
    githubToken: value['github-token'],
    runIds: value['run-ids'],
    taskIds: value['task-ids'],
    evalDefinitionIds: value['eval-definition-ids'],
    experimentVariantIds: value['experiment-variant-ids'],
    runTypes: value['run-types'],
    ...(since === undefined ? {} : { since }),
    trigger: value.trigger,
    minTests: value['min-tests'],
    timeoutMs: value.timeout,
    pollIntervalMs: value['poll-interval'],
    onTimeout: value['on-timeout'],
    warningThreshold: value['warning-threshold'],
    errorThreshold: value['error-threshold'],
    failOn: value['fail-on'],
    comment: value.comment,
    commentKey: value['comment-key'],
    statusCheck: value['status-check'],
    statusContext: value['status-context'],
    createIssue: value['create-issue'],
    issuePriority: value['issue-priority'],
    ...(annotationTitle === undefined ? {} : { annotationTitle }),
    dryRun: value['dry-run']
  }
}

/** The action's raw input strings (keyed by input name) to the typed configuration. */
export const gateInputsSchema = fields.superRefine(checkTogether, { when: () => true }).transform(toConfig)

export type GateConfig = z.output<typeof gateInputsSchema>
