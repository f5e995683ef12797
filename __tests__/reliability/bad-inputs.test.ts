import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { INPUT_NAMES, type InputName } from '../../src/inputs/index.js'
import { startScene, type Scene } from '../../emulators/scene.js'
import { NODE20, NODE24, decodeCommand, errorLines, printed, runGate } from './support.js'

// Every input of the action with its wrong values: the step fails with one error line that names the input,
// before any request to Avido or GitHub.

const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a'

type Case = [input: InputName, value: string, problem: string | RegExp, extra?: Record<string, string>]

const CASES: Case[] = [
  ['api-key', '', 'api-key: is required; pass it from a secret'],
  ['api-key', '   ', 'api-key: is required'],
  ['api-key', 'avido key 123', 'api-key: contains whitespace or control characters; check the secret'],
  ['application-id', '', 'application-id: is required'],
  ['application-id', 'app support bot', 'application-id: "app support bot" must not contain whitespace'],
  ['base-url', 'http://api.avidoai.com', 'base-url: "http://api.avidoai.com" must use https'],
  ['base-url', 'http://10.0.0.5:8080', 'base-url: "http://10.0.0.5:8080" must use https'],
  ['base-url', 'http://127.example.com', 'must use https'],
  ['base-url', 'ftp://api.avidoai.com', 'base-url: "ftp://api.avidoai.com" must use https'],
  ['base-url', 'api.avidoai.com', 'base-url: "api.avidoai.com" is not a valid URL'],
  ['base-url', 'https://me:hunter22@api.avidoai.com', 'must not contain a user name or password'],
  ['base-url', 'https://api.avidoai.com/v0', 'must not end in /v0'],
  ['base-url', 'https://api.avidoai.com/?debug=1', 'must not have a query string or fragment'],
  ['run-ids', 'run-42', 'run-ids: "run-42" is not a valid UUID'],
  ['run-ids', `${UUID}\n${UUID.slice(0, -1)}`, `run-ids: "${UUID.slice(0, -1)}" is not a valid UUID`],
  ['task-ids', '42', 'task-ids: "42" is not a valid UUID'],
  ['eval-definition-ids', `${UUID},fact-check`, 'eval-definition-ids: "fact-check" is not a valid UUID'],
  ['experiment-variant-ids', 'variant-b', 'experiment-variant-ids: "variant-b" is not a valid UUID'],
  [
    'run-types',
    'MANUAL, NIGHTLY',
    'run-types: "NIGHTLY" is not one of MANUAL, SCHEDULED, EXPERIMENT, MONITORING'
  ],
  ['since', 'yesterday', 'since: "yesterday" is not an ISO 8601 timestamp'],
  ['since', '2025-01-31T08:00:00', 'since: "2025-01-31T08:00:00" has no time zone'],
  ['since', '2025-02-30T08:00:00Z', 'since: "2025-02-30T08:00:00Z" is not a valid date and time'],
  ['trigger', 'yes', 'trigger: "yes" is not a boolean (use true or false)'],
  ['trigger', 'true', 'trigger: true requires task-ids'],
  ['min-tests', 'ten', 'min-tests: "ten" is not a whole number (0 or more)'],
  ['min-tests', '-1', 'min-tests: "-1" is not a whole number'],
  ['min-tests', '2.5', 'min-tests: "2.5" is not a whole number'],
  ['timeout', 'forever', 'timeout: "forever" is not a duration'],
  ['timeout', '-5s', 'timeout: "-5s" is negative'],
  ['timeout', '0', 'timeout: "0" must be longer than 0'],
  ['timeout', '2d', 'timeout: "2d" is not a duration'],
  ['timeout', '25h', 'timeout: "25h" is longer than the maximum of 24h'],
  ['poll-interval', 'often', 'poll-interval: "often" is not a duration'],
  ['poll-interval', '50ms', 'poll-interval: 50ms is too short'],
  ['poll-interval', '-1', 'poll-interval: "-1" is negative'],
  ['poll-interval', '20m', 'poll-interval: 20m must not be longer than timeout (15m)', { timeout: '15m' }],
  ['on-timeout', 'retry', 'on-timeout: "retry" is not one of fail, judge'],
  ['warning-threshold', 'high', 'warning-threshold: "high" is not a number between 0 and 100'],
  ['warning-threshold', '150', 'warning-threshold: "150" is not a number between 0 and 100'],
  ['warning-threshold', '-10', 'warning-threshold: "-10" is not a number between 0 and 100'],
  ['error-threshold', '101%', 'error-threshold: "101%" is not a number between 0 and 100'],
  ['error-threshold', '80', 'error-threshold: 80 must be below warning-threshold (75)'],
  [
    'error-threshold',
    '60',
    'error-threshold: 60 must be below warning-threshold (60)',
    { 'warning-threshold': '60' }
  ],
  ['fail-on', 'failure', 'fail-on: "failure" is not one of error, warning, never'],
  ['comment', 'sometimes', 'comment: "sometimes" is not one of always, failure, changes, off'],
  ['comment-key', 'gate\nmatrix', 'comment-key: "gate\\nmatrix" must be a single line'],
  [
    'status-check',
    'maybe',
    'status-check: "maybe" is not one of check-run, status, both, off (or true for check-run, false for off)'
  ],
  ['status-context', 'x'.repeat(256), 'status-context: is 256 characters long; the limit is 255'],
  ['status-context', 'Avido\ngate', 'status-context: "Avido\\ngate" must be a single line'],
  ['baseline', 'latest', 'baseline: "latest" is not one of auto, base-commit, scheduled, none'],
  ['baseline-max-age', 'forever', 'baseline-max-age: "forever" is not a duration'],
  ['baseline-max-age', '0', 'baseline-max-age: "0" must be longer than 0'],
  ['baseline-max-age', '400d', 'baseline-max-age: "400d" is longer than the maximum of 365d'],
  ['max-regression', 'lots', 'max-regression: "lots" is not a number of points from 0 to 100'],
  ['max-regression', '-3', 'max-regression: "-3" is negative'],
  ['max-regression', '150', 'max-regression: "150" is more than 100 points'],
  ['create-issue', 'no', 'create-issue: "no" is not a boolean'],
  ['issue-priority', 'URGENT', 'issue-priority: "URGENT" is not one of LOW, MEDIUM, HIGH'],
  ['annotation-title', 'x'.repeat(1001), 'annotation-title: is 1001 characters long; the limit is 1000'],
  ['dry-run', '1', 'dry-run: "1" is not a boolean']
]

