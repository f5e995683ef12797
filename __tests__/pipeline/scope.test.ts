import { describe, expect, it } from '@jest/globals'
import { RUN_ID, OWNER, REPO } from '../../emulators/scene.js'
import { prepareScope } from '../../src/pipeline/scope.js'
import { useFrozenScene, wholeSecondNow } from './harness.js'

const START = wholeSecondNow()
const iso = (ms: number) => new Date(ms).toISOString()

const { scene, make } = useFrozenScene(START)

describe('prepareScope', () => {
  it('starts the window at `since` and asks GitHub nothing', async () => {
    const { deps, lines } = make({ inputs: { since: '2026-01-02T03:04:05Z' } })
    const scope = await prepareScope(deps, START)
    expect(scope).toMatchObject({ windowSource: 'since', filters: { startDate: '2026-01-02T03:04:05.000Z' } })
    expect(scene().github.requests).toHaveLength(0)
    expect(lines.some(line => line.startsWith('warning'))).toBe(false)
  })

  it('triggers the tasks and starts the window 5 s before the trigger', async () => {
    const task = scene().avido.seed.task({ testsPerRun: 1 })
    const { deps } = make({ inputs: { trigger: 'true', 'task-ids': task.id } })
    scene().avido.clock.advance(2_000)
    const scope = await prepareScope(deps, START)
    expect(scope).toMatchObject({ windowSource: 'trigger', windowStart: iso(START - 3_000) })
    expect(scope.filters.taskId).toEqual([task.id])
    expect(scene().avido.triggers).toHaveLength(1)
  })

  it('only says what it would trigger on a dry run, and falls back to the workflow run', async () => {
    const task = scene().avido.seed.task({})
    const { deps, lines } = make({ inputs: { trigger: 'true', 'task-ids': task.id, 'dry-run': 'true' } })
    const scope = await prepareScope(deps, START)
    expect(scene().avido.triggers).toHaveLength(0)
    expect(lines).toContain('Dry run: would trigger 1 Avido task(s).')
    expect(scope.windowSource).toBe('workflow-run')
  })

  it("starts the window at this workflow run's creation, read from GitHub", async () => {
    const createdAt = '2026-11-30T01:02:03Z'
    scene().github.seed.workflowRun({
      owner: OWNER,
      repo: REPO,
      id: RUN_ID + 1,
      created_at: createdAt,
      run_started_at: createdAt,
      head_sha: 'b'.repeat(40)
    })
    const { deps, lines } = make({ env: { GITHUB_RUN_ID: String(RUN_ID + 1) } })
    const scope = await prepareScope(deps, START)
    expect(scope).toMatchObject({ windowSource: 'workflow-run', windowStart: iso(Date.parse(createdAt)) })
    expect(lines.at(-1)).toMatch(/this workflow run's creation time/)
  })

  it('falls back to the last hour with a warning naming `actions: read` when the run cannot be read', async () => {
    const { deps, warnings } = make({ env: { GITHUB_RUN_ID: '424242' } })
    const scope = await prepareScope(deps, START)
    expect(scope).toMatchObject({ windowSource: 'fallback', windowStart: iso(START - 3_600_000) })
    expect(warnings().filter(line => line.includes('`actions: read`'))).toHaveLength(1)
  })

  it('falls back without a GitHub token too', async () => {
    const { deps, warnings } = make({ github: false })
    const scope = await prepareScope(deps, START)
    expect(scope.windowSource).toBe('fallback')
    expect(warnings().some(line => line.includes('`actions: read`'))).toBe(true)
  })
})
