import { NODE24, runAction, type ActionRun } from '../emulators/runner/run-action.js'
import { startScene, type Scene } from '../emulators/scene.js'

export interface BenchRun extends ActionRun {
  /** Date.now() just before the process was spawned. */
  spawnedAt: number
  /** Date.now() when each line of stdout arrived, by line. */
  lineTimes: Map<string, number>
}

/** Runs the bundle on Node 24 against the scene, timing each line of its log as it arrives. */
export async function benchRun(
  scene: Scene,
  options: { inputs?: Record<string, string>; baseUrl?: string; node?: string } = {}
): Promise<BenchRun> {
  const lineTimes = new Map<string, number>()
  let pending = ''
  const spawnedAt = Date.now()
  const run = await runAction({
    node: options.node ?? NODE24,
    inputs: scene.inputs({
      'base-url': options.baseUrl ?? scene.avido.url,
      timeout: '5m',
      ...options.inputs
    }),
    eventName: 'pull_request',
    event: scene.pullRequestEvent(),
    env: scene.env(),
    timeoutMs: 600_000,
    onStdout: chunk => {
      const now = Date.now()
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) if (!lineTimes.has(line)) lineTimes.set(line, now)
    }
  })
  if (run.code !== 0 || run.outputs.result !== 'success') {
    throw new Error(`The gate did not pass (exit ${run.code}):\n${run.stdout}\n${run.stderr}`)
  }
  return { ...run, spawnedAt, lineTimes }
}

export async function withScene<T>(work: (scene: Scene) => Promise<T>): Promise<T> {
  const scene = await startScene()
  try {
    return await work(scene)
  } finally {
    await scene.close()
  }
}

/**
 * `n` passing tests that all settle at `settledAt` (emulator clock), or are settled already. Each has one
 * eval, or with `fourEvals` the emulator's default four (NATURALNESS, STYLE, CUSTOM, FACT).
 */
export function seedSettling(scene: Scene, n: number, settledAt?: number, fourEvals = false): void {
  scene.avido.seed.tests(n, {
    ...(fourEvals ? {} : { evals: ['CUSTOM'] }),
    passRate: 100,
    ...(settledAt ? { settledAt } : {})
  })
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
