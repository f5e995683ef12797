import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { GateConfig } from '../../src/inputs/index.js'
import { parse, rejection } from './inputs-fixtures.js'

const DAY = 86_400_000
const HOUR = 3_600_000

describe('status-check', () => {
  const CHECK_RUN = { checkRun: true, commitStatus: false }
  const STATUS = { checkRun: false, commitStatus: true }
  const BOTH = { checkRun: true, commitStatus: true }
  const OFF = { checkRun: false, commitStatus: false }

  it.each<[string, GateConfig['statusCheck']]>([
    ['', CHECK_RUN],
    ['check-run', CHECK_RUN],
    ['Check-Run', CHECK_RUN],
    [' status ', STATUS],
    ['both', BOTH],
    ['BOTH', BOTH],
    ['off', OFF],
    ['true', CHECK_RUN],
    ['True', CHECK_RUN],
    ['TRUE', CHECK_RUN],
    ['false', OFF],
    ['FALSE', OFF]
  ])('%j posts %j', (value, expected) => {
    expect(parse({ 'status-check': value }).statusCheck).toEqual(expected)
  })

  it.each(['yes', '1', 'checkrun', 'check_run', 'commit-status', 'tRUE', 'none', 'toString'])(
    'rejects %j, naming the input and the choices',
    value => {
      const error = rejection({ 'status-check': value })
      expect(error.input).toBe('status-check')
      expect(error.message).toBe(
        `status-check: ${JSON.stringify(value)} is not one of check-run, status, both, off ` +
          '(or true for check-run, false for off)'
      )
    }
  )
})

describe('baseline', () => {
  it.each<[string, GateConfig['baseline']]>([
    ['', 'auto'],
    ['auto', 'auto'],
    ['base-commit', 'base-commit'],
    ['Base-Commit', 'base-commit'],
    ['scheduled', 'scheduled'],
    ['NONE', 'none']
  ])('%j is %j', (value, expected) => {
    expect(parse({ baseline: value }).baseline).toBe(expected)
  })

  it.each(['base', 'previous', 'false', 'base_commit', 'schedule'])('rejects %j', value => {
    const error = rejection({ baseline: value })
    expect(error.input).toBe('baseline')
    expect(error.message).toBe(
      `baseline: ${JSON.stringify(value)} is not one of auto, base-commit, scheduled, none`
    )
  })
})

describe('baseline-max-age', () => {
  it.each([
    ['', 7 * DAY],
    ['7d', 7 * DAY],
    ['2d', 2 * DAY],
    ['1.5d', 36 * HOUR],
    ['36h', 36 * HOUR],
    ['90m', 90 * 60_000],
    ['3600', HOUR],
    ['365d', 365 * DAY]
  ])('%j is %i ms', (value, ms) => {
    expect(parse({ 'baseline-max-age': value }).baselineMaxAgeMs).toBe(ms)
  })

  it.each<[string, string | RegExp]>([
    ['0d', 'baseline-max-age: "0d" must be longer than 0'],
    ['0', 'baseline-max-age: "0" must be longer than 0'],
    ['-1d', 'baseline-max-age: "-1d" is negative'],
    ['1w', /^baseline-max-age: "1w" is not a duration \(use a number with ms, s, m, h or d, e\.g\. .*7d/],
    ['a week', /^baseline-max-age: "a week" is not a duration/],
    ['7 days', /^baseline-max-age: "7 days" is not a duration/],
    ['7D', /^baseline-max-age: "7D" is not a duration/],
    ['366d', 'baseline-max-age: "366d" is longer than the maximum of 365d']
  ])('rejects %j', (value, message) => {
    const error = rejection({ 'baseline-max-age': value })
    expect(error.input).toBe('baseline-max-age')
    expect(error.problems).toHaveLength(1)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })
})

describe('max-regression', () => {
  it.each([
    ['0', 0],
    ['5', 5],
    [' 2.5 ', 2.5],
    ['.5', 0.5],
    ['10%', 10],
    ['100', 100]
  ])('%j is %d points', (value, points) => {
    expect(parse({ 'max-regression': value }).maxRegression).toBe(points)
  })

  it('reads every number of points from 0 to 100 and refuses every negative one, naming the input', () => {
    const hundredths = fc.integer({ min: 1, max: 10_000 })
    fc.assert(
      fc.property(hundredths, n => {
        const text = (n / 100).toString()
        expect(parse({ 'max-regression': text }).maxRegression).toBe(n / 100)
        expect(rejection({ 'max-regression': `-${text}` }).message).toBe(
          `max-regression: "-${text}" is negative; use a number of points from 0 to 100`
        )
      }),
      { numRuns: 200 }
    )
  })

  it.each(['', '  '])('%j leaves it unset: a regression never fails the step', value => {
    expect(parse({ 'max-regression': value }).maxRegression).toBeUndefined()
  })

  it.each<[string, string]>([
    ['-5', 'max-regression: "-5" is negative; use a number of points from 0 to 100'],
    ['-0.5', 'max-regression: "-0.5" is negative; use a number of points from 0 to 100'],
    ['- 3', 'max-regression: "- 3" is negative; use a number of points from 0 to 100'],
    ['-5%', 'max-regression: "-5%" is negative; use a number of points from 0 to 100'],
    ['five', 'max-regression: "five" is not a number of points from 0 to 100'],
    ['1e1', 'max-regression: "1e1" is not a number of points from 0 to 100'],
    ['+5', 'max-regression: "+5" is not a number of points from 0 to 100'],
    ['5pt', 'max-regression: "5pt" is not a number of points from 0 to 100'],
    ['Infinity', 'max-regression: "Infinity" is not a number of points from 0 to 100'],
    ['100.1', 'max-regression: "100.1" is more than 100 points']
  ])('rejects %j', (value, message) => {
    const error = rejection({ 'max-regression': value })
    expect(error.input).toBe('max-regression')
    expect(error.message).toBe(message)
  })
})

it('reports the new inputs together with the others, in the order of the inputs', () => {
  const error = rejection({
    'dry-run': 'maybe',
    'max-regression': '-1',
    baseline: 'x',
    'status-check': 'on',
    'baseline-max-age': '1y',
    timeout: '0'
  })
  expect(error.problems.map(problem => problem.input)).toEqual([
    'timeout',
    'status-check',
    'baseline',
    'baseline-max-age',
    'max-regression',
    'dry-run'
  ])
})
