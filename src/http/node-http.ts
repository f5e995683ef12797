import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Readable } from 'node:stream'

/** One request as the clients send it: the body, when there is one, is already text. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface HttpRequest {
  origin: string
  path: string
  method: HttpMethod
  headers: Record<string, string>
  body?: string
  signal?: AbortSignal
}

/** The answer: lower-case header names, and the body as a stream not yet read. */
export interface HttpResponse {
  statusCode: number
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>
  body: Readable
}

/** What the clients need of a connection pool; undici's dispatchers have the same two calls. */
export interface HttpSender {
  request(request: HttpRequest): Promise<HttpResponse>
  close(): Promise<void>
}

/**
 * Requests over Node's own `http` and `https`, with keep-alive pools. Node loads these in a few
 * milliseconds from its code cache, where undici (in the bundle, or behind the global `fetch`) takes tens.
 * An aborted request fails with the signal's reason; a request that could not be made fails with Node's
 * error, whose `code` (ECONNREFUSED, ECONNRESET…) says what happened.
 */
export class NodeHttpSender implements HttpSender {
  private readonly httpAgent = new HttpAgent({ keepAlive: true })
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true })
  private closed = false
  private readonly inFlight = new Set<Promise<unknown>>()

  request(request: HttpRequest): Promise<HttpResponse> {
    if (this.closed) return Promise.reject(new Error('The HTTP client is closed'))
    const sent = this.send(request)
    const settled = sent.catch(() => undefined)
    this.inFlight.add(settled)
    void settled.then(() => this.inFlight.delete(settled))
    return sent
  }

  /** Refuses new requests, waits for those sent to be answered, then closes every connection. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.inFlight)
    this.httpAgent.destroy()
    this.httpsAgent.destroy()
  }

  private send({ origin, path, method, headers, body, signal }: HttpRequest): Promise<HttpResponse> {
    const url = new URL(path, origin)
    const secure = url.protocol === 'https:'
    if (!secure && url.protocol !== 'http:')
      return Promise.reject(new TypeError(`Unsupported URL ${url.origin}`))
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise((resolve, reject) => {
      const sent =
        body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        { method, headers: sent, agent: secure ? this.httpsAgent : this.httpAgent },
        response => {
          // From here the body carries the failure: an abort while it is read ends it with the signal's reason.
          signal?.removeEventListener('abort', onAbort)
          const abortBody = () => response.destroy(signal?.reason)
          signal?.addEventListener('abort', abortBody, { once: true })
          response.once('close', () => signal?.removeEventListener('abort', abortBody))
          resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: response })
        }
      )
      const onAbort = () => request.destroy(signal?.reason)
      signal?.addEventListener('abort', onAbort, { once: true })
      // `on`, not `once`: Node may report a socket's failure on the request again after the answer.
      request.on('error', error => {
        signal?.removeEventListener('abort', onAbort)
        reject(error)
      })
      request.end(body)
    })
  }
}
