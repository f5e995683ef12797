import { describe, expect, it } from '@jest/globals'
import { INPUT_NAMES, parseInputs, type GateConfig } from '../../src/inputs/index.js'
import { REQUIRED, parse, rejection } from './inputs-fixtures.js'

const UUID_A = '3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b'
const UUID_B = 'ffffffff-ffff-ffff-ffff-ffffffffffff'
const UUID_UPPER = '3F2B8C1E-9D4A-4E6B-8F1A-2C3D4E5F6A7B'

// The type the rest of the action relies on. Checked by the typecheck (jest does not check types): a change to
// the schema's output fails `npm run typecheck` here.
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expected = {
  apiKey: string
  applicationId: string
  baseUrl: string
  githubToken: string
  runIds: string[]
  taskIds: string[]
  evalDefinitionIds: string[]
  experimentVariantIds: string[]
  runTypes: ('MANUAL' | 'SCHEDULED' | 'EXPERIMENT' | 'MONITORING')[]
  since?: string
  trigger: boolean
  minTests: number
  timeoutMs: number
  pollIntervalMs: number
  onTimeout: 'fail' | 'judge'
  warningThreshold: number
  errorThreshold: number
  failOn: 'error' | 'warning' | 'never'
  comment: 'always' | 'failure' | 'changes' | 'off'
  commentKey: string
  statusCheck: { checkRun: boolean; commitStatus: boolean }
  statusContext: string
  baseline: 'auto' | 'base-commit' | 'scheduled' | 'none'
  baselineMaxAgeMs: number
  maxRegression?: number
  createIssue: boolean
  issuePriority: 'LOW' | 'MEDIUM' | 'HIGH'
  annotationTitle?: string
  dryRun: boolean
}
type Assert<T extends true> = T
export type ConfigShape = Assert<Exact<{ [K in keyof GateConfig]: GateConfig[K] }, Expected>>

describe('parseInputs defaults', () => {
  const everyOptionalEmpty = Object.fromEntries(
    INPUT_NAMES.filter(name => !(name in REQUIRED)).map(name => [name, name.length % 2 ? '' : '  '])
  )
  it.each([
    ['absent', {}],
    ['empty', everyOptionalEmpty]
  ])('applies the documented defaults when inputs are %s', (_case, inputs) => {
    expect(parse(inputs)).toEqual({
      apiKey: 'avido_prod_k3y',
      applicationId: 'app-1',
      baseUrl: 'https://api.avidoai.com',
      githubToken: '',
      runIds: [],
      taskIds: [],
      evalDefinitionIds: [],
      experimentVariantIds: [],
      runTypes: [],
      trigger: false,
      minTests: 1,
      timeoutMs: 900_000,
      pollIntervalMs: 10_000,
      onTimeout: 'fail',
      warningThreshold: 75,
      errorThreshold: 50,
      failOn: 'error',
      comment: 'always',
      commentKey: 'CI/gate',
      statusCheck: { checkRun: true, commitStatus: false },
      statusContext: 'Avido test gate',
      baseline: 'auto',
      baselineMaxAgeMs: 7 * 86_400_000,
      createIssue: true,
      issuePriority: 'HIGH',
      dryRun: false
    })
  })

  it('leaves since, max-regression and annotation-title out when empty', () => {
    const config = parse({ since: '', 'max-regression': '', 'annotation-title': ' ' })
    expect('since' in config).toBe(false)
    expect('maxRegression' in config).toBe(false)
    expect('annotationTitle' in config).toBe(false)
  })
})

type Valid = [input: string, value: string, field: keyof GateConfig, expected: unknown]

