import { STATUS_CODES } from 'node:http'
import type { HttpMethod, HttpResponse, HttpSender } from './node-http.js'

export type FetchFunction = (url: string, init: Record<string, unknown>) => Promise<Response>

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** As fetch: past this many redirects a request fails. */
const MAX_REDIRECTS = 20
/** Answers without a body, which are drained at once so their connection goes back to the pool. */
const NO_BODY_STATUSES = new Set([204, 205, 304])

/**
 * `fetch` as Octokit calls it (a text body, headers as a record, a signal), sent by `sender`. It follows
 * redirects as fetch does (a 303, or a 301/302 after a POST, becomes a GET; the authorization header is not
 * sent to another origin), and fails as fetch does: with the signal's reason when aborted, otherwise with a
 * `TypeError` whose cause is the network error.
 */
export function fetchOver(sender: HttpSender): FetchFunction {
  return async (input, init) => {
    const signal = init.signal instanceof AbortSignal ? init.signal : undefined
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string')
      throw new TypeError('Only text request bodies are supported')
    let body = (init.body ?? undefined) as string | undefined
    let method = (typeof init.method === 'string' ? init.method.toUpperCase() : 'GET') as HttpMethod
    let headers = { ...(init.headers as Record<string, string> | undefined) }
    let url = new URL(input)
    for (let redirects = 0; ; redirects++) {
      let response: HttpResponse
      try {
        const path = url.pathname + url.search
        response = await sender.request({ origin: url.origin, path, method, headers, body, signal })
      } catch (error) {
        if (signal?.aborted) throw signal.reason
        throw new TypeError('fetch failed', { cause: error })
      }
      const location = headerText(response.headers.location)
      if (!REDIRECT_STATUSES.has(response.statusCode) || !location || init.redirect === 'manual')
        return answer(response, url.href, method, signal)

      response.body.resume()
      if (init.redirect === 'error' || redirects >= MAX_REDIRECTS)
        throw new TypeError('fetch failed', { cause: new Error(`Too many redirects from ${url.href}`) })
      const next = new URL(location, url)
      const toGet =
        (response.statusCode === 303 && method !== 'GET' && method !== 'HEAD') ||
        ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')
      if (toGet) {
        method = 'GET'
        body = undefined
        headers = without(headers, ['content-type', 'content-length'])
      }
      if (next.origin !== url.origin) headers = without(headers, ['authorization', 'cookie'])
      url = next
    }
  }
}

function without(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())))
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** The part of a fetch `Response` that Octokit reads. */
function answer(response: HttpResponse, url: string, method: string, signal?: AbortSignal): Response {
  const { statusCode: status, body } = response
  if (NO_BODY_STATUSES.has(status) || method === 'HEAD') body.resume()
  const entries = Object.entries(response.headers)
    .flatMap(([name, value]): [string, string][] => {
      if (value === undefined) return []
      if (!Array.isArray(value)) return [[name, value]]
      return name === 'set-cookie' ? value.map(one => [name, one]) : [[name, value.join(', ')]]
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const headers = {
    get: (name: string) => {
      const wanted = name.toLowerCase()
      const values = entries.filter(([key]) => key === wanted).map(([, value]) => value)
      return values.length ? values.join(', ') : null
    },
    [Symbol.iterator]: () => entries[Symbol.iterator]()
  }
  let read = false
  const bytes = async (): Promise<Buffer> => {
    if (read) throw new TypeError('Body is unusable: Body has already been read')
    read = true
    const chunks: Buffer[] = []
    try {
      for await (const chunk of body) chunks.push(chunk as Buffer)
    } catch (error) {
      throw signal?.aborted ? signal.reason : new TypeError('terminated', { cause: error })
    }
    return Buffer.concat(chunks)
  }
  const text = async () => (await bytes()).toString('utf8')
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers,
    body,
    text,
    json: async () => JSON.parse(await text()) as unknown,
    arrayBuffer: async () => {
      const buffer = await bytes()
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
    }
  } as unknown as Response
}
