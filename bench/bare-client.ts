import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A plain fetch loop on `node` reading `pages` pages of 100 one after another (as the action would ask for
 * them) and parsing each: the floor the action's reading is measured against. Returns the elapsed ms.
 */
export async function bareSequentialRead(
  node: string,
  options: { baseUrl: string; query: string; pages: number; headers: Record<string, string> }
): Promise<number> {
  const script = `
    const { baseUrl, query, pages, headers } = JSON.parse(process.argv[1])
    const started = performance.now()
    let rows = 0
    for (let page = 0; page < pages; page++) {
      const params = new URLSearchParams(query)
      params.set('skip', String(page * 100))
      const response = await fetch(baseUrl + '/v0/tests?' + params, { headers })
      rows += (await response.json()).data.length
    }
    console.log(JSON.stringify({ ms: performance.now() - started, rows }))
  `
  const { stdout } = await run(node, ['-e', script, JSON.stringify(options)])
  const { ms, rows } = JSON.parse(stdout) as { ms: number; rows: number }
  if (rows < (options.pages - 1) * 100) throw new Error(`The bare reader read only ${rows} rows`)
  return ms
}

/** Time from spawning a bare `node` to its one fetch arriving at a loopback server, in ms. */
export async function bareColdStart(node: string): Promise<number> {
  let arrived = 0
  const server = createServer((_req, res) => {
    arrived = Date.now()
    res.end('ok')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const started = Date.now()
  await run(node, ['-e', `fetch(${JSON.stringify(url)}).then(r => r.text())`])
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
  return arrived - started
}
