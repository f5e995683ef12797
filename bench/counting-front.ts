import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PageRead {
  skip: number
  start: number
  end: number
}

export interface CountingFront {
  url: string
  /** Every `GET /v0/tests` with `limit=100`, with when it came in and when its answer was sent. */
  pages: PageRead[]
  /** The most page requests that were open at one instant. */
  maxInFlight(): number
  close(): Promise<void>
}

/**
 * A loopback pass-through in front of the Avido emulator that sees how many page reads overlap. Pages are
 * held back `latencyMs` (a network's round trip), or loopback answers them before the next one is sent.
 */
export async function startCountingFront(targetUrl: string, latencyMs = 20): Promise<CountingFront> {
  const target = new URL(targetUrl)
  const pages: PageRead[] = []
  let inFlight = 0
  let peak = 0
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front')
    const isPage = url.pathname === '/v0/tests' && url.searchParams.get('limit') === '100'
    const read: PageRead = { skip: Number(url.searchParams.get('skip') ?? 0), start: Date.now(), end: 0 }
    if (isPage) peak = Math.max(peak, ++inFlight)
    const pass = () => {
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          answer.on('end', () => {
            if (!isPage) return
            inFlight--
            read.end = Date.now()
            pages.push(read)
          })
        }
      )
      req.pipe(upstream)
    }
    if (isPage) setTimeout(pass, latencyMs)
    else pass()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    maxInFlight: () => peak,
    close: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }
}
