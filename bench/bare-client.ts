import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * The floor of the whole step: a bare `node` that starts, reads `pages` pages of 100 with the action's own
 * query, `inFlight` at a time, parses each and exits. Returns the ms from spawn to exit.
 */
export async function bareReader(
  node: string,
  options: {
    baseUrl: string
    query: string
    pages: number
    headers: Record<string, string>
    inFlight: number
  }
): Promise<number> {
  const script = `
    const { baseUrl, query, pages, headers, inFlight } = JSON.parse(process.argv[1])
    let next = 0
    let rows = 0
    const reader = async () => {
      while (next < pages) {
        const params = new URLSearchParams(query)
        params.set('skip', String(next++ * 100))
        const response = await fetch(baseUrl + '/v0/tests?' + params, { headers })
        const { data } = await response.json()
        rows += data.length
      }
    }
    await Promise.all(Array.from({ length: inFlight }, reader))
    console.log(rows)
  `
  const started = performance.now()
  const { stdout } = await run(node, ['--input-type=module', '-e', script, JSON.stringify(options)])
  const ms = performance.now() - started
  const rows = Number(stdout.trim())
  if (rows < (options.pages - 1) * 100) throw new Error(`The bare reader read only ${rows} rows`)
  return ms
}

/** Time from spawning a bare `node -e "fetch(url)"` to its request arriving at a loopback server, in ms. */
export async function bareColdStart(node: string): Promise<number> {
  let arrived = 0
  const server = createServer((_req, res) => {
    arrived = performance.now()
    res.end('ok')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const started = performance.now()
  await run(node, ['-e', `fetch(${JSON.stringify(url)})`])
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
  return arrived - started
}

/** Time from spawning `node <script>` with only PATH set (so no input) to its exit, in ms. */
export async function exitWithoutInputs(node: string, script: string): Promise<number> {
  const started = performance.now()
  await run(node, [script], { env: { PATH: process.env.PATH ?? '' } }).catch((error: unknown) => {
    // Both the action and its peer fail the step this way: exit code 1, or 0 after an ::error:: line.
    if ((error as { code?: unknown }).code !== 1) throw error
  })
  return performance.now() - started
}
