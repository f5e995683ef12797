import { describe, expect, it } from '@jest/globals'
import { HEAD_SHA, OWNER, REPO } from '../../emulators/scene.js'
import type { AvidoClient } from '../../src/avido/client.js'
import { runGate } from '../../src/pipeline/run-gate.js'
import { useFrozenScene, wholeSecondNow } from './harness.js'

const START = wholeSecondNow()
const { scene, make } = useFrozenScene(START)

describe('runGate', () => {
  it('ends any exception after the check opened as aborted, in one sentence, with the check closed', async () => {
    scene().avido.seed.tests(3, {})
    const harness = make({ inputs: { since: new Date(START - 60_000).toISOString() } })
    const real = harness.deps.avido
    // Counting works; reading the pages hits a bug.
    const broken = Object.assign(Object.create(real) as AvidoClient, {
      forEachTest: () => {
        throw new TypeError('Cannot read properties of undefined (reading "evals")')
      }
    })
    const statusesBefore = scene().github.statuses(OWNER, REPO, HEAD_SHA).length
    const outcome = await runGate({ ...harness.deps, avido: broken })

    expect(outcome.verdict).toBe('aborted')
    expect(outcome.reason).toBe(
      'Avido test gate stopped on an unexpected error (TypeError: Cannot read properties of undefined (reading "evals")).'
    )
    expect(outcome.reason).not.toMatch(/\n|\bat /)
    expect(outcome.outputs['gate']).toBe('fail')

    const statuses = scene().github.statuses(OWNER, REPO, HEAD_SHA).slice(statusesBefore)
    expect(statuses.map(status => status['state'])).toEqual(['pending', 'error'])
    const checkRunId = Number(outcome.outputs['check-run-id'])
    expect(checkRunId).toBeGreaterThan(0)
    const closed = scene().github.checkRunHistory(checkRunId).at(-1)
    expect(closed).toMatchObject({ status: 'completed', conclusion: 'failure' })
    // The job summary and the check run's page say the same, the reason escaped as untrusted text.
    expect(closed).toMatchObject({ output: { summary: outcome.summary } })
    expect(outcome.summary).toContain('(reading &quot;evals&quot;)')
  })

  it('passes a settled run end to end (the control for the case above)', async () => {
    scene().avido.seed.tests(3, {})
    const harness = make({ inputs: { since: new Date(START - 60_000).toISOString() } })
    const outcome = await runGate(harness.deps)
    expect(outcome.verdict).toBe('passed')
    expect(outcome.outputs['check-run-id']).not.toBe('')
  })
})
