import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

// The few runner commands a step stopped by a bad input needs, written as @actions/core writes them. The
// step reaches for @actions/core only once its inputs are valid: it loads undici (for its OIDC client),
// which such a step never uses.

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when absent. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

const issue = (command: string, message: string) =>
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`)

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
