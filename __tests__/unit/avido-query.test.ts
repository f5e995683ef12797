import { describe, expect, it } from '@jest/globals'
import { AvidoRequestError } from '../../src/avido/errors.js'
import { buildIssueQuery, buildTestQuery, toUtcDateTime, type TestFilters } from '../../src/avido/query.js'
import { UUID_PATTERN } from '../../src/shared/uuid.js'

const ID_A = '123e4567-e89b-12d3-a456-426614174000'
const ID_B = '789e4567-e89b-12d3-a456-426614174000'
const ALL_BADGES = 'success,warning,error'

/** The query as plain pairs, decoded, so expectations read like the wire format. */
const pairs = (query: URLSearchParams): Record<string, string> => Object.fromEntries(query.entries())

describe('buildTestQuery', () => {
  const cases: Array<[string, TestFilters, Record<string, string>]> = [
    ['no filters: only the required passRateStatuses', {}, { passRateStatuses: ALL_BADGES }],
    ['status array', { status: ['COMPLETED', 'FAILED'] }, { status: 'COMPLETED,FAILED' }],
    ['single status', { status: ['PENDING'] }, { status: 'PENDING' }],
    ['empty array is left out', { status: [] }, {}],
    [
      'passRateStatuses given',
      { passRateStatuses: ['success', 'warning'] },
      { passRateStatuses: 'success,warning' }
    ],
    ['empty passRateStatuses means every badge', { passRateStatuses: [] }, { passRateStatuses: ALL_BADGES }],
    [
      'startDate string with Z',
      { startDate: '2024-01-01T00:00:00.000Z' },
      { startDate: '2024-01-01T00:00:00.000Z' }
    ],
    ['endDate without seconds', { endDate: '2024-12-31T23:59Z' }, { endDate: '2024-12-31T23:59Z' }],
    [
      'Date objects become toISOString()',
      { startDate: new Date(Date.UTC(2024, 1, 29, 10, 5, 7, 9)), endDate: new Date(0) },
      { startDate: '2024-02-29T10:05:07.009Z', endDate: '1970-01-01T00:00:00.000Z' }
    ],
    ['evalDefinitionId', { evalDefinitionId: [ID_A, ID_B] }, { evalDefinitionId: `${ID_A},${ID_B}` }],
    ['experimentVariantId', { experimentVariantId: [ID_B] }, { experimentVariantId: ID_B }],
    ['runType', { runType: ['MANUAL', 'MONITORING'] }, { runType: 'MANUAL,MONITORING' }],
    ['taskId', { taskId: [ID_A, ID_B] }, { taskId: `${ID_A},${ID_B}` }],
    ['tagId accepts any string, including none', { tagId: ['none', 'tag-1'] }, { tagId: 'none,tag-1' }],
    [
      'orderBy and orderDir',
      { orderBy: 'modifiedAt', orderDir: 'asc' },
      { orderBy: 'modifiedAt', orderDir: 'asc' }
    ]
  ]

  it.each(cases)('%s', (_name, filters, expected) => {
    const query = pairs(buildTestQuery(filters))
    expect(query).toEqual({ passRateStatuses: ALL_BADGES, ...expected })
  })

  it('sends arrays comma-joined as one parameter, never repeated keys', () => {
    const query = buildTestQuery({ status: ['COMPLETED', 'FAILED'], taskId: [ID_A, ID_B] })
    expect(query.getAll('status')).toEqual(['COMPLETED,FAILED'])
    expect(query.getAll('taskId')).toEqual([`${ID_A},${ID_B}`])
    expect(query.toString()).toContain('status=COMPLETED%2CFAILED')
  })

  it('combines every parameter with paging', () => {
    const query = buildTestQuery(
      {
        status: ['COMPLETED'],
        startDate: '2024-01-01T00:00:00Z',
        endDate: '2024-01-02T00:00:00Z',
        passRateStatuses: ['error'],
        evalDefinitionId: [ID_A],
        experimentVariantId: [ID_B],
        runType: ['EXPERIMENT'],
        taskId: [ID_A],
        tagId: ['t'],
        orderBy: 'createdAt',
        orderDir: 'desc'
      },
      { skip: 200, limit: 100 }
    )
    expect(pairs(query)).toEqual({
      skip: '200',
      limit: '100',
      orderBy: 'createdAt',
      orderDir: 'desc',
      status: 'COMPLETED',
      startDate: '2024-01-01T00:00:00Z',
      endDate: '2024-01-02T00:00:00Z',
      passRateStatuses: 'error',
      evalDefinitionId: ID_A,
      experimentVariantId: ID_B,
      runType: 'EXPERIMENT',
      taskId: ID_A,
      tagId: 't'
    })
  })

  it.each([
    [{ skip: 0 }, { skip: '0' }],
    [{ limit: 1 }, { limit: '1' }],
    [
      { skip: 9007199254740991, limit: 100 },
      { skip: '9007199254740991', limit: '100' }
    ]
  ])('accepts page %j', (page, expected) => {
    expect(pairs(buildTestQuery({}, page))).toEqual({ ...expected, passRateStatuses: ALL_BADGES })
  })

  it.each([
    [{ skip: -1 }],
    [{ skip: 1.5 }],
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ limit: 2.5 }],
    [{ skip: NaN }]
  ])('rejects page %j', page => {
    expect(() => buildTestQuery({}, page)).toThrow(AvidoRequestError)
  })

  it.each([
    ['offset instead of Z', '2024-01-01T00:00:00+00:00'],
    ['no zone', '2024-01-01T00:00:00'],
    ['date only', '2024-01-01'],
    ['lower-case z', '2024-01-01T00:00:00z'],
    ['impossible day', '2023-02-29T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['empty', '']
  ])('rejects a startDate with %s', (_name, value) => {
    expect(() => buildTestQuery({ startDate: value })).toThrow(
      /startDate must be a UTC date-time ending in Z/
    )
    expect(() => buildTestQuery({ endDate: value })).toThrow(/endDate must be a UTC date-time ending in Z/)
  })

  it('rejects an invalid Date', () => {
    expect(() => buildTestQuery({ startDate: new Date('nope') })).toThrow(/startDate is an invalid Date/)
  })

  it.each([[['a,b']], [['']]])('rejects list values that would break comma-joining: %j', values => {
    expect(() => buildTestQuery({ taskId: values })).toThrow(
      /taskId values must be non-empty and free of commas/
    )
  })
})

