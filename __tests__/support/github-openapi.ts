import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Schema } from './json-schema.js'

// GitHub's published OpenAPI description (the @octokit/openapi package, dereferenced: no $ref to follow).

const DESCRIPTION = fileURLToPath(
  new URL('../../node_modules/@octokit/openapi/generated/api.github.com.deref.json', import.meta.url)
)

export interface OperationSchemas {
  operationId: string
  /** Response body schemas by status code, for the JSON answers the description documents. */
  responses: Record<string, Schema>
  /** The request body schema, when the operation takes one. */
  requestBody?: Schema
}

interface Operation {
  operationId: string
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}

/**
 * Reads the description once (some 70 MB) and keeps only the operations asked for, keyed as given
 * (`METHOD /path`, GitHub's notation). Throws for an operation the description does not have.
 */
export function loadGitHubOperations(routes: readonly string[]): Record<string, OperationSchemas> {
  const description = JSON.parse(readFileSync(DESCRIPTION, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>
  }
  const out: Record<string, OperationSchemas> = {}
  for (const route of routes) {
    const [method = '', path = ''] = route.split(' ')
    const operation = description.paths[path]?.[method.toLowerCase()]
    if (!operation) throw new Error(`GitHub's OpenAPI description has no operation ${route}`)
    const responses: Record<string, Schema> = {}
    for (const [code, response] of Object.entries(operation.responses)) {
      const schema = response.content?.['application/json']?.schema
      if (schema) responses[code] = schema
    }
    const requestBody = operation.requestBody?.content?.['application/json']?.schema
    out[route] = { operationId: operation.operationId, responses, ...(requestBody ? { requestBody } : {}) }
  }
  return out
}
