import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import {
  issuesText,
  networkErrorText,
  pathText,
  statusText,
  wasNeverSent
} from '../../src/avido/describe-failure.js'
import { AvidoApiError, cleanServerText } from '../../src/avido/errors.js'
import { TestListResponseSchema } from '../../src/avido/schemas.js'

const coded = (code: string, cause?: unknown) => Object.assign(new Error(`boom ${code}`), { code, cause })

describe('AvidoApiError', () => {
  it('builds one sentence from method, path and detail, and keeps the fields', () => {
    const error = new AvidoApiError({
      kind: 'http',
      method: 'GET',
      path: '/v0/tests',
      detail: 'answered 401: Invalid API key',
      status: 401,
      avidoMessage: 'Invalid API key'
    })
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe('Avido GET /v0/tests answered 401: Invalid API key')
    expect(error).toMatchObject({
      kind: 'http',
      method: 'GET',
      path: '/v0/tests',
      status: 401,
      name: 'AvidoApiError'
    })
  })

  it('leaves optional fields out when absent', () => {
    const error = new AvidoApiError({ kind: 'network', method: 'POST', path: '/v0/issues', detail: 'x' })
    expect(Object.keys(error)).not.toContain('status')
    expect(Object.keys(error)).not.toContain('avidoMessage')
  })
})

describe('statusText', () => {
  it.each([
    [401, 'Invalid API key', 'answered 401: Invalid API key'],
    [503, undefined, 'answered 503 Service Unavailable'],
    [599, undefined, 'answered 599']
  ])('%i %s', (status, message, expected) => {
    expect(statusText(status, message)).toBe(expected)
  })
})

describe('issuesText', () => {
  const statuses = 'PENDING|IN_PROGRESS|COMPLETED|FAILED'
  const page = (data: unknown[]) => ({ data, pagination: {} })
  const test = (extra: Record<string, unknown>) => ({
    id: 't',
    applicationId: 'a',
    createdAt: 'c',
    modifiedAt: 'm',
    status: 'COMPLETED',
    evals: [],
    taskId: 'k',
    runId: 'r',
    ...extra
  })
  const text = (value: unknown): string => {
    const result = TestListResponseSchema.safeParse(value, { reportInput: true })
    if (result.success) throw new Error('expected a failure')
    return issuesText(result.error.issues)
  }

  it.each([
    [
      'enum',
      page([test({}), test({}), test({}), test({ status: 'DONE' })]),
      `data[3].status: expected one of ${statuses}`
    ],
    ['missing field', page([test({ runId: undefined })]), 'data[0].runId: missing (expected string)'],
    ['wrong type', page([test({ evals: 'none' })]), 'data[0].evals: expected array'],
    ['no envelope', [], '(root): expected object'],
    [
      'nested',
      page([test({ result: { passed: 1, failed: 0, total: 1, passRate: 'x' } })]),
      'data[0].result.passRate: expected number'
    ]
  ])('%s', (_name, value, expected) => {
    expect(text(value)).toBe(expected)
  })

  it('shows the first three issues and counts the rest', () => {
    const bad = page([1, 2, 3, 4, 5])
    expect(text(bad)).toBe(
      'data[0]: expected object; data[1]: expected object; data[2]: expected object (and 2 more)'
    )
  })

  it('quotes keys that are not identifiers', () => {
    expect(pathText(['data', 0, 'results', 'a b'])).toBe('data[0].results["a b"]')
  })

  it('uses zod messages for other problems', () => {
    const result = z.object({ name: z.string().min(3) }).safeParse({ name: 'x' })
    expect(issuesText(result.error?.issues ?? [])).toMatch(/^name: .*3/)
  })
})

describe('networkErrorText', () => {
  it.each([
    [coded('ECONNREFUSED'), 'connection refused'],
    [coded('UND_ERR_SOCKET', coded('ECONNRESET')), 'connection reset'],
    [coded('UND_ERR_SOCKET'), 'connection reset'],
    [coded('ENOTFOUND'), 'host not found'],
    [coded('UND_ERR_CONNECT_TIMEOUT'), 'connect timeout'],
    [new Error('weird\nfailure'), 'weird failure'],
    ['plain string', 'plain string']
  ])('%s → %s', (error, expected) => {
    expect(networkErrorText(error)).toBe(expected)
  })
})

describe('wasNeverSent', () => {
  it.each([
    [coded('ECONNREFUSED'), true],
    [coded('X', coded('ENOTFOUND')), true],
    [coded('ECONNRESET'), false],
    [coded('UND_ERR_SOCKET'), false],
    [new Error('?'), false]
  ])('%s → %s', (error, expected) => {
    expect(wasNeverSent(error)).toBe(expected)
  })
})

describe('cleanServerText', () => {
  it.each([
    // The shared one-line rule: whitespace becomes one space, control characters go.
    ['  a\r\nb\tc\u0000d ', 'a b cd'],
    ['a   b', 'a b'],
    ['x'.repeat(400), `${'x'.repeat(299)}…`]
  ])('%j', (input, expected) => {
    expect(cleanServerText(input)).toBe(expected)
  })
})
