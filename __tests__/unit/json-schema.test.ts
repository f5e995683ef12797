import { describe, expect, it } from '@jest/globals'
import { schemaProblems, type Schema } from '../support/json-schema.js'

const user: Schema = {
  type: 'object',
  required: ['login', 'gravatar_id'],
  properties: { login: { type: 'string' }, gravatar_id: { type: 'string', nullable: true } }
}

describe('schemaProblems', () => {
  it.each<[string, Schema, unknown, string[]]>([
    ['a matching object', user, { login: 'a', gravatar_id: null }, []],
    ['a missing required field', user, { login: 'a' }, ['$: missing required gravatar_id']],
    ['a wrong type', user, { login: 1, gravatar_id: '' }, ['$.login: expected string, got integer']],
    [
      'null where not nullable',
      user,
      { login: null, gravatar_id: '' },
      ['$.login: expected string, got null']
    ],
    ['an integer for a number', { type: 'number' }, 3, []],
    ['a fraction for an integer', { type: 'integer' }, 1.5, ['$: expected integer, got number']],
    [
      'a value outside the enum',
      { type: 'string', enum: ['a', 'b'] },
      'c',
      ['$: "c" is not one of ["a","b"]']
    ],
    ['null in a nullable enum', { type: 'string', enum: ['a', null] }, null, []],
    ['a whole-second date-time', { type: 'string', format: 'date-time' }, '2026-11-30T06:00:00Z', []],
    [
      'a date-time with milliseconds',
      { type: 'string', format: 'date-time' },
      '2026-11-30T06:00:00.000Z',
      ['$: "2026-11-30T06:00:00.000Z" is not a whole-second UTC date-time']
    ],
    ['a URI', { type: 'string', format: 'uri' }, 'http://127.0.0.1:1/x', []],
    ['not a URI', { type: 'string', format: 'uri' }, 'nope', ['$: "nope" is not a URI']],
    [
      'an array item',
      { type: 'array', items: { type: 'string' } },
      ['a', 2],
      ['$[1]: expected string, got integer']
    ],
    [
      'an unexpected property',
      { type: 'object', properties: {}, additionalProperties: false },
      { x: 1 },
      ['$: unexpected property x']
    ],
    ['allOf', { allOf: [{ required: ['a'] }, { required: ['b'] }] }, { a: 1 }, ['$: missing required b']],
    ['anyOf, one branch', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, 1, []],
    [
      'anyOf, no branch',
      { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      true,
      ['$: matches none of anyOf (#0: $: expected string, got boolean; #1: $: expected integer, got boolean)']
    ],
    [
      'oneOf, two branches',
      { oneOf: [{ type: 'integer' }, { type: 'number' }] },
      1,
      ['$: must match exactly one of oneOf (2 match)']
    ],
    ['oneOf, exactly one', { oneOf: [{ type: 'integer' }, { type: 'string' }] }, 'x', []],
    ['a string over maxLength', { type: 'string', maxLength: 2 }, 'abc', ['$: longer than 2']]
  ])('%s', (_name, schema, value, expected) => {
    expect(schemaProblems(schema, value)).toEqual(expected)
  })
})
