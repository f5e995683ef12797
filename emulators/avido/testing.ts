// A tiny fetch wrapper for tests that talk to the emulator over HTTP.

export const TEST_HEADERS: Readonly<Record<string, string>> = {
  'x-api-key': 'test-key',
  'x-application-id': 'test-app'
}

export interface CallResult {
  status: number
  headers: Headers
  text: string
  /** The parsed body (undefined when empty or not JSON); loosely typed so tests can read fields directly. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export interface CallOptions {
  /** A value is sent as JSON; a string is sent as is. */
  body?: unknown
  /** Replaces TEST_HEADERS. */
  headers?: Record<string, string>
  signal?: AbortSignal
}

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? TEST_HEADERS) }
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['content-type'] = 'application/json'
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body, signal: options.signal })
  const text = await response.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json } as CallResult
}

/** GET /v0/tests with every badge unless the query says otherwise. */
export function listTestsPath(query = ''): string {
  const base = 'passRateStatuses=success,warning,error'
  if (query.includes('passRateStatuses')) return `/v0/tests?${query}`
  return `/v0/tests?${base}${query === '' ? '' : `&${query}`}`
}
