import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fetchOver } from '../../src/http/fetch.js'
import { NodeHttpSender } from '../../src/http/node-http.js'

// The fetch Octokit calls, over Node's own http, against loopback servers: what it sends, how it follows
// redirects, and how it fails, as fetch does.

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

async function serve(handle: (seen: Seen, response: ServerResponse) => void) {
  const seen: Seen[] = []
  const handler: Handler = (request, response) => {
    let body = ''
    request.on('data', chunk => (body += chunk))
    request.on('end', () => {
      const one = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body }
      seen.push(one)
      handle(one, response)
    })
  }
  const server: Server = createServer(handler)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const close = async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
  return { origin, seen, close }
}

type Served = Awaited<ReturnType<typeof serve>>

let sender: NodeHttpSender
let fetch: ReturnType<typeof fetchOver>
let main: Served
let other: Served
let route: (seen: Seen, response: ServerResponse) => void

beforeAll(async () => {
  main = await serve((seen, response) => route(seen, response))
  other = await serve((_seen, response) => response.end('elsewhere'))
})
afterAll(() => Promise.all([main.close(), other.close()]))
afterEach(() => sender.close())
beforeEach(() => {
  main.seen.length = 0
  other.seen.length = 0
  sender = new NodeHttpSender()
  fetch = fetchOver(sender)
})

const json = (
  response: ServerResponse,
  status: number,
  data: unknown,
  extra: Record<string, string> = {}
) => {
  response.writeHead(status, { 'content-type': 'application/json', ...extra })
  response.end(JSON.stringify(data))
}

describe('fetch over Node http', () => {
  it('sends the method, headers and text body, with its length', async () => {
    route = (_seen, response) => json(response, 201, { id: 7 })
    const body = JSON.stringify({ name: 'gate ✓' })
    const response = await fetch(`${main.origin}/repos/a/b/check-runs?x=1`, {
      method: 'POST',
      headers: { authorization: 'token abc', 'content-type': 'application/json; charset=utf-8' },
      body
    })
    expect(response.status).toBe(201)
    expect(response.statusText).toBe('Created')
    expect(response.url).toBe(`${main.origin}/repos/a/b/check-runs?x=1`)
    expect(await response.json()).toEqual({ id: 7 })
    expect(main.seen).toEqual([
      expect.objectContaining({ method: 'POST', url: '/repos/a/b/check-runs?x=1', body })
    ])
    expect(main.seen[0]?.headers).toMatchObject({
      authorization: 'token abc',
      'content-length': String(Buffer.byteLength(body))
    })
  })

  it('gives the headers lower-case and sorted, joins repeated ones, and reads them in any case', async () => {
    route = (_seen, response) => {
      response.setHeader('X-RateLimit-Remaining', '4999')
      response.setHeader('Set-Cookie', ['a=1', 'b=2'])
      response.setHeader('Vary', ['Accept', 'Authorization'])
      json(response, 200, [])
    }
    const response = await fetch(`${main.origin}/`, {})
    const entries = [...response.headers]
    expect(entries.map(([name]) => name)).toEqual([...entries.map(([name]) => name)].sort())
    expect(entries).toContainEqual(['x-ratelimit-remaining', '4999'])
    expect(entries.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2']
    ])
    expect(response.headers.get('Vary')).toBe('Accept, Authorization')
    expect(response.headers.get('X-RATELIMIT-REMAINING')).toBe('4999')
    expect(response.headers.get('missing')).toBeNull()
  })

  it('reads a body once, as text, JSON or bytes', async () => {
    route = (_seen, response) => json(response, 200, { ok: true })
    const response = await fetch(`${main.origin}/`, {})
    const bytes = Buffer.from(await response.arrayBuffer()).toString('utf8')
    expect(JSON.parse(bytes)).toEqual({ ok: true })
    await expect(response.text()).rejects.toThrow('Body is unusable')
  })

  it('hands back an answer without a body (204) and keeps using the connection', async () => {
    route = (seen, response) => {
      if (seen.url === '/empty') {
        response.writeHead(204)
        response.end()
      } else json(response, 200, { after: true })
    }
    expect((await fetch(`${main.origin}/empty`, { method: 'DELETE' })).status).toBe(204)
    const next = await fetch(`${main.origin}/next`, {})
    expect(await next.json()).toEqual({ after: true })
  })
})