describe('valid values', () => {
  it.each<Valid>([
    ['api-key', '  avido_prod_abc  ', 'apiKey', 'avido_prod_abc'],
    ['application-id', UUID_A, 'applicationId', UUID_A],
    ['base-url', 'https://api.avidoai.com/', 'baseUrl', 'https://api.avidoai.com'],
    ['base-url', 'https://proxy.example.com/avido//', 'baseUrl', 'https://proxy.example.com/avido'],
    ['base-url', 'https://API.Example.com:8443', 'baseUrl', 'https://api.example.com:8443'],
    ['base-url', 'http://127.0.0.1:4010', 'baseUrl', 'http://127.0.0.1:4010'],
    ['base-url', 'http://127.8.9.10', 'baseUrl', 'http://127.8.9.10'],
    ['base-url', 'http://localhost:3000/', 'baseUrl', 'http://localhost:3000'],
    ['base-url', 'http://[::1]:8080', 'baseUrl', 'http://[::1]:8080'],
    ['github-token', 'ghs_abc', 'githubToken', 'ghs_abc'],
    ['run-ids', `${UUID_A}, ${UUID_B}`, 'runIds', [UUID_A, UUID_B]],
    ['run-ids', `${UUID_UPPER}\n${UUID_A}\n`, 'runIds', [UUID_A]],
    ['task-ids', `${UUID_A}\n${UUID_B}`, 'taskIds', [UUID_A, UUID_B]],
    ['task-ids', '00000000-0000-0000-0000-000000000000', 'taskIds', ['00000000-0000-0000-0000-000000000000']],
    ['eval-definition-ids', UUID_A, 'evalDefinitionIds', [UUID_A]],
    ['experiment-variant-ids', `${UUID_B},`, 'experimentVariantIds', [UUID_B]],
    [
      'run-types',
      'manual, Scheduled\nEXPERIMENT,monitoring',
      'runTypes',
      ['MANUAL', 'SCHEDULED', 'EXPERIMENT', 'MONITORING']
    ],
    ['run-types', 'MANUAL,manual', 'runTypes', ['MANUAL']],
    ['since', '2025-01-31T08:00:00Z', 'since', '2025-01-31T08:00:00.000Z'],
    ['since', '2025-01-31T10:00:00+02:00', 'since', '2025-01-31T08:00:00.000Z'],
    ['since', '2025-01-31T03:30-0430', 'since', '2025-01-31T08:00:00.000Z'],
    ['since', '2025-01-31 08:00:00.123456z', 'since', '2025-01-31T08:00:00.123Z'],
    ['since', '2024-02-29T23:59:59.5Z', 'since', '2024-02-29T23:59:59.500Z'],
    ['trigger', 'false', 'trigger', false],
    ['min-tests', '0', 'minTests', 0],
    ['min-tests', '40', 'minTests', 40],
    ['timeout', '1h', 'timeoutMs', 3_600_000],
    ['timeout', '90', 'timeoutMs', 90_000],
    ['poll-interval', '100ms', 'pollIntervalMs', 100],
    ['poll-interval', '15m', 'pollIntervalMs', 900_000],
    ['on-timeout', 'Judge', 'onTimeout', 'judge'],
    ['warning-threshold', '90', 'warningThreshold', 90],
    ['warning-threshold', '100', 'warningThreshold', 100],
    ['warning-threshold', '80.5%', 'warningThreshold', 80.5],
    ['error-threshold', '0', 'errorThreshold', 0],
    ['error-threshold', '74.9', 'errorThreshold', 74.9],
    ['fail-on', 'WARNING', 'failOn', 'warning'],
    ['fail-on', 'never', 'failOn', 'never'],
    ['comment', 'Changes', 'comment', 'changes'],
    ['comment', 'off', 'comment', 'off'],
    ['comment-key', ' gate (node 20) ', 'commentKey', 'gate (node 20)'],
    ['status-context', 'Avido / quality', 'statusContext', 'Avido / quality'],
    ['status-context', 'x'.repeat(255), 'statusContext', 'x'.repeat(255)],
    ['create-issue', 'False', 'createIssue', false],
    ['issue-priority', 'medium', 'issuePriority', 'MEDIUM'],
    ['annotation-title', 'Deploy abc123', 'annotationTitle', 'Deploy abc123'],
    ['annotation-title', 'y'.repeat(1000), 'annotationTitle', 'y'.repeat(1000)],
    ['dry-run', 'True', 'dryRun', true]
  ])('%s: %j', (input, value, field, expected) => {
    expect(parse({ [input]: value })[field]).toEqual(expected)
  })

  it.each(['true', 'True', 'TRUE'])('trigger %s with task-ids', value => {
    const config = parse({ trigger: value, 'task-ids': UUID_A })
    expect(config.trigger).toBe(true)
    expect(config.taskIds).toEqual([UUID_A])
  })

  it('takes comment-key from the fallback when empty', () => {
    expect(parseInputs({ ...REQUIRED, 'comment-key': ' ' }, { commentKey: 'Tests/gate' }).commentKey).toBe(
      'Tests/gate'
    )
  })

  it('accepts the boundaries of the cross-input rules', () => {
    const config = parse({
      'warning-threshold': '50.01',
      'error-threshold': '50',
      timeout: '10s',
      'poll-interval': '10s'
    })
    expect([config.warningThreshold, config.errorThreshold, config.timeoutMs, config.pollIntervalMs]).toEqual(
      [50.01, 50, 10_000, 10_000]
    )
  })
})

