import { oneLine } from '../shared/text.js'

export type AvidoErrorKind = 'http' | 'network' | 'timeout' | 'schema' | 'too-large' | 'deadline'

export interface AvidoApiErrorInit {
  kind: AvidoErrorKind
  method: string
  /** Path without the query string. */
  path: string
  /** What went wrong, completing "Avido GET /v0/tests …". */
  detail: string
  status?: number
  avidoMessage?: string
}

/**
 * A failed Avido call. `message` is one sentence for a person, starting with the method and path, e.g.
 * `Avido GET /v0/tests answered 401: Invalid API key`. Neither the message nor any property carries the
 * API key or request headers.
 */
export class AvidoApiError extends Error {
  readonly method: string
  readonly path: string
  // Declared only, so that an absent value is no own property at all.
  declare readonly status?: number
  declare readonly avidoMessage?: string
  readonly kind: AvidoErrorKind

  constructor(init: AvidoApiErrorInit) {
    super(`Avido ${init.method} ${init.path} ${init.detail}`)
    this.name = 'AvidoApiError'
    this.method = init.method
    this.path = init.path
    this.kind = init.kind
    if (init.status !== undefined) this.status = init.status
    if (init.avidoMessage !== undefined) this.avidoMessage = init.avidoMessage
  }
}

/** A request the client refuses to send because its parameters or body break the documented rules. */
export class AvidoRequestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AvidoRequestError'
  }
}

const MAX_AVIDO_MESSAGE = 300

/** Text from the server is untrusted: one line, no control characters, bounded length. */
export function cleanServerText(text: string, max = MAX_AVIDO_MESSAGE): string {
  return oneLine(text, max)
}

export function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`
}