describe('redirects', () => {
  it('follow a 307 with the same method and body', async () => {
    route = (seen, response) => {
      if (seen.url === '/old') {
        response.writeHead(307, { location: '/new' })
        response.end()
      } else json(response, 200, { at: seen.url })
    }
    const response = await fetch(`${main.origin}/old`, { method: 'PATCH', body: '{"a":1}' })
    expect(await response.json()).toEqual({ at: '/new' })
    expect(response.url).toBe(`${main.origin}/new`)
    expect(main.seen.map(one => [one.method, one.url, one.body])).toEqual([
      ['PATCH', '/old', '{"a":1}'],
      ['PATCH', '/new', '{"a":1}']
    ])
  })

  it.each([301, 302, 303])('turn a POST into a GET without its body after a %s', async status => {
    route = (seen, response) => {
      if (seen.url === '/old') {
        response.writeHead(status, { location: '/new' })
        response.end('moved')
      } else json(response, 200, {})
    }
    await fetch(`${main.origin}/old`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}'
    })
    expect(main.seen[1]).toMatchObject({ method: 'GET', url: '/new', body: '' })
    expect(main.seen[1]?.headers['content-type']).toBeUndefined()
  })

  it('do not carry the authorization header to another origin', async () => {
    route = (_seen, response) => {
      response.writeHead(301, { location: `${other.origin}/there` })
      response.end()
    }
    const response = await fetch(`${main.origin}/here`, {
      headers: { Authorization: 'token abc', accept: 'x' }
    })
    expect(await response.text()).toBe('elsewhere')
    expect(main.seen[0]?.headers.authorization).toBe('token abc')
    expect(other.seen[0]?.headers.authorization).toBeUndefined()
    expect(other.seen[0]?.headers.accept).toBe('x')
  })

  it('fail past 20, as fetch does', async () => {
    route = (_seen, response) => {
      response.writeHead(302, { location: `/hop${main.seen.length}` })
      response.end()
    }
    const failure = await fetch(`${main.origin}/hop`, {}).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect((failure as TypeError).message).toBe('fetch failed')
    expect(main.seen).toHaveLength(21)
  })

  it('are handed back as they are when the caller asks for that', async () => {
    route = (_seen, response) => {
      response.writeHead(302, { location: '/new' })
      response.end()
    }
    const response = await fetch(`${main.origin}/old`, { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(main.seen).toHaveLength(1)
  })
})

describe('failures', () => {
  it('are a TypeError whose cause carries the system code when nothing answers', async () => {
    const closed = await serve(() => undefined)
    await closed.close()
    const failure = await fetch(`${closed.origin}/`, {}).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect((failure as TypeError).message).toBe('fetch failed')
    expect(((failure as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED')
  })

  it("are the signal's reason when it aborts before the answer", async () => {
    route = () => undefined // never answers
    const controller = new AbortController()
    const reason = Object.assign(new Error('GitHub did not answer within 0.1 s'), { name: 'AbortError' })
    setTimeout(() => controller.abort(reason), 100)
    await expect(fetch(`${main.origin}/slow`, { signal: controller.signal })).rejects.toBe(reason)
  })

  it("are the signal's reason when it aborts while the body is read", async () => {
    route = (_seen, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('[')
    }
    const controller = new AbortController()
    const reason = new Error('too slow')
    const response = await fetch(`${main.origin}/trickle`, { signal: controller.signal })
    setTimeout(() => controller.abort(reason), 50)
    await expect(response.text()).rejects.toBe(reason)
  })

  it('are refused at once for a signal already aborted', async () => {
    const reason = new Error('over')
    await expect(fetch(`${main.origin}/`, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(main.seen).toEqual([])
  })

  it('are a TypeError for a body that is not text', async () => {
    await expect(fetch(`${main.origin}/`, { method: 'POST', body: new Uint8Array(1) })).rejects.toThrow(
      TypeError
    )
  })
})
