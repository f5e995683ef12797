// Request validation with Avido's documented patterns. Every rejection is a 400 whose message names the
// parameter or body field, as a strict server would answer.

export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/

export const DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z))$/

export const MAX_SKIP = 9007199254740991

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message)
export const notFound = (message: string): ApiError => new ApiError(404, message)

export type Query = Record<string, string[]>

export function parseQuery(search: URLSearchParams): Query {
  const query: Query = {}
  for (const [key, value] of search) (query[key] ??= []).push(value)
  return query
}

const isUuid = (value: string): boolean => UUID_PATTERN.test(value)
const isDateTime = (value: string): boolean => DATE_TIME_PATTERN.test(value)
const quote = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)

export class QueryReader {
  constructor(private readonly query: Query) {}

  private single(name: string): string | undefined {
    const values = this.query[name]
    if (values === undefined) return undefined
    if (values.length > 1) throw badRequest(`Invalid query parameter ${name}: must be given once`)
    return values[0]
  }

  integer(name: string, min: number, max: number, fallback: number): number {
    const raw = this.single(name)
    if (raw === undefined) return fallback
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw badRequest(
        `Invalid query parameter ${name}: must be an integer from ${min} to ${max}, got ${quote(raw)}`
      )
    }
    return value
  }

  /** Array parameters are accepted comma-joined (`a=x,y`) and as repeated keys (`a=x&a=y`). */
  list(name: string): string[] | undefined {
    const values = this.query[name]
    if (values === undefined) return undefined
    return values.flatMap(value => value.split(','))
  }

  enumList<T extends string>(name: string, allowed: readonly T[], required = false): T[] | undefined {
    const items = this.list(name)
    if (items === undefined || (items.length === 1 && items[0] === '')) {
      if (required)
        throw badRequest(`Missing required query parameter ${name} (any of ${allowed.join(', ')})`)
      if (items === undefined) return undefined
    }
    for (const item of items ?? []) {
      if (!(allowed as readonly string[]).includes(item)) {
        throw badRequest(
          `Invalid query parameter ${name}: ${quote(item)} is not one of ${allowed.join(', ')}`
        )
      }
    }
    return items as T[]
  }

  uuidList(name: string): string[] | undefined {
    const items = this.list(name)
    for (const item of items ?? []) {
      if (!isUuid(item)) throw badRequest(`Invalid query parameter ${name}: ${quote(item)} is not a UUID`)
    }
    return items
  }

  stringList(name: string, maxItems: number): string[] | undefined {
    const items = this.list(name)
    if (items === undefined) return undefined
    if (items.length > maxItems)
      throw badRequest(`Invalid query parameter ${name}: at most ${maxItems} values`)
    if (items.some(item => item === '')) throw badRequest(`Invalid query parameter ${name}: empty value`)
    return items
  }

  dateTime(name: string): number | undefined {
    const raw = this.single(name)
    if (raw === undefined) return undefined
    if (!isDateTime(raw)) {
      throw badRequest(
        `Invalid query parameter ${name}: ${quote(raw)} is not a UTC date-time such as 2024-01-01T00:00:00.000Z`
      )
    }
    return Date.parse(raw)
  }

  enumValue<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.single(name)
    if (raw === undefined) return fallback
    if (!(allowed as readonly string[]).includes(raw)) {
      throw badRequest(`Invalid query parameter ${name}: ${quote(raw)} is not one of ${allowed.join(', ')}`)
    }
    return raw as T
  }
}

export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) throw badRequest('Missing request body: expected a JSON object')
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('Invalid request body: expected a JSON object')
  }
  return body as Record<string, unknown>
}

export class BodyReader {
  constructor(private readonly body: Record<string, unknown>) {}

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.body, name) && this.body[name] !== undefined
  }

  private fail(name: string, problem: string): never {
    throw badRequest(`Invalid body field ${name}: ${problem}`)
  }

  string(name: string, opts: { required?: boolean; nullable?: boolean; min?: number; max?: number } = {}) {
    if (!this.has(name)) {
      if (opts.required) this.fail(name, 'required')
      return undefined
    }
    const value = this.body[name]
    if (value === null) {
      if (opts.nullable) return null
      this.fail(name, 'must be a string, got null')
    }
    if (typeof value !== 'string') this.fail(name, `must be a string, got ${typeof value}`)
    if (opts.min !== undefined && value.length < opts.min)
      this.fail(name, `must be at least ${opts.min} characters`)
    if (opts.max !== undefined && value.length > opts.max)
      this.fail(name, `must be at most ${opts.max} characters`)
    return value
  }

  requiredString(name: string, min = 1): string {
    return this.string(name, { required: true, min }) as string
  }

  enumValue<T extends string>(name: string, allowed: readonly T[], required = false): T | undefined {
    if (!this.has(name)) {
      if (required) this.fail(name, `required (one of ${allowed.join(', ')})`)
      return undefined
    }
    const value = this.body[name]
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(name, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`)
    }
    return value as T
  }

  uuid(name: string, required = false): string | undefined {
    if (!this.has(name)) {
      if (required) this.fail(name, 'required (a UUID)')
      return undefined
    }
    const value = this.body[name]
    if (typeof value !== 'string' || !isUuid(value)) this.fail(name, `${JSON.stringify(value)} is not a UUID`)
    return value
  }

  dateTime(name: string): string | undefined {
    if (!this.has(name)) return undefined
    const value = this.body[name]
    if (typeof value !== 'string' || !isDateTime(value)) {
      this.fail(name, `${JSON.stringify(value)} is not a UTC date-time such as 2024-01-01T00:00:00.000Z`)
    }
    return value
  }

  requiredBoolean(name: string): boolean {
    if (!this.has(name)) this.fail(name, 'required (true or false)')
    const value = this.body[name]
    if (typeof value !== 'boolean') this.fail(name, `must be a boolean, got ${JSON.stringify(value)}`)
    return value
  }

  object(name: string): Record<string, unknown> | undefined {
    if (!this.has(name)) return undefined
    const value = this.body[name]
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(name, 'must be an object')
    return value as Record<string, unknown>
  }

  uuidArray(name: string): string[] {
    const value = this.body[name]
    if (!Array.isArray(value) || value.length === 0) this.fail(name, 'required (a non-empty array of UUIDs)')
    for (const item of value) {
      if (typeof item !== 'string' || !isUuid(item)) this.fail(name, `${JSON.stringify(item)} is not a UUID`)
    }
    return value as string[]
  }
}
