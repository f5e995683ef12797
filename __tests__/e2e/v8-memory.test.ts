import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLE, runtimes } from '../../emulators/runner/run-action.js'

// The memory flags (src/v8-memory.ts) only work when set before undici compiles its WebAssembly parser,
// which it does while the bundle loads. A preload records the order of both as the bundle starts.
const PRELOAD = `
import v8 from 'node:v8'
import { appendFileSync } from 'node:fs'
const out = process.env.ORDER_FILE
const setFlags = v8.setFlagsFromString
v8.setFlagsFromString = flag => { appendFileSync(out, 'flag ' + flag + '\\n'); return setFlags(flag) }
const compile = WebAssembly.compile
WebAssembly.compile = (...args) => { appendFileSync(out, 'compile\\n'); return compile(...args) }
`

function startupOrder(node: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'avido-gate-v8-'))
  try {
    const preload = join(dir, 'preload.mjs')
    const orderFile = join(dir, 'order.txt')
    writeFileSync(preload, PRELOAD)
    writeFileSync(orderFile, '')
    // No inputs: the action stops at the missing api-key, after every module has loaded.
    const run = spawnSync(node, ['--import', preload, BUNDLE], {
      env: { PATH: process.env.PATH ?? '', ORDER_FILE: orderFile },
      encoding: 'utf8'
    })
    expect(run.stdout).toContain('::error::api-key: is required')
    return readFileSync(orderFile, 'utf8').trim().split('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe.each(runtimes())('the bundle on $name', ({ path }) => {
  it('sets the memory flags before the HTTP parser is compiled', () => {
    const order = startupOrder(path)
    const firstCompile = order.indexOf('compile')
    expect(firstCompile).toBeGreaterThan(0)
    expect(order.slice(0, firstCompile)).toEqual([
      'flag --semi-space-growth-factor=1',
      'flag --heap-growing-percent=30',
      'flag --liftoff-only',
      'flag --no-wasm-tier-up',
      'flag --no-wasm-dynamic-tiering'
    ])
  })
})
