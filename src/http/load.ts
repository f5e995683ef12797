import type { Dispatcher } from 'undici'
import { fetchOver, type FetchFunction } from './fetch.js'
import { NodeHttpSender, type HttpRequest, type HttpResponse, type HttpSender } from './node-http.js'
import { proxyIsSet } from './proxy-env.js'
import type * as UndiciModule from './undici.js'

let loading: Promise<typeof UndiciModule> | undefined

/**
 * undici, loaded only when a proxy is set: Node's own `http` does not read HTTPS_PROXY / HTTP_PROXY. The
 * memory flags go first, since they only apply to an HTTP parser compiled after them.
 */
function loadUndici(): Promise<typeof UndiciModule> {
  loading ??= import('../v8-memory.js').then(() => import('./undici.js'))
  return loading
}

/** undici's pool through the proxy (minus NO_PROXY), made on the first request. */
class ProxiedSender implements HttpSender {
  private dispatcher: Promise<Dispatcher> | undefined
  private closed = false

  async request(request: HttpRequest): Promise<HttpResponse> {
    if (this.closed) throw new Error('The HTTP client is closed')
    this.dispatcher ??= loadUndici().then(undici => undici.proxiedDispatcher())
    const dispatcher = await this.dispatcher
    return (await dispatcher.request(request)) as HttpResponse
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.dispatcher) await (await this.dispatcher).close()
  }
}

/** A connection pool: Node's own `http`/`https`, or undici when HTTPS_PROXY / HTTP_PROXY names a proxy. */
export function proxyAwareSender(env: NodeJS.ProcessEnv = process.env): HttpSender {
  return proxyIsSet(env) ? new ProxiedSender() : new NodeHttpSender()
}

/** `fetch` for Octokit over the same kind of pool. */
export function proxyAwareFetch(env: NodeJS.ProcessEnv = process.env): FetchFunction {
  return fetchOver(proxyAwareSender(env))
}
