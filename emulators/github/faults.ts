import type { Fault, GitHubRoute } from './types.js'

interface ArmedFault {
  route: GitHubRoute | '*'
  fault: Fault
  remaining: number
}

/** Faults armed per route, each answering the next `times` matching requests. */
export class FaultBoard {
  private armed: ArmedFault[] = []

  inject(route: GitHubRoute | '*', fault: Fault, options: { times?: number } = {}): void {
    this.armed.push({ route, fault, remaining: options.times ?? 1 })
  }

  clear(): void {
    this.armed = []
  }

  /** Takes the first armed fault for this route (or for every route), spending one of its uses. */
  take(route: GitHubRoute | undefined): Fault | undefined {
    const entry = this.armed.find(a => a.remaining > 0 && (a.route === '*' || a.route === route))
    if (!entry) return undefined
    entry.remaining -= 1
    this.armed = this.armed.filter(a => a.remaining > 0)
    return entry.fault
  }
}

const RATE_LIMIT_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'

/** GitHub's secondary (abuse) rate limit answer: 403 with `retry-after`. */
export function secondaryRateLimit(retryAfterSeconds = 1): Fault {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
      documentation_url: RATE_LIMIT_DOCS,
      status: '403'
    }
  }
}

/** GitHub's primary rate limit answer: no requests left until `x-ratelimit-reset` (epoch seconds). */
export function primaryRateLimit(options: { status?: 403 | 429; resetInSeconds?: number } = {}): Fault {
  const status = options.status ?? 403
  const reset = Math.ceil(Date.now() / 1000) + (options.resetInSeconds ?? 1)
  return {
    status,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core'
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
      status: String(status)
    }
  }
}

/**
 * GitHub unavailable, as during an outage: 503, asking for a wait of `retryAfterSeconds` when given.
 * Inject it on `'*'` with `times: Infinity` for an outage of every route.
 */
export function serviceUnavailable(options: { retryAfterSeconds?: number } = {}): Fault {
  const { retryAfterSeconds } = options
  return {
    status: 503,
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'Service Unavailable', status: '503' }
  }
}
