import type { SeededTest } from '../emulators/avido/index.js'
import { BUNDLE, NODE24, runAction, type ActionRun } from '../emulators/runner/run-action.js'
import { startScene, type Scene, type SceneOptions } from '../emulators/scene.js'

/** The bundle measured: dist/index.js, or another build named by BENCH_BUNDLE (to compare two builds). */
export const BENCH_BUNDLE = process.env.BENCH_BUNDLE ?? BUNDLE

export interface BenchRun extends ActionRun {
  /** Date.now() just before the process was spawned. */
  spawnedAt: number
  /** Date.now() when each line of stdout arrived, by line. */
  lineTimes: Map<string, number>
}

/**
 * Runs the bundle on Node 24 against the scene, timing each line of its log as it arrives. Throws unless the
 * gate passed, or with `mayFail` returns the run whatever its end.
 */
export async function benchRun(
  scene: Scene,
  options: { inputs?: Record<string, string>; baseUrl?: string; node?: string; mayFail?: boolean } = {}
): Promise<BenchRun> {
  const lineTimes = new Map<string, number>()
  let pending = ''
  const spawnedAt = Date.now()
  const run = await runAction({
    node: options.node ?? NODE24,
    bundle: BENCH_BUNDLE,
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
  if (!options.mayFail && (run.code !== 0 || run.outputs.result !== 'success')) {
    throw new Error(`The gate did not pass (exit ${run.code}):\n${run.stdout}\n${run.stderr}`)
  }
  return { ...run, spawnedAt, lineTimes }
}

export async function withScene<T>(
  work: (scene: Scene) => Promise<T>,
  options: SceneOptions = {}
): Promise<T> {
  const scene = await startScene(options)
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
export function seedSettling(scene: Scene, n: number, settledAt?: number, fourEvals = false): SeededTest[] {
  return scene.avido.seed.tests(n, {
    ...(fourEvals ? {} : { evals: ['CUSTOM'] }),
    passRate: 100,
    ...(settledAt ? { settledAt } : {})
  })
}

/** The middle value (of an odd count; the upper middle of an even one). */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The query of the action's first page read (`skip` included), as a search string. */
export function pageQuery(scene: Scene): string {
  const page = scene.avido.requests.find(r => r.path === '/v0/tests' && r.query.limit?.[0] === '100')
  if (!page) throw new Error('The action read no page of tests')
  return new URLSearchParams(
    Object.entries(page.query).map(([name, values]): [string, string] => [name, values.join(',')])
  ).toString()
}
