import type { Query } from './validation.js'

export interface RouteRequest {
  params: Record<string, string>
  query: Query
  body: unknown
  /** The emulator clock when the request arrived. */
  now: number
}

export interface RouteResponse {
  status: number
  body?: unknown
}

export interface Route {
  method: 'GET' | 'POST'
  /** e.g. `/v0/tests/:id` */
  pattern: string
  /** List routes answer `{ data, pagination }` and accept the lieTotal / repeatPage / startOver faults. */
  list?: boolean
  handle(request: RouteRequest): RouteResponse
}

export const routeKey = (route: Pick<Route, 'method' | 'pattern'>): string =>
  `${route.method} ${route.pattern}`

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/')
  for (const route of routes) {
    if (route.method !== method) continue
    const pattern = route.pattern.split('/')
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    let matched = true
    for (let i = 0; i < pattern.length; i++) {
      const expected = pattern[i] as string
      const actual = segments[i] as string
      if (expected.startsWith(':')) {
        if (actual === '') matched = false
        else params[expected.slice(1)] = decodeURIComponent(actual)
      } else if (expected !== actual) matched = false
      if (!matched) break
    }
    if (matched) return { route, params }
  }
  return undefined
}
