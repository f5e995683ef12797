import { UUID_PATTERN } from './validation.js'

// Seeding mistakes are programming errors in a test: they throw at once rather than serve odd data.

export function checkId(kind: string, id: string): string {
  if (!UUID_PATTERN.test(id)) throw new Error(`${kind} id must be a UUID: ${id}`)
  return id.toLowerCase()
}

export function checkEnum<T extends string>(kind: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`Unknown ${kind}: ${value}`)
  return value as T
}
