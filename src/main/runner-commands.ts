import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

// The runner commands the step uses, written exactly as @actions/core writes them. @actions/core itself would
// load its HTTP client (for OIDC tokens) and undici's fetch with it, which cost the step's start-up time and
// which the step never uses.

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when absent. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

function issue(command: string, message: string, properties: Record<string, string | undefined> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value!)}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/** A line of the step's log. */
export const info = (message: string): void => void process.stdout.write(message + EOL)

/** A line shown only when the runner's step debugging is on. */
export const debug = (message: string): void => issue('debug', message)

/** A warning annotation, with a title when given. */
export const warning = (message: string, title?: string): void => issue('warning', message, { title })

/** Runs `work` with its log folded under `name`. */
export async function group<T>(name: string, work: () => Promise<T>): Promise<T> {
  issue('group', name)
  try {
    return await work()
  } finally {
    issue('endgroup', '')
  }
}

/**
 * Sets a step output: appended to the runner's GITHUB_OUTPUT file between random delimiters, or, on a runner
 * too old to give one, as a `set-output` command.
 */
export function setOutput(name: string, value: string): void {
  const path = process.env.GITHUB_OUTPUT
  if (!path) {
    process.stdout.write(EOL)
    issue('set-output', value, { name })
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected output: it should not contain the delimiter "${delimiter}"`)
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** Asks the runner to mask a value in the log from now on. */
export const setSecret = (secret: string): void => void issue('add-mask', secret)

/** Fails the step with one error line. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issue('error', message)
}

/** Appends Markdown to the job summary, when the runner gave the step one; a failure is a warning line. */
export async function appendSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path) return
  await appendFile(path, markdown + EOL).catch((error: unknown) =>
    issue('warning', `Could not write the job summary: ${error instanceof Error ? error.message : error}`)
  )
}
