import { describe, expect, it } from '@jest/globals'
import { InputError, parseInputs } from '../../src/inputs/index.js'

const SECRET = 'avido_prod_9f8e7d6c5b4a'

/** Any 8 characters in a row of the secret, as they would show in a value cut short. */
function leakedPiece(text: string): string | undefined {
  for (let start = 0; start + 8 <= SECRET.length; start++) {
    const piece = SECRET.slice(start, start + 8)
    if (text.includes(piece)) return piece
  }
  return undefined
}

function rejection(raw: Record<string, string | undefined>): InputError {
  try {
    parseInputs(raw, { commentKey: 'CI/gate' })
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('accepted')
}

describe('several invalid inputs', () => {
  it('are reported together, one per line, in the order of the inputs', () => {
    const error = rejection({
      'dry-run': 'nope',
      'error-threshold': 'high',
      'api-key': SECRET,
      'application-id': '',
      'task-ids': '42',
      timeout: '5d',
      'base-url': 'http://example.com'
    })
    expect(error.message.split('\n')).toEqual([
      'application-id: is required',
      'base-url: "http://example.com" must use https (plain http is allowed only for 127.0.0.1, localhost and ::1)',
      'task-ids: "42" is not a valid UUID',
      expect.stringMatching(/^timeout: "5d" is not a duration/),
      'error-threshold: "high" is not a number between 0 and 100',
      'dry-run: "nope" is not a boolean (use true or false)'
    ])
    expect(error.input).toBe('application-id')
    expect(error.problems.map(problem => problem.input)).toEqual([
      'application-id',
      'base-url',
      'task-ids',
      'timeout',
      'error-threshold',
      'dry-run'
    ])
    expect(error.name).toBe('InputError')
    expect(error).toBeInstanceOf(Error)
  })

  it('include the rules between inputs next to the problems of single inputs', () => {
    const error = rejection({
      'api-key': SECRET,
      'application-id': 'app',
      trigger: 'true',
      'poll-interval': '2h',
      timeout: '1h',
      'warning-threshold': '60',
      'error-threshold': '60',
      comment: 'sometimes'
    })
    expect(error.message.split('\n')).toEqual([
      'trigger: true requires task-ids (the Avido tasks to trigger)',
      'poll-interval: 2h must not be longer than timeout (1h)',
      'error-threshold: 60 must be below warning-threshold (60)',
      'comment: "sometimes" is not one of always, failure, changes, off'
    ])
  })

  it('skip a rule between inputs when one side is itself invalid', () => {
    const error = rejection({
      'api-key': SECRET,
      'application-id': 'app',
      'warning-threshold': 'x',
      'error-threshold': '90'
    })
    expect(error.message).toBe('warning-threshold: "x" is not a number between 0 and 100')
  })
})

describe('the API key', () => {
  it.each<[string, Record<string, string>]>([
    ['with whitespace', { 'api-key': `${SECRET} \n` + 'tail part' }],
    ['pasted into application-id', { 'api-key': SECRET, 'application-id': `${SECRET} x` }],
    [
      'pasted into base-url credentials',
      { 'api-key': SECRET, 'base-url': `https://user:${SECRET}@api.avidoai.com` }
    ],
    [
      'pasted into base-url query',
      { 'api-key': SECRET, 'base-url': `https://api.avidoai.com/?key=${SECRET}` }
    ],
    [
      'pasted into an unparsable base-url',
      { 'api-key': SECRET, 'base-url': `https://u:${SECRET}@ bad host` }
    ],
    ['pasted into task-ids', { 'api-key': SECRET, 'task-ids': SECRET }],
    ['pasted into comment-key', { 'api-key': SECRET, 'comment-key': `${SECRET}\nx` }],
    ['cut short in a long value', { 'api-key': SECRET, 'fail-on': `${'x'.repeat(50)}${SECRET}` }]
  ])('never appears in messages (%s)', (_case, raw) => {
    const error = rejection({ 'application-id': 'app', ...raw })
    expect(leakedPiece(error.message)).toBeUndefined()
    expect(leakedPiece(JSON.stringify(error.problems))).toBeUndefined()
  })

  it('nor does the GitHub token', () => {
    const token = 'ghs_0123456789abcdef'
    const error = rejection({
      'api-key': SECRET,
      'application-id': 'app',
      'github-token': token,
      'task-ids': token
    })
    expect(error.message).toBe('task-ids: "***" is not a valid UUID')
  })
})
