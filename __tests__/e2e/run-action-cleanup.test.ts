import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, TEMP_PREFIX } from '../../emulators/runner/run-action.js'

// Every run of the bundle gets its own temporary folder, and removes it when the run ends, however it ends.
// The runs here make theirs in an empty folder of this test's own, so other suites' runs do not interfere.

let tempRoot: string
beforeEach(() => {
  tempRoot = mkdtempSync(join(tmpdir(), 'avido-gate-cleanup-'))
})
afterEach(() => {
  rmSync(tempRoot, { recursive: true, force: true })
})

const noInputs = () => ({ inputs: {}, eventName: 'pull_request', event: {}, tempRoot })

describe('runAction', () => {
  it('removes its folder after a run, keeping what the tests read from it', async () => {
    // Without inputs the action stops at the missing api-key: a failed step, after writing its outputs.
    const run = await runAction(noInputs())
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::api-key: is required')
    expect(run.tempDir.startsWith(join(tempRoot, TEMP_PREFIX))).toBe(true)
    expect(existsSync(run.tempDir)).toBe(false)
    expect(readdirSync(tempRoot)).toEqual([])
  })

  it('removes its folder when the node cannot start', async () => {
    await expect(runAction({ ...noInputs(), node: join(tempRoot, 'no-such-node') })).rejects.toThrow(/ENOENT/)
    expect(readdirSync(tempRoot)).toEqual([])
  })

  it('removes its folder when the run is killed at its timeout', async () => {
    const run = await runAction({ ...noInputs(), timeoutMs: 1 })
    expect(run.code).toBeNull()
    expect(readdirSync(tempRoot)).toEqual([])
  })
})
