import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction, runtimes } from '../../emulators/runner/run-action.js'
import { startScene, type Scene } from '../../emulators/scene.js'
import { startProxy } from '../reliability/local-proxy.js'
import { loadRecorder, type LoadRecorder } from './load-recorder.js'

// The memory flags (src/v8-memory.ts) are set once the inputs are found valid, after Node's own modules
// that the step loads, and behind a proxy before undici compiles its WebAssembly parser (which it does as it
// loads). A preload records the order.

describe.each(runtimes())('the bundle on $name', ({ path }) => {
  let scene: Scene
  let recorder: LoadRecorder
  beforeEach(async () => {
    scene = await startScene()
    recorder = loadRecorder()
  })
  afterEach(async () => {
    recorder.close()
    await scene.close()
  })

  /** A healthy run of the bundle with the recorder preloaded. */
  async function runRecorded(env: Record<string, string> = {}): Promise<void> {
    scene.avido.seed.tests(3, { passRate: 100 })
    const run = await runAction({
      node: path,
      inputs: scene.inputs(),
      eventName: 'pull_request',
      event: scene.pullRequestEvent(),
      env: { ...scene.env(), ...recorder.env, ...env }
    })
    expect(run.outputs.result).toBe('success')
  }

  it("sets the memory flags, and behind a proxy sets them before undici's HTTP parser is compiled", async () => {
    await runRecorded()
    expect(recorder.lines().filter(line => line.startsWith('flag '))).toHaveLength(5)
    recorder.clear()
    const proxy = await startProxy()
    try {
      await runRecorded({ HTTP_PROXY: proxy.url })
    } finally {
      await proxy.close()
    }
    const order = recorder.lines().filter(line => /^(flag|compile)\b/.test(line))
    const firstCompile = order.indexOf('compile')
    expect(firstCompile).toBeGreaterThan(0)
    expect(order.slice(0, firstCompile)).toEqual([
      'flag --semi-space-growth-factor=1',
      'flag --heap-growing-percent=30',
      'flag --liftoff-only',
      'flag --no-wasm-tier-up',
      'flag --no-wasm-dynamic-tiering'
    ])
  })

  it("loads Node's own modules that the step needs before the flags, so they keep their code cache", async () => {
    await runRecorded()
    const lines = recorder.lines()
    const before = lines.find(line => line.startsWith('builtins '))?.split(' ') ?? []
    for (const name of ['http', 'https', 'tls', 'perf_hooks', 'timers/promises'])
      expect(before).toContain(name)
    const atExit = lines.find(line => line.startsWith('later '))?.split(' ') ?? []
    expect(atExit.length).toBeGreaterThan(1)
    expect(atExit.slice(1).filter(name => !before.includes(name))).toEqual([])
  })
})
