import type { Dispatcher } from 'undici'
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js'
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js'
import api from 'undici/lib/api/index.js'

// The parts of undici the gate uses behind a proxy, loaded without the rest: undici's index also loads its
// fetch, WebSocket, EventSource, cache, cookie and mock parts, which take time to compile and are never used.

// As undici's index does: `dispatcher.request()` and the other calls come from its api part.
Object.assign(DispatcherClass.prototype, api)

/** Goes through HTTPS_PROXY / HTTP_PROXY, minus the hosts NO_PROXY lists, as the runner's own tools do. */
export function proxiedDispatcher(): Dispatcher {
  return withoutExperimentalNotice(() => new EnvHttpProxyAgent())
}

/** undici calls EnvHttpProxyAgent experimental on stderr, which reads as a problem in the step's log. */
function withoutExperimentalNotice<T>(make: () => T): T {
  const emitWarning = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0]
    if (
      typeof options === 'object' &&
      options !== null &&
      'code' in options &&
      options.code === 'UNDICI-EHPA'
    )
      return
    ;(emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    return make()
  } finally {
    process.emitWarning = emitWarning
  }
}
