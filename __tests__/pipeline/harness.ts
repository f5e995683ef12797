// The gate's dependencies on a scene whose Avido clock is frozen: the gate's `sleep` moves it, so a wait
// of minutes takes milliseconds and every timeline on the emulator follows the gate's clock.
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { createClock } from '../../emulators/avido/index.js'
import { startScene, type Scene } from '../../emulators/scene.js'
import { AvidoClient } from '../../src/avido/client.js'
import { readGitHubContext } from '../../src/github/context.js'
import { createOctokit } from '../../src/github/octokit.js'
import { GitHubReporter } from '../../src/github/reporter.js'
import { parseInputs } from '../../src/inputs/index.js'
import type { GateDeps } from '../../src/pipeline/deps.js'
import type { GateLog } from '../../src/shared/log.js'

export interface Harness {
  deps: GateDeps
  /** Info lines, and warnings prefixed `warning: `. */
  lines: string[]
  warnings: () => string[]
  close: () => Promise<void>
}

export interface HarnessOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** Default: the scene's pull_request event. */
  event?: object
  /** Default true: a GitHub token and a reporter. */
  github?: boolean
}

/** A scene whose Avido clock starts frozen at `start` (a whole second, so windows are exact). */
export function startFrozenScene(start: number): Promise<Scene> {
  return startScene({ avido: { clock: createClock({ start, frozen: true }), settleMs: 0 } })
}

export function gateDeps(scene: Scene, options: HarnessOptions = {}): Harness {
  const clock = scene.avido.clock
  const lines: string[] = []
  const log: GateLog = {
    info: message => lines.push(message),
    debug: () => undefined,
    warning: message => lines.push(`warning: ${message}`),
    group: (_name, work) => work()
  }
  const withToken = options.github ?? true
  const config = parseInputs(scene.inputs(options.inputs), { commentKey: 'AI quality/gate' })
  const context = readGitHubContext(
    scene.env({ GITHUB_EVENT_NAME: 'pull_request', ...options.env }),
    options.event ?? scene.pullRequestEvent()
  )
  const avido = new AvidoClient({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    applicationId: config.applicationId,
    now: () => clock.now(),
    sleep: async ms => clock.advance(ms),
    random: () => 0
  })
  const github = withToken
    ? new GitHubReporter(createOctokit({ token: scene.github.token, apiUrl: context.apiUrl }), context, log)
    : undefined
  const deps: GateDeps = {
    config,
    context,
    avido,
    ...(github ? { github } : {}),
    log,
    now: () => clock.now(),
    sleep: async ms => clock.advance(ms),
    reportPath: '/dev/null',
    setDeadline: end => avido.setDeadline(end)
  }
  return {
    deps,
    lines,
    warnings: () => lines.filter(line => line.startsWith('warning: ')),
    close: () => avido.close()
  }
}

export interface FrozenScene {
  /** The file's scene, started before its first test. */
  scene: () => Scene
  /** The gate's dependencies on the scene, closed after the test that made them. */
  make: (options?: HarnessOptions) => Harness
}

/**
 * One frozen scene (see `startFrozenScene`) for a whole test file, with the hooks around it: before each
 * test the Avido emulator is reset, its clock set back to `start` and GitHub's request log emptied; after
 * each, GitHub's faults are cleared and the harnesses the test made are closed. Call it at the top level.
 */
export function useFrozenScene(start: number): FrozenScene {
  let scene: Scene | undefined
  const harnesses: Harness[] = []
  const started = (): Scene => {
    if (!scene) throw new Error('the scene starts in beforeAll: use it inside a test or hook')
    return scene
  }
  beforeAll(async () => {
    scene = await startFrozenScene(start)
  })
  afterAll(() => scene?.close())
  beforeEach(() => {
    started().avido.reset()
    started().avido.clock.set(start)
    started().github.requests.length = 0
  })
  afterEach(async () => {
    started().github.clearFaults()
    await Promise.all(harnesses.splice(0).map(h => h.close()))
  })
  return {
    scene: started,
    make: (options = {}) => {
      const made = gateDeps(started(), options)
      harnesses.push(made)
      return made
    }
  }
}

/** Now, to the whole second: the emulator's start for a file. */
export const wholeSecondNow = (): number => Math.floor(Date.now() / 1000) * 1000
