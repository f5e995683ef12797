import { afterEach } from '@jest/globals'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type GitHubEmulatorOptions
} from '../../emulators/github/index.js'

/** One HTTP answer of the GitHub emulator, its body parsed as JSON. */
export interface Answer {
  status: number
  headers: Headers
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Starts a GitHub emulator per test and closes it after each test. Registers the `afterEach`, so call it at
 * the top level of a test file.
 */
export function useGitHubEmulator(): (options?: GitHubEmulatorOptions) => Promise<GitHubEmulator> {
  let emulator: GitHubEmulator | undefined
  afterEach(async () => {
    await emulator?.close()
    emulator = undefined
  })
  return async (options = {}) => {
    emulator = await startGitHubEmulator(options)
    return emulator
  }
}

/**
 * Sends one JSON request to the emulator. `path` may be a whole URL; `auth` is the authorization header
 * (`null` sends none), by default the emulator's own token.
 */
export async function call(
  gh: GitHubEmulator,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = `token ${gh.token}`
): Promise<Answer> {
  const url = path.startsWith('http') ? path : `${gh.url}${path}`
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (auth !== null) headers['authorization'] = auth
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}
