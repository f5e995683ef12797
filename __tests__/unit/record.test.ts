import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  MAX_RECORD_LENGTH,
  baselineFromRecord,
  decodeRecord,
  encodeRecord,
  type GateRecord
} from '../../src/render/record.js'
import { addTest, emptySums, type RateSums } from '../../src/stats/index.js'

const KEY = 'AI quality/gate'
const SHA = 'a'.repeat(40)
const scope = { taskIds: [], evalDefinitionIds: [], experimentVariantIds: [], runTypes: [] }

function sums(...tests: [passed: number, evals: number][]): RateSums {
  return tests.reduce((acc, [passed, evals]) => addTest(acc, passed, evals), emptySums())
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function record(tasks: number, key = KEY, definitions = 1): GateRecord {
  const taskSums = new Map(
    Array.from({ length: tasks }, (_, i) => [uuid(i), sums([3, 4], [4, 4], [1, 4], [0, 4], [2, 4])] as const)
  )
  return {
    key,
    sha: SHA,
    at: '2026-11-30T06:00:00.000Z',
    scope,
    overall: sums([3, 4], [4, 4]),
    tasks: taskSums,
    evalDefinitions: new Map(
      Array.from({ length: definitions }, (_, i) => [uuid(100_000 + i), sums([1, 1], [0, 1])] as const)
    )
  }
}

describe('the record a check run carries', () => {
  it('reads back exactly what was written', () => {
    const written = record(3)
    expect(decodeRecord(`# Report\n\n${encodeRecord(written)}\n`, KEY)).toEqual(written)
  })

  it('is an HTML comment, invisible on the rendered page, that nothing inside can end early', () => {
    const text = encodeRecord(record(2, 'a key with --> and -- in it')) ?? ''
    expect(text.startsWith('<!-- avido-test-gate-record ')).toBe(true)
    expect(text.endsWith(' -->')).toBe(true)
    expect(text.slice(4, -4)).not.toMatch(/--|>/)
    expect(decodeRecord(text, 'a key with --> and -- in it')?.key).toBe('a key with --> and -- in it')
  })

  it('keeps a run of 500 tasks within the 65,535 characters of a check run text', () => {
    const text = encodeRecord(record(500))
    expect(text?.length).toBeLessThanOrEqual(MAX_RECORD_LENGTH)
    expect(decodeRecord(text, KEY)?.tasks.size).toBe(500)
  })

  it('leaves the eval definitions out before it would not fit', () => {
    const text = encodeRecord(record(600, KEY, 600))
    expect(text?.length).toBeLessThanOrEqual(MAX_RECORD_LENGTH)
    expect(decodeRecord(text, KEY)?.tasks.size).toBe(600)
    expect(decodeRecord(text, KEY)?.evalDefinitions.size).toBe(0)
  })

  it('leaves no record at all when even the tasks would not fit', () => {
    expect(encodeRecord(record(2_000))).toBeUndefined()
  })

  it.each([
    ['another gate (key)', (t: string) => t, 'other/key'],
    ['no record', () => 'just a report', KEY],
    ['not JSON', (t: string) => t.replace('{"v"', '{v'), KEY],
    ['another version', (t: string) => t.replace('"v":1', '"v":2'), KEY],
    ['a negative count', (t: string) => t.replace('"overall":[2,', '"overall":[-2,'), KEY],
    [
      'sums no run can have (more passed than evals)',
      (t: string) => t.replace('"overall":[2,8,7', '"overall":[2,8,9'),
      KEY
    ],
    ['a sha that is not one', (t: string) => t.replace(SHA, 'not-a-sha'), KEY],
    ['an oversized text', (t: string) => t + ' '.repeat(MAX_RECORD_LENGTH), KEY],
    ['a record of the wrong type', () => '<!-- avido-test-gate-record 42 -->', KEY]
  ])('reads as no record when it holds %s', (_what, tamper, key) => {
    const text = tamper(encodeRecord(record(2)) ?? '')
    expect(decodeRecord(text, key)).toBeUndefined()
  })

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), noise => {
        expect(() => decodeRecord(`<!-- avido-test-gate-record ${noise} -->`, KEY)).not.toThrow()
      })
    )
  })

  it('becomes a base-commit baseline measured when the record was made', () => {
    const baseline = baselineFromRecord(record(1))
    expect(baseline).toMatchObject({
      source: 'base-commit',
      sha: SHA,
      measuredAt: '2026-11-30T06:00:00.000Z'
    })
    expect(baseline.tasks.size).toBe(1)
  })
})