describe('toUtcDateTime', () => {
  it.each([
    ['2024-02-29T12:00:00Z', true],
    ['2000-02-29T12:00:00.5Z', true],
    ['1900-02-29T12:00:00Z', false],
    ['2024-04-31T12:00:00Z', false],
    ['2024-04-30T23:59:59.999999Z', true],
    ['2024-04-30T23:60:00Z', false]
  ])('%s valid: %s', (value, valid) => {
    if (valid) expect(toUtcDateTime(value, 'd')).toBe(value)
    else expect(() => toUtcDateTime(value, 'd')).toThrow(AvidoRequestError)
  })
})

describe('buildIssueQuery', () => {
  it.each([
    [{}, {}],
    [
      { status: 'OPEN' as const, source: 'TEST' as const, skip: 0, limit: 100 },
      { status: 'OPEN', source: 'TEST', skip: '0', limit: '100' }
    ],
    [
      {
        priority: 'HIGH' as const,
        type: 'BUG' as const,
        orderBy: 'createdAt' as const,
        orderDir: 'desc' as const
      },
      { priority: 'HIGH', type: 'BUG', orderBy: 'createdAt', orderDir: 'desc' }
    ]
  ])('%j', (params, expected) => {
    expect(pairs(buildIssueQuery(params))).toEqual(expected)
  })
})

describe('UUID_PATTERN', () => {
  it.each([
    [ID_A, true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['ffffffff-ffff-ffff-ffff-ffffffffffff', true],
    ['123e4567-e89b-92d3-a456-426614174000', false],
    ['123e4567-e89b-12d3-c456-426614174000', false],
    ['trace_abc123', false]
  ])('%s → %s', (value, valid) => {
    expect(UUID_PATTERN.test(value)).toBe(valid)
  })
})
