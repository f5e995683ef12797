import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici'

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
}

const GateOctokit = Octokit.plugin(retry, throttling)
export type GitHubClient = InstanceType<typeof GateOctokit>

const DEFAULT_RETRIES = 2
const DEFAULT_RATE_LIMIT_RETRIES = 2
/** Past this the action reports instead of stalling: a primary limit can take up to an hour to reset. */
const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60
/** Rate limits are handled by the throttling plugin, so the retry plugin leaves 429 alone too. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

const silent: GitHubLog = { debug: () => undefined, warn: () => undefined }
let clientCount = 0

function proxyAwareDispatcher(): Dispatcher {
  const env = process.env
  const proxied = env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY
  // Without a proxy variable both behave alike; the plain agent avoids undici's experimental-API warning.
  return proxied ? new EnvHttpProxyAgent() : new Agent()
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
      fetch: (url: string, init: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher })
    },
    retry: { retries: options.retries ?? DEFAULT_RETRIES, doNotRetry: DO_NOT_RETRY },
    throttle: {
      // Write spacing is per client: clients in one process do not queue behind each other.
      id: `avido-test-gate-${++clientCount}`,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary')
    }
  })
}
