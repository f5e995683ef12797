import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { HiddenData } from '../../src/render/hidden-data.js'
import {
  MAX_ENCODED_LENGTH,
  MAX_HISTORY,
  commentMarker,
  decodeHiddenData,
  encodeHiddenData,
  nextHiddenData
} from '../../src/render/hidden-data.js'
import { makeJudgement } from './report-fixtures.js'

const sample: HiddenData = {
  v: 1,
  key: 'CI/gate',
  issueId: 'issue-1',
  lastPassRate: 62.5,
  lastResult: 'warning',
  taskBadges: { t1: 'warning', t2: 'success' },
  history: [
    { sha: 'aaa', runId: 1, attempt: 1, passRate: 50, result: 'error', at: '2026-11-20T10:00:00.000Z' },
    { sha: 'bbb', passRate: 62.5, result: 'warning', at: '2026-11-21T10:00:00.000Z' }
  ]
}

const block = (json: string) => `<!-- avido-test-gate:data ${Buffer.from(json).toString('base64')} -->`

describe('commentMarker', () => {
  it('url-encodes the key so it cannot end the comment', () => {
    expect(commentMarker('CI/gate')).toBe('<!-- avido-test-gate:marker key=CI%2Fgate -->')
    expect(commentMarker('a --> b')).toBe('<!-- avido-test-gate:marker key=a%20%2D%2D%3E%20b -->')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), key => {
        const marker = commentMarker(key)
        expect(marker.slice(4, -3)).not.toMatch(/--|>/)
        expect(commentMarker(key) === commentMarker(`${key}x`)).toBe(false)
      })
    )
  })
})

describe('hidden data', () => {
  it('round-trips inside a comment body', () => {
    const body = `<!-- marker -->\n## Report\n\ntext\n\n${encodeHiddenData(sample)}\n`
    expect(decodeHiddenData(body)).toEqual(sample)
    expect(decodeHiddenData(body, 'CI/gate')).toEqual(sample)
    expect(decodeHiddenData(body, 'other')).toBeUndefined()
  })

  it('round-trips any valid data', () => {
    const entry = fc.record(
      {
        sha: fc.string({ maxLength: 40 }),
        runId: fc.nat(),
        attempt: fc.nat(),
        passRate: fc.double({ min: 0, max: 100, noNaN: true }),
        result: fc.constantFrom('success' as const, 'warning' as const, 'error' as const, 'none' as const),
        at: fc.string({ maxLength: 30 })
      },
      { requiredKeys: ['sha', 'passRate', 'result', 'at'] }
    )
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.array(entry, { maxLength: MAX_HISTORY }),
        (key, history) => {
          const data: HiddenData = { v: 1, key, history }
          expect(decodeHiddenData(encodeHiddenData(data))).toEqual(data)
        }
      )
    )
  })

  it.each([
    ['no body', undefined],
    ['no block', 'just a comment'],
    ['not base64', '<!-- avido-test-gate:data !!!! -->'],
    ['not JSON', block('{nope')],
    ['JSON null', block('null')],
    ['wrong version', block('{"v":2,"key":"k","history":[]}')],
    ['no key', block('{"v":1,"history":[]}')],
    ['key of the wrong type', block('{"v":1,"key":5,"history":[]}')],
    ['oversized block', `<!-- avido-test-gate:data ${'A'.repeat(MAX_ENCODED_LENGTH * 5)} -->`]
  ])('tolerates %s', (_name, body) => {
    expect(decodeHiddenData(body)).toBeUndefined()
  })

  it('drops what it cannot trust and caps the history', () => {
    const history = Array.from({ length: 50 }, (_, i) => ({
      sha: `s${i}`,
      passRate: i,
      result: 'success',
      at: 'x'
    }))
    const data = decodeHiddenData(
      block(
        JSON.stringify({
          v: 1,
          key: 'k',
          issueId: 7,
          lastPassRate: 1e9,
          lastResult: 'great',
          taskBadges: { a: 'success', b: 'purple', __proto__: 'error', toString: 'warning' },
          history: [...history.slice(0, 45), { sha: 1 }, ...history.slice(45)]
        })
      )
    )
    expect(data).toBeDefined()
    expect(data!.issueId).toBeUndefined()
    expect(data!.lastPassRate).toBeUndefined()
    expect(data!.lastResult).toBeUndefined()
    expect({ ...data!.taskBadges }).toEqual({ a: 'success', toString: 'warning' })
    expect(data!.history).toHaveLength(19)
    expect(data!.history[18].sha).toBe('s49')
  })

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.anything(), value => {
        const body = block(JSON.stringify(value) ?? 'undefined')
        expect(() => decodeHiddenData(body)).not.toThrow()
      })
    )
  })

  it('stays within MAX_ENCODED_LENGTH however many tasks there are', () => {
    const taskBadges = Object.fromEntries(
      Array.from(
        { length: 5000 },
        (_, i) =>
          [`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, i % 2 ? 'success' : 'error'] as const
      )
    )
    const encoded = encodeHiddenData({ ...sample, taskBadges })
    expect(encoded.length).toBeLessThanOrEqual(MAX_ENCODED_LENGTH)
    const decoded = decodeHiddenData(encoded)!
    const kept = Object.values(decoded.taskBadges!)
    expect(kept.length).toBeGreaterThan(100)
    expect(kept.every(b => b === 'error')).toBe(true)
    expect(decoded.history).toEqual(sample.history)
  })
})

describe('nextHiddenData', () => {
  const j = makeJudgement([
    {
      title: 'A',
      tests: [
        {
          evals: [
            { name: 'x', passed: true },
            { name: 'y', passed: false }
          ]
        }
      ]
    }
  ])

  it('appends this run, remembers badges and the issue', () => {
    const next = nextHiddenData(sample, j, { key: 'CI/gate', sha: 'ccc', runId: 3, attempt: 1, at: 'now' })
    expect(next.history.map(h => h.sha)).toEqual(['aaa', 'bbb', 'ccc'])
    expect(next.lastPassRate).toBe(50)
    expect(next.lastResult).toBe('error')
    expect(next.issueId).toBe('issue-1')
    expect({ ...next.taskBadges }).toEqual({ [j.tasks[0].id]: 'error' })
  })

  it('replaces the entry of a re-run and starts over for another key', () => {
    const first = nextHiddenData(sample, j, { key: 'CI/gate', sha: 'ccc', runId: 3, attempt: 1, at: 't1' })
    const rerun = nextHiddenData(first, j, { key: 'CI/gate', sha: 'ccc', runId: 3, attempt: 2, at: 't2' })
    expect(rerun.history.map(h => `${h.sha}:${h.attempt ?? ''}`)).toEqual(['aaa:1', 'bbb:', 'ccc:2'])
    const other = nextHiddenData(sample, j, { key: 'other', sha: 'ccc', at: 't' })
    expect(other.history).toHaveLength(1)
    expect(other.issueId).toBeUndefined()
  })

  it('keeps at most MAX_HISTORY runs', () => {
    let data: HiddenData | undefined
    for (let i = 0; i < 30; i++) data = nextHiddenData(data, j, { key: 'k', sha: `s${i}`, at: 't' })
    expect(data!.history).toHaveLength(MAX_HISTORY)
    expect(data!.history[0].sha).toBe('s10')
  })
})
