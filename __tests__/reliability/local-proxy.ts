import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { connect, type AddressInfo, type Server as NetServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Loopback stand-ins for a corporate network: a forward proxy (CONNECT tunnels and absolute-form requests)
// and an HTTPS front for an emulator under a host name that does not resolve, so only the proxy reaches it.

export interface LocalProxy {
  url: string
  /** What each client asked for: `CONNECT host:port`, or `GET http://host:port/path`. */
  seen: string[]
  close(): Promise<void>
}

/** `routes` maps a `host:port` that clients ask for to the `host:port` really connected to. */
export async function startProxy(routes: Record<string, string> = {}): Promise<LocalProxy> {
  const seen: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const target = new URL(req.url ?? '')
    const [host, port] = (routes[target.host] ?? target.host).split(':')
    const upstream = request(
      { host, port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`)
    const [host, port] = (routes[req.url ?? ''] ?? req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => undefined).on('close', () => sockets.delete(socket))
    }
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
  })
  await listen(server)
  return {
    url: `http://127.0.0.1:${port(server)}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

export interface TlsFront {
  /** `host:port` the front listens on (loopback). */
  address: string
  /** The self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string
  close(): Promise<void>
}

/** An HTTPS server with a certificate for `hostName` that passes every request on to `targetUrl`. */
export async function startTlsFront(hostName: string, targetUrl: string): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'avido-gate-tls-'))
  const [keyFile, caFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1'
    ].concat([
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-subj',
      `/CN=${hostName}`,
      '-addext',
      `subjectAltName=DNS:${hostName}`
    ]),
    { stdio: 'ignore' }
  )
  const target = new URL(targetUrl)
  const server = createTlsServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (req, res) => {
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  await listen(server)
  return {
    address: `127.0.0.1:${port(server)}`,
    caFile,
    close: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function listen(server: NetServer): Promise<void> {
  return new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
}

const port = (server: NetServer): number => (server.address() as AddressInfo).port
