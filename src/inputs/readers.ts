import { cutText } from '../shared/text.js'
import { isUuid } from '../shared/uuid.js'
import { checkDuration, type DurationRule } from './duration.js'
import { splitList } from './lists.js'

/** Reads one input's text; reports each problem through `fail` (the result is then ignored). */
export type Reader<T> = (text: string, fail: (problem: string) => void) => T

const MAX_SHOWN = 60

/**
 * A user's value as it appears in a message: quoted, escaped, and cut when long. Not made one line: a
 * newline is shown as `\n`, which is what "must be a single line" is about.
 */
export function quote(value: string, max = MAX_SHOWN): string {
  return JSON.stringify(cutText(value, max))
}

// Lower case, as Avido returns ids, so run-ids compare equal to the runId of the tests.
export const uuidList: Reader<string[]> = (text, fail) => {
  const ids = splitList(text, id => id.toLowerCase())
  for (const id of ids) if (!isUuid(id)) fail(`${quote(id)} is not a valid UUID`)
  return ids
}

// Same spellings as core.getBooleanInput (YAML 1.2 core schema). A Map, so that `toString` is no boolean.
const BOOLEANS = new Map<string, boolean>([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false]
])

/** The boolean a text spells, or undefined. */
export function booleanSpelling(text: string): boolean | undefined {
  return BOOLEANS.get(text)
}

export const boolean: Reader<boolean> = (text, fail) => {
  const value = booleanSpelling(text)
  if (value === undefined) fail(`${quote(text)} is not a boolean (use true or false)`)
  return value ?? false
}

/** One of `options`, accepted in any letter case and returned in the case of `options`. */
export function choice<T extends string>(options: readonly T[]): Reader<T> {
  return (text, fail) => {
    const found = options.find(option => option.toLowerCase() === text.toLowerCase())
    if (found === undefined) fail(`${quote(text)} is not one of ${options.join(', ')}`)
    return found ?? options[0]!
  }
}

export function choiceList<T extends string>(options: readonly T[]): Reader<T[]> {
  const one = choice(options)
  return (text, fail) => [...new Set(splitList(text).map(item => one(item, fail)))]
}

export const wholeNumber: Reader<number> = (text, fail) => {
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    fail(`${quote(text)} is not a whole number (0 or more)`)
  return value
}

const DECIMAL = /^(\d+(\.\d+)?|\.\d+)$/
const withoutPercentSign = (text: string) => (text.endsWith('%') ? text.slice(0, -1).trimEnd() : text)

/** A percentage from 0 to 100; a trailing `%` is tolerated. */
export const percent: Reader<number> = (text, fail) => {
  const digits = withoutPercentSign(text)
  const value = Number(digits)
  if (!DECIMAL.test(digits) || value > 100) fail(`${quote(text)} is not a number between 0 and 100`)
  return value
}

/** Percentage points from 0 to 100, e.g. a drop in pass rate; a trailing `%` is tolerated. */
export const points: Reader<number> = (text, fail) => {
  const digits = withoutPercentSign(text)
  const value = Number(digits)
  if (/^-\s*(\d|\.\d)/.test(digits)) fail(`${quote(text)} is negative; use a number of points from 0 to 100`)
  else if (!DECIMAL.test(digits)) fail(`${quote(text)} is not a number of points from 0 to 100`)
  else if (value > 100) fail(`${quote(text)} is more than 100 points`)
  return value
}

export function positiveDuration(rule: DurationRule): Reader<number> {
  return (text, fail) => {
    const checked = checkDuration(text, rule)
    if (!checked.ok) fail(checked.reason)
    else if (checked.ms <= 0) fail(`${quote(text)} must be longer than 0`)
    return checked.ok ? checked.ms : 0
  }
}

export function text(rules: { required?: string; maxLength?: number; singleLine?: boolean }): Reader<string> {
  return (value, fail) => {
    if (rules.required !== undefined && value === '') fail(rules.required)
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      fail(`is ${value.length} characters long; the limit is ${rules.maxLength}`)
    }
    if (rules.singleLine && /[\r\n]/.test(value)) fail(`${quote(value)} must be a single line`)
    return value
  }
}
