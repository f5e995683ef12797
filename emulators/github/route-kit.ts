import { paginate } from './pagination.js'
import type { GitHubStore } from './store.js'
import type { GitHubRoute, GitHubUser, WriteScope } from './types.js'

export interface RouteRequest {
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  /** Who the token belongs to. */
  identity: GitHubUser
  /** Absolute URL of the request path (prefix included, no query), for `Link` headers. */
  absolutePath: string
}

export interface RouteResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface RouteDefinition {
  route: GitHubRoute
  /** The permission a write needs; a token with only read access to it is refused. Undefined for reads. */
  scope?: WriteScope
  docs: string
  handle(req: RouteRequest, store: GitHubStore): RouteResponse
}

export const DOCS = 'https://docs.github.com/rest'

export function errorBody(message: string, status: number, docs: string, extra: object = {}): object {
  return { message, ...extra, documentation_url: docs, status: String(status) }
}

export function notFound(docs: string): RouteResponse {
  return { status: 404, body: errorBody('Not Found', 404, docs) }
}

export function forbidden(message: string, docs: string): RouteResponse {
  return { status: 403, body: errorBody(message, 403, docs) }
}

export function unprocessable(message: string, docs: string, errors?: object[]): RouteResponse {
  return { status: 422, body: errorBody(message, 422, docs, errors ? { errors } : {}) }
}

export function validationFailed(docs: string, errors: object[]): RouteResponse {
  return unprocessable('Validation Failed', docs, errors)
}

export function paged(items: unknown[], req: RouteRequest): RouteResponse {
  const page = paginate(items, req.query, req.absolutePath)
  return { status: 200, body: page.items, headers: page.link ? { link: page.link } : {} }
}

export function bodyField(body: unknown, field: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined
}
