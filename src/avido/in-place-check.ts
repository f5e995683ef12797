import type { z } from 'zod'

/** Whether a value already has a schema's shape. */
export type InPlaceCheck = (value: unknown) => boolean

/** The parts of a zod schema's definition that the check reads. */
interface Definition {
  type: string
  checks?: unknown[]
  /** A rule on the schema itself (`z.email()`, `z.int()`…); `custom` for z.custom. */
  check?: string
  format?: string
  coerce?: boolean
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  element?: z.ZodType
  innerType?: z.ZodType
  fn?: (value: unknown) => unknown
}

const compiled = new WeakMap<z.ZodType, InPlaceCheck | null>()

/**
 * A check that tells whether a value parsed from JSON already has the shape `schema` describes, reading it
 * where it lies: zod's parse builds a copy of every object and array it accepts, which for a page of 100
 * tests is as much garbage again as the page. A value that passes is the parse's result but for the unknown
 * fields it keeps (zod would strip them). Null when the schema uses something beyond plain shapes (refinements,
 * transforms, defaults, coercion, unions…): zod's parse is the only judge then. Either way, a value that does
 * not pass goes to zod, which names what is wrong.
 */
export function inPlaceCheck(schema: z.ZodType): InPlaceCheck | null {
  let check = compiled.get(schema)
  if (check === undefined) compiled.set(schema, (check = compile(schema)))
  return check
}

function compile(schema: z.ZodType): InPlaceCheck | null {
  const def = schema._zod.def as unknown as Definition
  if ((def.checks?.length ?? 0) > 0 || def.coerce || def.format !== undefined) return null
  if (def.check !== undefined && def.type !== 'custom') return null
  switch (def.type) {
    case 'string':
      return value => typeof value === 'string'
    case 'number':
      return value => typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return value => typeof value === 'boolean'
    case 'unknown':
    case 'any':
      return () => true
    case 'enum':
    case 'literal': {
      // The values zod accepts (a TypeScript enum's reverse mappings left out).
      const values = schema._zod.values
      return values ? value => values.has(value as never) : null
    }
    case 'custom': {
      const fn = def.fn
      return fn ? value => Boolean(fn(value)) : null
    }
    case 'optional':
      return orElse(def.innerType, value => value === undefined)
    case 'nullable':
      return orElse(def.innerType, value => value === null)
    case 'array':
      return arrayCheck(def.element)
    case 'object':
      return objectCheck(def)
    default:
      return null
  }
}

function orElse(inner: z.ZodType | undefined, also: InPlaceCheck): InPlaceCheck | null {
  const check = inner && inPlaceCheck(inner)
  return check ? value => also(value) || check(value) : null
}

function arrayCheck(element: z.ZodType | undefined): InPlaceCheck | null {
  const check = element && inPlaceCheck(element)
  if (!check) return null
  return value => {
    if (!Array.isArray(value)) return false
    for (const item of value) if (!check(item)) return false
    return true
  }
}

function objectCheck(def: Definition): InPlaceCheck | null {
  // Unknown keys pass (zod strips them) or are any value; a strict object's are refused, so zod decides.
  if (def.catchall && (def.catchall._zod.def as Definition).type !== 'unknown') return null
  const fields: [key: string, check: InPlaceCheck, optional: boolean][] = []
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = inPlaceCheck(field)
    if (!check) return null
    fields.push([key, check, field._zod.optin === 'optional'])
  }
  return value => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
    const record = value as Record<string, unknown>
    for (const [key, check, optional] of fields) {
      // A key left out passes only where zod lets it: even `unknown` wants its key unless optional.
      if (!Object.hasOwn(record, key)) {
        if (!optional) return false
      } else if (!check(record[key])) return false
    }
    return true
  }
}
