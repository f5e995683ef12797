import type { Octokit, OctokitOptions } from '@octokit/core'
import { setTimeout as sleep } from 'node:timers/promises'
import { serverWaitMs, type HeaderSource } from '../shared/retry-after.js'

/** Answers worth no retry: refusals, and rate limits, which the throttling plugin waits out. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

/** A retry that would leave less than this to be answered before the deadline is not sent. */
export const MIN_ATTEMPT_MS = 500

export interface RetryPolicy {
  /** Retries of 5xx answers and network errors after the first attempt. */
  retries: number
  /** Epoch ms after which no retry starts; read before each one, so the caller may move it. */
  deadline: () => number
  /** Longest Retry-After waited for. */
  maxWaitMs: number
  debug: (message: string) => void
}

interface FailedRequest {
  status: number
  response?: { headers?: HeaderSource }
}

/** Octokit's RequestError (network errors come as status 500); an AbortError (a timeout) is not one. */
function asFailedRequest(error: unknown): FailedRequest | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const e = error as Partial<FailedRequest> & { name?: unknown }
  return e.name === 'HttpError' && typeof e.status === 'number' ? (e as FailedRequest) : undefined
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason?: string }

/**
 * Whether to send failed attempt `attempt` (0 for the first) again, and after how long: 5xx answers and
 * network errors, after 1 s, 4 s, 9 s… or the Retry-After GitHub asks for; never so late that the retry
 * would start past the deadline (less `MIN_ATTEMPT_MS` to be answered in).
 */
export function retryDecision(
  error: unknown,
  attempt: number,
  policy: Omit<RetryPolicy, 'debug'>,
  now: number
): RetryDecision {
  const failed = asFailedRequest(error)
  if (!failed || failed.status < 400 || DO_NOT_RETRY.includes(failed.status)) return { retry: false }
  if (attempt >= policy.retries) return { retry: false, reason: `no retries left (${policy.retries})` }
  const asked = serverWaitMs(failed.response?.headers, now)
  if (asked !== undefined && asked > policy.maxWaitMs) {
    return { retry: false, reason: `not waiting the ${Math.ceil(asked / 1000)} s GitHub asks for` }
  }
  const delayMs = asked !== undefined && asked > 0 ? asked : (attempt + 1) ** 2 * 1000
  if (now + delayMs + MIN_ATTEMPT_MS > policy.deadline()) {
    return {
      retry: false,
      reason: `a retry in ${Math.ceil(delayMs / 1000)} s would end past the time allowed`
    }
  }
  return { retry: true, delayMs }
}

/**
 * An Octokit plugin retrying failed requests within a deadline; it takes the place of @octokit/plugin-retry,
 * which schedules its retries whatever the time left. Options: `{ gateRetry: RetryPolicy }`.
 */
export function deadlineRetry(octokit: Octokit, options: OctokitOptions): void {
  const policy = options.gateRetry as RetryPolicy | undefined
  if (!policy) return
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const what = `${requestOptions.method} ${requestOptions.url}`
    // A call may lower its retries, e.g. `request: { retries: 0 }` for a create that must not happen twice.
    const own = (requestOptions.request as { retries?: unknown } | undefined)?.retries
    const retries = typeof own === 'number' ? Math.min(own, policy.retries) : policy.retries
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions)
      } catch (error) {
        const decision = retryDecision(error, attempt, { ...policy, retries }, Date.now())
        if (!decision.retry) {
          if (decision.reason) policy.debug(`GitHub ${what} failed; ${decision.reason}.`)
          throw error
        }
        policy.debug(`GitHub ${what} failed; retrying in ${decision.delayMs} ms (${attempt + 1}/${retries}).`)
        await sleep(decision.delayMs)
      }
    }
  })
}