let scene: Scene
beforeAll(async () => {
  scene = await startScene()
})
afterAll(async () => {
  await scene.close()
})

const requestCount = () => scene.avido.requests.length + scene.github.requests.length

/** Fails with one error line, which is returned decoded, and prints nothing else; sends no request. */
async function expectRejected(inputs: Record<string, string>, runtime = NODE24): Promise<string> {
  const before = requestCount()
  const run = await runGate(scene, { inputs, runtime })
  expect(run.code).toBe(1)
  expect(run.stderr).toBe('')
  expect(run.lines.filter(line => line !== '' && !line.startsWith('::add-mask::'))).toEqual(errorLines(run))
  expect(errorLines(run)).toHaveLength(1)
  expect(requestCount()).toBe(before)
  expect(run.outputs).toEqual({})
  return decodeCommand(errorLines(run)[0]!.replace(/^::error::/, ''))
}

describe('a wrong value', () => {
  // A rest parameter: jest takes a fourth named parameter for a `done` callback when a row has only three.
  it.each(CASES)(
    '%s = %j fails before any request, naming the input',
    async (...[input, value, problem, extra]) => {
      const message = await expectRejected({ ...extra, [input]: value })
      expect(message.startsWith(`${input}: `)).toBe(true)
      if (typeof problem === 'string') expect(message).toContain(problem)
      else expect(message).toMatch(problem)
    }
  )

  it('covers every input that has wrong values (github-token is any string; empty turns reporting off)', () => {
    const covered = new Set(CASES.map(([input]) => input))
    expect(INPUT_NAMES.filter(name => !covered.has(name))).toEqual(['github-token'])
  })
})

describe('the message', () => {
  it('never quotes the api key, nor a password in the base URL', async () => {
    const key = 'avido live\tkey_5f4e3d2c1b'
    const message = await expectRejected({
      'api-key': key,
      'base-url': 'https://me:hunter22@api.avidoai.com'
    })
    expect(message).not.toContain('key_5f4e3d2c1b')
    expect(message).not.toContain('hunter22')
  })

  it('lists every problem at once, in the order of the inputs, in one error line', async () => {
    const message = await expectRejected({ 'fail-on': 'sometimes', 'min-tests': 'x', 'task-ids': '7' })
    expect(message.split('\n').map(line => line.split(':')[0])).toEqual(['task-ids', 'min-tests', 'fail-on'])
  })

  it.each([
    ['timeout', 'soon'],
    ['base-url', 'http://avido.example.com'],
    ['warning-threshold', '101']
  ])('on Node 20 too: %s = %j', async (input, value) => {
    const message = await expectRejected({ [input]: value }, NODE20)
    expect(message.startsWith(`${input}: `)).toBe(true)
  })
})

it('a key pasted into another input is not quoted back', async () => {
  const run = await runGate(scene, { inputs: { 'min-tests': scene.inputs()['api-key']! } })
  expect(run.code).toBe(1)
  expect(printed(run)).not.toContain(scene.inputs()['api-key']!)
  expect(decodeCommand(errorLines(run)[0]!)).toContain('min-tests: "***" is not a whole number')
})