type Invalid = [input: string, value: string, message: string | RegExp]

describe('invalid values', () => {
  it.each<Invalid>([
    ['api-key', '', 'api-key: is required; pass it from a secret, e.g. ${{ secrets.AVIDO_API_KEY }}'],
    ['api-key', 'abc def', 'api-key: contains whitespace or control characters; check the secret'],
    ['application-id', '', 'application-id: is required'],
    ['application-id', 'my app', 'application-id: "my app" must not contain whitespace'],
    [
      'base-url',
      'http://example.com',
      'base-url: "http://example.com" must use https (plain http is allowed only for 127.0.0.1, localhost and ::1)'
    ],
    ['base-url', 'http://localhost.example.com', /^base-url: .* must use https \(plain http/],
    ['base-url', 'http://128.0.0.1', /^base-url: .* must use https \(plain http/],
    ['base-url', 'ftp://api.avidoai.com', 'base-url: "ftp://api.avidoai.com" must use https'],
    ['base-url', 'api.avidoai.com', 'base-url: "api.avidoai.com" is not a valid URL'],
    ['base-url', 'https://', 'base-url: "https://" is not a valid URL'],
    [
      'base-url',
      'https://api.avidoai.com?debug=1',
      'base-url: "https://api.avidoai.com" must not have a query string or fragment'
    ],
    ['base-url', 'https://api.avidoai.com/#x', /must not have a query string or fragment/],
    ['base-url', 'https://api.avidoai.com/v0/', /"https:\/\/api.avidoai.com\/v0" must not end in \/v0/],
    ['run-ids', 'run-1', 'run-ids: "run-1" is not a valid UUID'],
    ['task-ids', '42', 'task-ids: "42" is not a valid UUID'],
    ['task-ids', '3f2b8c1e-9d4a-9e6b-8f1a-2c3d4e5f6a7b', /^task-ids: ".*" is not a valid UUID$/],
    ['task-ids', '3f2b8c1e-9d4a-4e6b-7f1a-2c3d4e5f6a7b', /is not a valid UUID/],
    ['eval-definition-ids', `${UUID_A}x`, /^eval-definition-ids: ".*x" is not a valid UUID$/],
    [
      'experiment-variant-ids',
      '{3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b}',
      /^experiment-variant-ids: .* is not a valid UUID$/
    ],
    [
      'run-types',
      'MANUAL, nightly',
      'run-types: "nightly" is not one of MANUAL, SCHEDULED, EXPERIMENT, MONITORING'
    ],
    [
      'since',
      '2025-01-31T08:00:00',
      'since: "2025-01-31T08:00:00" has no time zone; add Z for UTC or an offset such as +02:00'
    ],
    ['since', '2025-01-31', 'since: "2025-01-31" is not an ISO 8601 timestamp such as 2025-01-31T08:00:00Z'],
    ['since', 'yesterday', /^since: "yesterday" is not an ISO 8601 timestamp/],
    ['since', '1738310400', /is not an ISO 8601 timestamp/],
    ['since', '2025-02-30T08:00:00Z', 'since: "2025-02-30T08:00:00Z" is not a valid date and time'],
    ['since', '2025-13-01T08:00:00Z', /is not a valid date and time/],
    ['since', '2025-01-31T25:00:00Z', /is not a valid date and time/],
    ['since', '2025-01-31T08:00:00+25:00', /is not a valid date and time/],
    ['trigger', 'yes', 'trigger: "yes" is not a boolean (use true or false)'],
    ['trigger', 'tRUE', /^trigger: "tRUE" is not a boolean/],
    ['min-tests', '-1', 'min-tests: "-1" is not a whole number (0 or more)'],
    ['min-tests', '1.5', /^min-tests: "1.5" is not a whole number/],
    ['min-tests', 'many', /^min-tests: "many"/],
    ['min-tests', '99999999999999999999', /^min-tests: .* is not a whole number/],
    ['timeout', '0s', 'timeout: "0s" must be longer than 0'],
    ['timeout', '-5m', 'timeout: "-5m" is negative'],
    ['timeout', '15 minutes', /^timeout: "15 minutes" is not a duration \(use a number with ms, s, m or h/],
    ['timeout', '1d', /^timeout: "1d" is not a duration \(use a number with ms, s, m or h,/],
    ['poll-interval', '1d', /^poll-interval: "1d" is not a duration/],
    [
      'poll-interval',
      '50ms',
      /^poll-interval: 50ms is too short: use at least 100ms, faster polling only spends/
    ],
    ['poll-interval', '0', 'poll-interval: "0" must be longer than 0'],
    ['poll-interval', '20m', 'poll-interval: 20m must not be longer than timeout (15m)'],
    ['on-timeout', 'skip', 'on-timeout: "skip" is not one of fail, judge'],
    ['warning-threshold', 'abc', 'warning-threshold: "abc" is not a number between 0 and 100'],
    ['warning-threshold', '101', 'warning-threshold: "101" is not a number between 0 and 100'],
    ['warning-threshold', '-5', /^warning-threshold: "-5" is not a number between 0 and 100$/],
    ['warning-threshold', '0.75e2', /^warning-threshold: .* is not a number/],
    ['error-threshold', '80', 'error-threshold: 80 must be below warning-threshold (75)'],
    ['error-threshold', '75', 'error-threshold: 75 must be below warning-threshold (75)'],
    ['fail-on', 'failure', 'fail-on: "failure" is not one of error, warning, never'],
    ['comment', 'false', 'comment: "false" is not one of always, failure, changes, off'],
    ['comment-key', 'a\nb', 'comment-key: "a\\nb" must be a single line'],
    ['status-context', 'x'.repeat(256), 'status-context: is 256 characters long; the limit is 255'],
    ['status-context', 'a\nb', /^status-context: .* must be a single line$/],
    ['create-issue', 'no', /^create-issue: "no" is not a boolean/],
    ['create-issue', 'toString', 'create-issue: "toString" is not a boolean (use true or false)'],
    ['dry-run', 'constructor', /^dry-run: "constructor" is not a boolean/],
    ['issue-priority', 'URGENT', 'issue-priority: "URGENT" is not one of LOW, MEDIUM, HIGH'],
    ['annotation-title', 'y'.repeat(1001), 'annotation-title: is 1001 characters long; the limit is 1000'],
    ['dry-run', 'maybe', /^dry-run: "maybe" is not a boolean/]
  ])('%s: %j', (input, value, message) => {
    const error = rejection({ [input]: value })
    expect(error.input).toBe(input)
    expect(error.problems).toHaveLength(1)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
    expect(error.message.startsWith(`${input}: `)).toBe(true)
  })

  it('rejects trigger without task-ids, naming both inputs', () => {
    const error = rejection({ trigger: 'true' })
    expect(error.message).toBe('trigger: true requires task-ids (the Avido tasks to trigger)')
    expect(error.input).toBe('trigger')
  })

  it('reports every bad id of a list', () => {
    const error = rejection({ 'task-ids': `1, ${UUID_A}, 2` })
    expect(error.message).toBe('task-ids: "1" is not a valid UUID\ntask-ids: "2" is not a valid UUID')
  })

  it('cuts a long value in the message', () => {
    const error = rejection({ 'fail-on': 'z'.repeat(5000) })
    expect(error.message.length).toBeLessThan(150)
  })
})
