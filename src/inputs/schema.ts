import { z } from 'zod'
import { ISSUE_PRIORITIES, RUN_TYPES } from '../avido/schemas.js'
import type { FailOn } from '../shared/vocabulary.js'
import { baseUrl } from './base-url.js'
import { AGE_DURATION, WAIT_DURATION, formatDuration } from './duration.js'
import {
  boolean,
  choice,
  choiceList,
  percent,
  points,
  positiveDuration,
  text,
  uuidList,
  wholeNumber,
  type Reader
} from './readers.js'
import { apiKey, applicationId, pollInterval, statusCheck } from './special-readers.js'
import { since } from './since.js'

export const BASELINE_MODES = ['auto', 'base-commit', 'scheduled', 'none'] as const
export type BaselineMode = (typeof BASELINE_MODES)[number]

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const ON_TIMEOUT = ['fail', 'judge'] as const
const COMMENT_MODES = ['always', 'failure', 'changes', 'off'] as const

/** What action.yml declares about an input, besides its description. */
export type InputDeclaration = { required: true; secret?: true } | { default: string; secret?: true }

const declarations = z.registry<InputDeclaration>()

// A `${{ … }}` default is evaluated by the runner, so the action sees its value; when a workflow passes an
// empty value instead, the input reads as empty.
const isExpression = (value: string) => value.startsWith('${{')

/** An input as the runner passes it: trimmed, and its default when empty or absent. */
function input<T>(declaration: InputDeclaration, read: Reader<T>) {
  const fallback = 'default' in declaration && !isExpression(declaration.default) ? declaration.default : ''
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
    .register(declarations, declaration)
}

/** An input whose absence is its own value: empty gives undefined. */
const optional = <T>(read: Reader<T>) =>
  input<T | undefined>({ default: '' }, (value, fail) => (value ? read(value, fail) : undefined))

/** The one description of the inputs: names (in the order of action.yml), defaults, secrets and readers. */
const fields = z.object({
  'api-key': input({ required: true, secret: true }, apiKey),
  'application-id': input({ required: true }, applicationId),
  'base-url': input({ default: 'https://api.avidoai.com' }, baseUrl),
  'github-token': input({ default: '${{ github.token }}', secret: true }, value => value),
  'run-ids': input({ default: '' }, uuidList),
  'task-ids': input({ default: '' }, uuidList),
  'eval-definition-ids': input({ default: '' }, uuidList),
  'experiment-variant-ids': input({ default: '' }, uuidList),
  'run-types': input({ default: '' }, choiceList(RUN_TYPES)),
  since: optional(since),
  trigger: input({ default: 'false' }, boolean),
  'min-tests': input({ default: '1' }, wholeNumber),
  timeout: input({ default: '15m' }, positiveDuration(WAIT_DURATION)),
  'poll-interval': input({ default: '10s' }, pollInterval),
  'on-timeout': input({ default: 'fail' }, choice(ON_TIMEOUT)),
  'warning-threshold': input({ default: '75' }, percent),
  'error-threshold': input({ default: '50' }, percent),
  'fail-on': input({ default: 'error' }, choice(FAIL_ON)),
  comment: input({ default: 'always' }, choice(COMMENT_MODES)),
  // Read after parseInputs puts the workflow and job in its place when empty.
  'comment-key': input(
    { default: '${{ github.workflow }}/${{ github.job }}' },
    text({ required: 'must not be empty', singleLine: true })
  ),
  'status-check': input({ default: 'check-run' }, statusCheck),
  'status-context': input({ default: 'Avido test gate' }, text({ maxLength: 255, singleLine: true })),
  baseline: input({ default: 'auto' }, choice(BASELINE_MODES)),
  'baseline-max-age': input({ default: '7d' }, positiveDuration(AGE_DURATION)),
  'max-regression': optional(points),
  'create-issue': input({ default: 'true' }, boolean),
  'issue-priority': input({ default: 'HIGH' }, choice(ISSUE_PRIORITIES)),
  'annotation-title': optional(text({ maxLength: 1000 })),
  'dry-run': input({ default: 'false' }, boolean)
})

export type InputName = keyof typeof fields.shape

/** Every input of the action, in the order of action.yml; problems are reported in this order. */
export const INPUT_NAMES: readonly InputName[] = Object.freeze(Object.keys(fields.shape) as InputName[])

const declarationOf = (name: InputName): InputDeclaration => declarations.get(fields.shape[name])!

/** The default of each input that has one, as action.yml writes it (`${{ … }}` included). */
export const INPUT_DEFAULTS: Readonly<Partial<Record<InputName, string>>> = Object.freeze(
  Object.fromEntries(
    INPUT_NAMES.flatMap(name => {
      const declaration = declarationOf(name)
      return 'default' in declaration ? [[name, declaration.default]] : []
    })
  )
)

export const REQUIRED_INPUTS: readonly InputName[] = Object.freeze(
  INPUT_NAMES.filter(name => 'required' in declarationOf(name))
)

/** Inputs whose values are masked in the log and never quoted in a message. */
export const SECRET_INPUTS: readonly InputName[] = Object.freeze(
  INPUT_NAMES.filter(name => declarationOf(name).secret === true)
)

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
  const { since, 'annotation-title': annotationTitle, 'max-regression': maxRegression } = value
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
    baseline: value.baseline,
    baselineMaxAgeMs: value['baseline-max-age'],
    ...(maxRegression === undefined ? {} : { maxRegression }),
    createIssue: value['create-issue'],
    issuePriority: value['issue-priority'],
    ...(annotationTitle === undefined ? {} : { annotationTitle }),
    dryRun: value['dry-run']
  }
}

/** The action's raw input strings (keyed by input name) to the typed configuration. */
export const gateInputsSchema = fields.superRefine(checkTogether, { when: () => true }).transform(toConfig)

export type GateConfig = z.output<typeof gateInputsSchema>
