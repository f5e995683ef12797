import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction, runtimes } from '../../emulators/runner/run-action.js'
import { startScene, type Scene } from '../../emulators/scene.js'
import { loadRecorder, type LoadRecorder } from './load-recorder.js'

// The memory flags (src/v8-memory.ts) only work when set before undici compiles its WebAssembly parser,
// which it does as it loads, once the inputs are found valid. A preload records the order of both.

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
  async function runRecorded(): Promise<void> {
    scene.avido.seed.tests(3, { passRate: 100 })
    const run = await runAction({
      node: path,
      inputs: scene.inputs(),
      eventName: 'pull_request',
      event: scene.pullRequestEvent(),
      env: { ...scene.env(), ...recorder.env }
    })
    expect(run.outputs.result).toBe('success')
  }

  it('sets the memory flags before the HTTP parser is compiled', async () => {
    await runRecorded()
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

  it("loads Node's own modules that the HTTP clients need before the flags, so they keep their code cache", async () => {
    await runRecorded()
    const before =
      recorder
        .lines()
        .find(line => line.startsWith('builtins '))
        ?.split(' ') ?? []
    for (const name of [
      'http',
      'https',
      'http2',
      'tls',
      'zlib',
      'crypto',
      'worker_threads',
      'perf_hooks',
      'stream/web'
    ]) {
      expect(before).toContain(name)
    }
  })
})
