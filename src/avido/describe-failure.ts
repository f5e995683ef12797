// Short human descriptions of what went wrong on the wire or in a response's shape.

import { STATUS_CODES } from 'node:http'
import type { z } from 'zod'
import { cleanServerText } from './errors.js'

const SHOWN_ISSUES = 3

/** `answered 503 Service Unavailable` or, when Avido said why, `answered 401: Invalid API key`. */
export function statusText(status: number, avidoMessage: string | undefined): string {
  if (avidoMessage) return `answered ${status}: ${avidoMessage}`
  const reason = STATUS_CODES[status]
  return reason ? `answered ${status} ${reason}` : `answered ${status}`
}

/** The first issues as `path: problem`, e.g. `data[3].status: expected one of PENDING|…`. */
export function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map(issue => `${pathText(issue.path)}: ${problemText(issue)}`)
  const more = issues.length - shown.length
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ')
}

export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key
    else text += `[${JSON.stringify(cleanServerText(String(key), 40))}]`
  }
  return text
}

function problemText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(value => String(value)).join('|')}`
    case 'invalid_type':
      return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}`
    default:
      return cleanServerText(issue.message, 120)
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host'
}

/** Connect-stage failures: the request never reached the server, so even a POST may be sent again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** Error codes of an error and its causes, outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

export function networkErrorText(error: unknown): string {
  const codes = errorCodes(error)
  // The innermost system code (ECONNRESET) says more than undici's wrapper (UND_ERR_SOCKET).
  for (const code of [...codes].reverse()) {
    const text = NETWORK_CODES[code]
    if (text) return text
  }
  const message = error instanceof Error ? error.message : String(error)
  return cleanServerText(message || 'network error', 160)
}

export function wasNeverSent(error: unknown): boolean {
  return errorCodes(error).some(code => NOT_SENT_CODES.has(code))
}
