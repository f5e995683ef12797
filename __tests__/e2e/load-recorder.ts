import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// A preload (`--import`) that writes down, in order, what the action does as it starts: each V8 flag it
// sets (the first one after `builtins <Node's own modules loaded by then>`), each WebAssembly.compile
// (undici compiles its HTTP parser as it loads), each ES module it resolves (`resolve <specifier> <url>`:
// the bundle's chunks, or the packages when the sources run), and at exit `later <Node's own modules>`.

const HOOKS = `
import { appendFileSync } from 'node:fs'
let out
export function initialize(data) { out = data.out }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  appendFileSync(out, 'resolve ' + specifier + ' ' + resolved.url + '\\n')
  return resolved
}
`

const PRELOAD = `
import { register } from 'node:module'
import { appendFileSync } from 'node:fs'
import v8 from 'node:v8'
const out = process.env.LOAD_RECORD
register(process.env.LOAD_HOOKS, { data: { out } })
const setFlags = v8.setFlagsFromString
let flagged = false
const builtins = () =>
  process.moduleLoadList.filter(m => /^NativeModule (?!internal\\/)/.test(m)).map(m => m.slice(13)).join(' ')
v8.setFlagsFromString = flag => {
  if (!flagged) appendFileSync(out, 'builtins ' + builtins() + '\\n')
  flagged = true
  appendFileSync(out, 'flag ' + flag + '\\n')
  return setFlags(flag)
}
process.on('exit', () => appendFileSync(out, 'later ' + builtins() + '\\n'))
const compile = WebAssembly.compile
WebAssembly.compile = (...args) => { appendFileSync(out, 'compile\\n'); return compile(...args) }
`

export interface LoadRecorder {
  /** The environment that makes a node process record its start: NODE_OPTIONS and where to write. */
  env: Record<string, string>
  /** What was recorded so far, one entry a line. */
  lines(): string[]
  /** Forgets what was recorded, for another run. */
  clear(): void
  close(): void
}

export function loadRecorder(): LoadRecorder {
  const dir = mkdtempSync(join(tmpdir(), 'avido-gate-load-'))
  const preload = join(dir, 'preload.mjs')
  const hooks = join(dir, 'hooks.mjs')
  const record = join(dir, 'record.txt')
  writeFileSync(preload, PRELOAD)
  writeFileSync(hooks, HOOKS)
  writeFileSync(record, '')
  return {
    env: {
      NODE_OPTIONS: `--import ${pathToFileURL(preload).href}`,
      LOAD_HOOKS: pathToFileURL(hooks).href,
      LOAD_RECORD: record
    },
    lines: () => readFileSync(record, 'utf8').split('\n').filter(Boolean),
    clear: () => writeFileSync(record, ''),
    close: () => rmSync(dir, { recursive: true, force: true })
  }
}
