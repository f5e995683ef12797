import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { requestLog } from '@octokit/plugin-request-log'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { proxyAwareFetch } from '../http/load.js'
import { gateRestEndpoints } from './rest-endpoints.js'
import { deadlineRetry, MIN_ATTEMPT_MS } from './retry.js'

export interface GitHubLog {
  debug(message: string): void
  warn(message: string): void
}

export interface GitHubClientOptions {
  token: string
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string
  userAgent?: string
  log?: GitHubLog
  /** Retries of 5xx answers and network errors (default 2). */
  retries?: number
  /** Rate-limit handling: how many times to wait and retry (default 2), and the longest single wait. */
  rateLimit?: { maxRetries?: number; maxWaitSeconds?: number }
  /** Longest wait for one answer (default 30 s); a request that takes longer fails and is not retried. */
  requestTimeoutMs?: number
  /**
   * When every GitHub call must be over (epoch ms; default none), read before each attempt, so it may move.
   * No retry or rate-limit wait ends past it, each request's timeout is cut to the time left, and a call
   * made once it has passed fails at once without being sent.
   */
  deadline?: () => number
}

// What @octokit/rest adds to Octokit's core (request logging, `rest` methods, pagination), with only the
// methods the gate calls; then the gate's retries and rate-limit handling.
const GateOctokit = Octokit.plugin(requestLog, gateRestEndpoints, paginateRest).plugin(
  deadlineRetry,
  throttling
)
export type GitHubClient = InstanceType<typeof GateOctokit>

const DEFAULT_RETRIES = 2
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const DEFAULT_RATE_LIMIT_RETRIES = 2
/** Past this the action reports instead of stalling: a primary limit can take up to an hour to reset. */
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60
const NO_DEADLINE = () => Number.POSITIVE_INFINITY

const silent: GitHubLog = { debug: () => undefined, warn: () => undefined }
let clientCount = 0

/**
 * Aborts after `ms`, or at the deadline if that comes first, with an `AbortError`, which Octokit passes on as
 * it is, without a retry: a write that timed out may still have landed, and repeating it could post a second
 * comment.
 */
function timeoutSignal(ms: number, deadline: number, outer: unknown): AbortSignal {
  const controller = new AbortController()
  const left = deadline - Date.now()
  const reason =
    left < ms
      ? abortError(`GitHub did not answer within the ${seconds(left)} s left of the time allowed`)
      : abortError(`GitHub did not answer within ${seconds(ms)} s`)
  setTimeout(() => controller.abort(reason), Math.min(ms, left)).unref()
  return outer instanceof AbortSignal ? AbortSignal.any([outer, controller.signal]) : controller.signal
}

/** An Error rather than a DOMException, which Octokit would not recognise when it comes from another realm. */
function abortError(message: string): Error {
  return Object.assign(new Error(message), { name: 'AbortError' })
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}

/**
 * An Octokit for GITHUB_API_URL that waits out rate limits a bounded number of times, retries transient
 * failures, and goes through HTTPS_PROXY / HTTP_PROXY (minus NO_PROXY) like the runner's own tools.
 */
export function createOctokit(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? silent
  const maxRetries = options.rateLimit?.maxRetries ?? DEFAULT_RATE_LIMIT_RETRIES
  const maxWait = options.rateLimit?.maxWaitSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS
  const send = proxyAwareFetch()
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const deadline = options.deadline ?? NO_DEADLINE

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const what = `${request.method} ${request.url}`
      if (Date.now() + retryAfter * 1000 + MIN_ATTEMPT_MS > deadline()) {
        log.warn(
          `GitHub ${kind} rate limit on ${what}; a wait of ${retryAfter}s would end past the time allowed, giving up.`
        )
        return false
      }
      if (retryCount < maxRetries && retryAfter <= maxWait) {
        log.warn(
          `GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s (${retryCount + 1}/${maxRetries}).`
        )
        return true
      }
      log.warn(`GitHub ${kind} rate limit on ${what}; not waiting ${retryAfter}s more, giving up.`)
      return false
    }

  return new GateOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'avido-test-gate',
    // Failed requests are logged at debug level: callers decide what a failure means and report it once.
    log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.debug },
    request: {
      fetch: async (url: string, init: Record<string, unknown>) => {
        const end = deadline()
        if (Date.now() >= end) throw abortError('No time left for GitHub calls: the time allowed is over')
        return send(url, { ...init, signal: timeoutSignal(timeoutMs, end, init.signal) })
      }
    },
    gateRetry: {
      retries: options.retries ?? DEFAULT_RETRIES,
      deadline,
      maxWaitMs: maxWait * 1000,
      debug: log.debug
    },
    throttle: {
      // Write spacing is per client: clients in one process do not queue behind each other.
      id: `avido-test-gate-${++clientCount}`,
      // Octokit spaces writes 1 s apart (3 s for those that notify). The gate makes a few writes, one after
      // another, so the spacing would only delay its result; rate-limit answers are still waited out.
      write: new Bottleneck.Group({ minTime: 0 }),
      notifications: new Bottleneck.Group({ minTime: 0 }),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary')
    }
  })
}
