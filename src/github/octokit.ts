import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import Bottleneck from 'bottleneck/light.js'
import { fetch as undiciFetch } from 'undici'
import { proxyAwareDispatcher } from '../proxy.js'

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
}

const GateOctokit = Octokit.plugin(retry, throttling)
export type GitHubClient = InstanceType<typeof GateOctokit>

const DEFAULT_RETRIES = 2
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const DEFAULT_RATE_LIMIT_RETRIES = 2
/** Past this the action reports instead of stalling: a primary limit can take up to an hour to reset. */
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60
/** Rate limits are handled by the throttling plugin, so the retry plugin leaves 429 alone too. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

const silent: GitHubLog = { debug: () => undefined, warn: () => undefined }
let clientCount = 0

/**
 * Aborts after `ms` with an `AbortError`, which Octokit passes on as it is, without a retry: a write that
 * timed out may still have landed, and repeating it could post a second comment.
 */
function timeoutSignal(ms: number, outer: unknown): AbortSignal {
  const controller = new AbortController()
  const reason = new DOMException(`GitHub did not answer within ${ms / 1000} s`, 'AbortError')
  setTimeout(() => controller.abort(reason), ms).unref()
  return outer instanceof AbortSignal ? AbortSignal.any([outer, controller.signal]) : controller.signal
}

/**
 * An Octokit for GITHUB_API_URL that waits out rate limits a bounded number of times, retries transient
 * failures, and goes through HTTPS_PROXY / HTTP_PROXY (minus NO_PROXY) like the runner's own tools.
 */
export function createOctokit(options: GitHubClientOptions): GitHubClient {
  const log = options.log ?? silent
  const maxRetries = options.rateLimit?.maxRetries ?? DEFAULT_RATE_LIMIT_RETRIES
  const maxWait = options.rateLimit?.maxWaitSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS
  const dispatcher = proxyAwareDispatcher()
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const what = `${request.method} ${request.url}`
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
      fetch: (url: string, init: Record<string, unknown>) =>
        undiciFetch(url, { ...init, dispatcher, signal: timeoutSignal(timeoutMs, init.signal) })
    },
    retry: { retries: options.retries ?? DEFAULT_RETRIES, doNotRetry: DO_NOT_RETRY },
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
