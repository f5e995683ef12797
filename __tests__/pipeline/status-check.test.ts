import { describe, expect, it } from '@jest/globals'
import { HEAD_SHA, OWNER, REPO } from '../../emulators/scene.js'
import { PROGRESS_EVERY_MS, StatusCheck } from '../../src/pipeline/status-check.js'
import { useFrozenScene, wholeSecondNow } from './harness.js'

const START = wholeSecondNow()
const { scene, make } = useFrozenScene(START)
const routes = () => scene().github.requests.map(r => r.route ?? `${r.method} ${r.path}`)
const writes = () => routes().filter(route => !route.startsWith('GET'))
const statusStates = (since: number) =>
  scene()
    .github.statuses(OWNER, REPO, HEAD_SHA)
    .slice(since)
    .map(s => s['state'])

describe('StatusCheck', () => {
  it.each([
    ['check-run', ['POST /repos/{owner}/{repo}/check-runs']],
    ['status', ['POST /repos/{owner}/{repo}/statuses/{sha}']],
    ['off', []],
    ['both', ['POST /repos/{owner}/{repo}/check-runs', 'POST /repos/{owner}/{repo}/statuses/{sha}']]
  ])('opens as `status-check: %s` says', async (mode, expected) => {
    const check = new StatusCheck(make({ inputs: { 'status-check': mode } }).deps)
    await check.open()
    expect(writes()).toEqual(expected)
    expect(check.run !== undefined).toBe(mode === 'check-run' || mode === 'both')
  })

  it('gives progress at most every 30 s and closes exactly once', async () => {
    const { deps } = make()
    const check = new StatusCheck(deps)
    const before = scene().github.statuses(OWNER, REPO, HEAD_SHA).length
    await check.open()
    await check.progress(1, 4)
    scene().avido.clock.advance(PROGRESS_EVERY_MS - 1)
    await check.progress(2, 4)
    scene().avido.clock.advance(1)
    await check.progress(3, 4)
    await check.close({ state: 'success', conclusion: 'success', title: '100% passed' })
    await check.close({ state: 'failure', conclusion: 'failure', title: 'again' })
    await check.abort('too late')
    await check.progress(4, 4)
    expect(statusStates(before)).toEqual(['pending', 'pending', 'success'])
    const history = scene().github.checkRunHistory(check.run?.id ?? -1)
    expect(history.map(state => state['status'])).toEqual(['in_progress', 'in_progress', 'completed'])
    expect(history[2]).toMatchObject({ conclusion: 'success', output: { title: '100% passed' } })
  })

  it('abort closes with error (status) and failure (check run), saying why', async () => {
    const check = new StatusCheck(make().deps)
    const before = scene().github.statuses(OWNER, REPO, HEAD_SHA).length
    await check.open()
    await check.abort('Avido GET /v0/tests answered 401.')
    expect(statusStates(before)).toEqual(['pending', 'error'])
    const last = scene()
      .github.checkRunHistory(check.run?.id ?? -1)
      .at(-1)
    expect(last).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(JSON.stringify(last)).toContain('answered 401')
  })

  it.each([
    ['check-run', 1],
    ['both', 1],
    ['status', 0]
  ])(
    'renders the page only when there is a check run to write it to (`status-check: %s`)',
    async (mode, renders) => {
      const check = new StatusCheck(make({ inputs: { 'status-check': mode } }).deps)
      await check.open()
      let rendered = 0
      const summary = () => {
        rendered++
        return '## The report'
      }
      await check.close({ state: 'success', conclusion: 'success', title: '100% passed', summary })
      expect(rendered).toBe(renders)
      if (check.run) {
        const last = scene().github.checkRunHistory(check.run.id).at(-1)
        expect(last).toMatchObject({ output: { summary: '## The report' } })
      }
    }
  )

  it('is never opened on a dry run or without a token', async () => {
    for (const options of [{ inputs: { 'dry-run': 'true' } }, { github: false }]) {
      const check = new StatusCheck(make(options).deps)
      await check.open()
      await check.progress(1, 1)
      await check.close({ state: 'success', conclusion: 'success', title: 'ok' })
      await check.abort('no')
    }
    expect(writes()).toEqual([])
  })
})
