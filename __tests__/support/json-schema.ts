// A JSON-schema checker for the subset GitHub's OpenAPI 3.0 description uses in its responses: type, nullable,
// required, properties, additionalProperties, items, enum, anyOf / oneOf / allOf, and the formats date-time (in
// GitHub's own whole-second UTC form), uri and email. Everything else (examples, descriptions) is ignored.

export interface Schema {
  type?: string | string[]
  nullable?: boolean
  required?: string[]
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  items?: Schema
  enum?: unknown[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  format?: string
  maxLength?: number
  [other: string]: unknown
}

/** GitHub writes times as `2026-11-30T06:00:00Z`: UTC, no fraction of a second. */
const GITHUB_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer')
}

function formatProblem(format: string, value: string): string | undefined {
  if (format === 'date-time') {
    return GITHUB_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
      ? undefined
      : `${JSON.stringify(value)} is not a whole-second UTC date-time`
  }
  if (format === 'uri') {
    try {
      new URL(value)
      return undefined
    } catch {
      return `${JSON.stringify(value)} is not a URI`
    }
  }
  if (format === 'email')
    return /^[^@\s]+@[^@\s]+$/.test(value) ? undefined : `${JSON.stringify(value)} is not an email`
  return undefined
}

/** Every way `value` breaks `schema`, each as `path: problem`; empty when it conforms. */
export function schemaProblems(schema: Schema, value: unknown, path = '$'): string[] {
  if (value === null && (schema.nullable === true || schema.enum?.includes(null))) return []
  const problems: string[] = []
  const actual = typeOf(value)
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length && !types.some(t => typeMatches(t, actual))) {
    return [`${path}: expected ${types.join(' | ')}${schema.nullable ? ' or null' : ''}, got ${actual}`]
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`)
  }
  if (typeof value === 'string') {
    const problem = schema.format ? formatProblem(schema.format, value) : undefined
    if (problem) problems.push(`${path}: ${problem}`)
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      problems.push(`${path}: longer than ${schema.maxLength}`)
    }
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (!(key in object)) problems.push(`${path}: missing required ${key}`)
    }
    for (const [key, child] of Object.entries(object)) {
      const property = schema.properties?.[key]
      if (property) problems.push(...schemaProblems(property, child, `${path}.${key}`))
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected property ${key}`)
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...schemaProblems(schema.additionalProperties, child, `${path}.${key}`))
      }
    }
  }
  if (actual === 'array' && schema.items) {
    const items = schema.items
    ;(value as unknown[]).forEach((item, i) => problems.push(...schemaProblems(items, item, `${path}[${i}]`)))
  }
  for (const sub of schema.allOf ?? []) problems.push(...schemaProblems(sub, value, path))
  if (schema.anyOf && !schema.anyOf.some(sub => schemaProblems(sub, value, path).length === 0)) {
    problems.push(`${path}: matches none of anyOf (${alternatives(schema.anyOf, value, path)})`)
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter(sub => schemaProblems(sub, value, path).length === 0).length
    if (matching !== 1) {
      const detail = matching === 0 ? alternatives(schema.oneOf, value, path) : `${matching} match`
      problems.push(`${path}: must match exactly one of oneOf (${detail})`)
    }
  }
  return problems
}

/** The first problem of each alternative, so a failed anyOf/oneOf says what was wrong with each branch. */
function alternatives(subs: Schema[], value: unknown, path: string): string {
  return subs.map((sub, i) => `#${i}: ${schemaProblems(sub, value, path)[0] ?? 'ok'}`).join('; ')
}
