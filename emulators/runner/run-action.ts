import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { node24Runtime } from './runtimes.js'

export { runtimes, type FoundRuntime, type Runtime } from './runtimes.js'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')
/** The Node 24 binary, or the node that stands in for it where there is none (see `node24Runtime`). */
export const NODE24 = node24Runtime().path
/** The prefix of each run's temporary folder in the OS temp dir. */
export const TEMP_PREFIX = 'avido-gate-e2e-'

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Every line of stdout, for asserting on log lines and workflow commands. */
  lines: string[]
  durationMs: number
  /** The run's RUNNER_TEMP, already removed: what the tests need from it is read into the fields above. */
  tempDir: string
  /** GITHUB_OUTPUT as the action wrote it. */
  outputFile: string
  /** The JSON report at the `report-path` output, when the action wrote one. */
  report: string | undefined
}

export interface RunActionOptions {
  node?: string
  /** The bundle to run: dist/index.js unless told. */
  bundle?: string
  inputs: Record<string, string>
  eventName: string
  event: unknown
  env?: Record<string, string>
  timeoutMs?: number
  /** Where the run's temporary folder is made: the OS temp dir unless told. */
  tempRoot?: string
  /** Receives stdout as it arrives, for showing the action's log live. */
  onStdout?: (chunk: string) => void
}

/**
 * Runs dist/index.js as the runner does: INPUT_* with hyphens kept, event file, output and summary files, in a
 * temporary folder that is removed when the run ends, however it ends.
 */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const tempDir = mkdtempSync(join(options.tempRoot ?? tmpdir(), TEMP_PREFIX))
  try {
    return await runIn(tempDir, options)
  } finally {
    rmSync(tempDir, { recursive: true, force: true })
  }
}

async function runIn(tempDir: string, options: RunActionOptions): Promise<ActionRun> {
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
  const child = spawn(options.node ?? process.execPath, [options.bundle ?? BUNDLE], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk
    options.onStdout?.(chunk.toString())
  })
  child.stderr.on('data', chunk => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail)
    child.on('close', done)
  }).finally(() => clearTimeout(timer))

  const outputFile = readFileSync(outputPath, 'utf8')
  const outputs = parseOutputFile(outputFile)
  const reportPath = outputs['report-path']
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(summaryPath, 'utf8'),
    lines: stdout.split('\n'),
    durationMs: Date.now() - started,
    tempDir,
    outputFile,
    report: reportPath && existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined
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
