import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JsonReport } from '../../src/render/json-report.js'
import { writeJsonReport } from '../../src/pipeline/write-json-report.js'

const test = (i: number) => ({
  id: `t${i}`,
  taskTitle: 'Quote "this" \\ and\nthat',
  passRate: i % 3 === 0 ? null : 50,
  explanation: undefined,
  evals: i % 2 ? [] : [{ id: `e${i}`, name: 'Tone', passed: false }]
})

const report = (tests: number) =>
  ({
    schemaVersion: 1,
    verdict: { result: 'error' },
    tasks: [{ id: 'a' }],
    tests: Array.from({ length: tests }, (_, i) => test(i))
  }) as unknown as JsonReport

describe('writeJsonReport', () => {
  it.each([0, 1, 199, 200, 201, 1000])(
    'writes %i tests exactly as JSON.stringify(report, null, 2)',
    async n => {
      const dir = mkdtempSync(join(tmpdir(), 'report-'))
      try {
        const path = join(dir, 'report.json')
        await writeJsonReport(path, report(n))
        expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(report(n), null, 2))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )
})
