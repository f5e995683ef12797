import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUNDLE, REPO_ROOT, runAction, runtimes } from '../../emulators/runner/run-action.js'
import { startScene, type Scene } from '../../emulators/scene.js'
import { startProxy } from '../reliability/local-proxy.js'
import { loadRecorder, type LoadRecorder } from './load-recorder.js'

// The step checks its inputs with light modules only: a bad input stops it before Octokit or the gate are
// loaded. Once the inputs are valid they load (which shows the record works). undici loads only behind a
// proxy, and then never its index, which loads every part of undici; @actions/core never does (the step
// writes the runner's commands itself).

/** Where the packages and parts live that a step stopped by a bad input must not load. */
const HEAVY = [
  '/node_modules/undici/',
  '/node_modules/@octokit/core/',
  '/node_modules/bottleneck/',
  '/src/main/step.ts',
  '/src/pipeline/run-gate.ts'
]
const heavyIn = (lines: string[]) =>
  HEAVY.filter(place => lines.some(line => line.startsWith('resolve ') && line.includes(place)))

/** The bundle's files that were loaded and hold undici (its error symbol is in no other code). */
const undiciFilesIn = (lines: string[]) =>
  lines
    .filter(line => line.startsWith('resolve ') && line.includes('/dist/'))
    .map(line => fileURLToPath(line.split(' ')[2]!))
    .filter(file => readFileSync(file, 'utf8').includes("Symbol.for('undici.error.UND_ERR')"))

/** Runs src/index.ts on this node through tsx, as the runner would run the action (inputs as INPUT_*). */
async function runSources(
  inputs: Record<string, string>,
  env: Record<string, string>,
  event: object = {}
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'avido-gate-src-'))
  try {
    const eventPath = join(dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify(event))
    const vars: Record<string, string> = { PATH: process.env.PATH ?? '', RUNNER_TEMP: dir, ...env }
    for (const [name, value] of Object.entries(inputs)) vars[`INPUT_${name.toUpperCase()}`] = value
    vars.GITHUB_EVENT_PATH = eventPath
    vars.GITHUB_EVENT_NAME = 'pull_request'
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: REPO_ROOT, env: vars })
    let stdout = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    await new Promise(done => child.on('close', done))
    return stdout
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('starting the action', () => {
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

  const bundleRun = (node: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({
      node,
      inputs,
      eventName: 'pull_request',
      event: scene.pullRequestEvent(),
      env: { ...scene.env(), ...recorder.env, ...env }
    })

  describe.each(runtimes())('the bundle on $name', ({ path }) => {
    it('stops on a missing api-key having loaded only its entry file: no chunk, no HTTP parser', async () => {
      const run = await bundleRun(path, { 'application-id': 'app_support_bot' })
      expect(run.stdout).toContain('::error::api-key: is required')
      expect(run.code).toBe(1)
      const files = recorder.lines().filter(line => !line.startsWith('later ') && !/ node:\S+$/.test(line))
      expect(files).toEqual([`resolve ${pathToFileURL(BUNDLE).href} ${pathToFileURL(BUNDLE).href}`])
    })

    it("loads the rest once the inputs are valid, on Node's own HTTP: no undici, no WebAssembly", async () => {
      scene.avido.seed.tests(3, { passRate: 100 })
      const run = await bundleRun(path, scene.inputs())
      expect(run.outputs.result).toBe('success')
      expect(recorder.lines().filter(line => line.includes('/dist/')).length).toBeGreaterThan(1)
      expect(undiciFilesIn(recorder.lines())).toEqual([])
      expect(recorder.lines()).not.toContain('compile')
    })

    it('loads undici, and compiles its HTTP parser, behind a proxy', async () => {
      const proxy = await startProxy()
      try {
        scene.avido.seed.tests(3, { passRate: 100 })
        const run = await bundleRun(path, scene.inputs(), { HTTP_PROXY: proxy.url })
        expect(run.outputs.result).toBe('success')
        expect(proxy.seen.length).toBeGreaterThan(0)
        expect(undiciFilesIn(recorder.lines())).toHaveLength(1)
        expect(recorder.lines()).toContain('compile')
      } finally {
        await proxy.close()
      }
    })
  })

  describe('from the sources', () => {
    it('stops on a bad input without resolving undici, Octokit or the gate', async () => {
      const stdout = await runSources(
        { 'api-key': 'key', 'application-id': 'app', timeout: 'forever' },
        recorder.env
      )
      expect(stdout).toContain('::error::timeout: "forever" is not a duration')
      const resolved = recorder.lines().filter(line => line.startsWith('resolve '))
      expect(resolved.some(line => line.includes('/src/inputs/'))).toBe(true)
      expect(heavyIn(resolved)).toEqual([])
    })

    it('resolves them once the inputs are valid', async () => {
      scene.avido.seed.tests(3, { passRate: 100 })
      const stdout = await runSources(
        scene.inputs(),
        { ...scene.env(), ...recorder.env },
        scene.pullRequestEvent()
      )
      expect(stdout).toContain('::set-output name=result::success')
      expect(heavyIn(recorder.lines())).toEqual(HEAVY.filter(place => !place.includes('undici')))
      const resolved = recorder.lines().filter(line => line.startsWith('resolve '))
      expect(resolved.filter(line => /\/node_modules\/(@actions\/core|undici)\//.test(line))).toEqual([])
    })
  })
})
