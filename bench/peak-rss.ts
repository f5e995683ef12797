import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const GNU_TIME = '/usr/bin/time'

interface MeasuredNode {
  /** An executable that runs `node` with the same arguments, for runAction's `node` option. */
  path: string
  /** Peak resident memory of the last process run through `path`, in MiB. */
  peakMiB(): number
  /** Removes the wrapper and its measurement; `path` and `peakMiB` no longer work after. */
  dispose(): void
}

/**
 * Wraps `node` so that the peak RSS of the process is measured from outside, by GNU time, without any
 * help from the action. The wrapper lives in a temporary folder: call `dispose` when done, or use
 * `withMeasuredNode`.
 */
function measuredNode(node: string): MeasuredNode {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed to measure peak memory`)
  const dir = mkdtempSync(join(tmpdir(), 'avido-gate-rss-'))
  const out = join(dir, 'max-rss-kib')
  const path = join(dir, 'node.cjs')
  // A node script rather than a shell one: sh drops the runner's `INPUT_API-KEY`-style variables.
  const script = [
    `#!${node}`,
    `const { spawnSync } = require('node:child_process')`,
    `const args = ['-f', '%M', '-o', ${JSON.stringify(out)}, ${JSON.stringify(node)}, ...process.argv.slice(2)]`,
    `process.exitCode = spawnSync(${JSON.stringify(GNU_TIME)}, args, { stdio: 'inherit' }).status ?? 1`
  ]
  writeFileSync(path, `${script.join('\n')}\n`)
  chmodSync(path, 0o755)
  return {
    path,
    peakMiB: () => Number(readFileSync(out, 'utf8').trim().split('\n').at(-1)) / 1024,
    dispose: () => rmSync(dir, { recursive: true, force: true })
  }
}

/** `use` with a measured `node`, whose temporary folder is removed afterwards, however `use` ends. */
export async function withMeasuredNode<T>(
  node: string,
  use: (measured: MeasuredNode) => Promise<T>
): Promise<T> {
  const measured = measuredNode(node)
  try {
    return await use(measured)
  } finally {
    measured.dispose()
  }
}
