import { describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { call, listTestsPath } from '../../emulators/avido/testing.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const CLI = join(ROOT, 'emulators', 'avido', 'cli.ts')

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function startCli(args: string[]): Started {
  const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', chunk => (output += String(chunk)))
  child.stderr?.on('data', chunk => (output += String(chunk)))
  const exited = new Promise<number | null>(done => child.on('exit', code => done(code)))
  return { child, output: () => output, exited }
}

async function waitForLine(started: Started, pattern: RegExp): Promise<RegExpMatchArray> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const match = started.output().match(pattern)
    if (match) return match
    if (started.child.exitCode !== null) break
    await new Promise(done => setTimeout(done, 25))
  }
  throw new Error(`No line matching ${pattern} in:\n${started.output()}`)
}

describe('emulator CLI', () => {
  it('seeds the demo application, prints its URL and task ids, serves, and stops on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--api-key', 'K', '--application-id', 'A', '--scenario', 'warn'])
    try {
      const [, url] = await waitForLine(
        cli,
        /Avido emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(scenario warn\)\n/
      )
      const [, taskIds] = await waitForLine(cli, /Task ids: (\S+)\n/)
      expect(taskIds?.split(',')).toHaveLength(4)
      const ok = await call(url as string, 'GET', listTestsPath('limit=100'), {
        headers: { 'x-api-key': 'K', 'x-application-id': 'A' }
      })
      expect(ok.status).toBe(200)
      expect(ok.json.pagination.total).toBe(20)
      const denied = await call(url as string, 'GET', listTestsPath(), {
        headers: { 'x-api-key': 'other', 'x-application-id': 'A' }
      })
      expect(denied.status).toBe(401)
      cli.child.kill('SIGTERM')
      expect(await cli.exited).toBe(0)
    } finally {
      cli.child.kill('SIGKILL')
    }
  })

  it('refuses an unknown scenario with exit code 2', async () => {
    const cli = startCli(['--port', '0', '--scenario', 'great'])
    try {
      expect(await cli.exited).toBe(2)
      expect(cli.output()).toContain('--scenario must be one of pass, warn, fail')
    } finally {
      cli.child.kill('SIGKILL')
    }
  })
})
