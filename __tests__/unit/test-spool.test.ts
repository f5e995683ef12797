import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forEachRow } from '../../src/avido/paging.js'
import { buildJsonReport } from '../../src/render/json-report.js'
import { fileSpool, memorySpool } from '../../src/pipeline/test-spool.js'
import { writeJsonReport } from '../../src/pipeline/write-json-report.js'
import { GENERATED_AT, bigJudgement } from './report-fixtures.js'

const scope = {
  windowStart: GENERATED_AT,
  runIds: [],
  taskIds: [],
  evalDefinitionIds: [],
  experimentVariantIds: [],
  runTypes: []
}

describe('the report streamed from a test spool', () => {
  it.each([0, 1, 2_500])('lists every one of %i tests exactly as the report built whole would', async n => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'))
    try {
      const judgement = bigJudgement(n, 7, 2, 60)
      const spool = fileSpool(join(dir, 'sub', 'tests.part'))
      spool.restart()
      // An earlier reading is dropped by the next.
      for (const test of judgement.judgedTests.slice(0, 3)) spool.add(test)
      spool.restart()
      for (const test of judgement.judgedTests) spool.add(test)
      const spooled = spool.close()
      expect(spooled).toEqual({ count: n, file: join(dir, 'sub', 'tests.part') })

      const head = buildJsonReport({ judgement, scope, generatedAt: GENERATED_AT })
      expect(head.tests).toEqual([])
      const path = join(dir, 'report.json')
      await writeJsonReport(path, head, spooled)
      const whole = buildJsonReport({
        judgement,
        tests: judgement.judgedTests,
        scope,
        generatedAt: GENERATED_AT
      })
      const text = readFileSync(path, 'utf8')
      expect(text).toBe(JSON.stringify(whole, null, 2))
      expect((JSON.parse(text) as typeof whole).tests.map(t => t.id)).toEqual(
        judgement.judgedTests.map(t => t.id)
      )

      spool.discard()
      expect(existsSync(spooled.file!)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps the tests in memory when no file is given', async () => {
    const judgement = bigJudgement(5, 2, 1, 10)
    const spool = memorySpool()
    for (const test of judgement.judgedTests) spool.add(test)
    expect(spool.close()).toEqual({ count: 5, tests: judgement.judgedTests })
  })

  it('reports a spool that could not be written when the report is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'))
    try {
      const judgement = bigJudgement(3, 1, 1, 10)
      // A file where the spool's folder should be: nothing can be written.
      writeFileSync(join(dir, 'report.json'), '')
      const spool = fileSpool(join(dir, 'report.json', 'x', 'tests.part'))
      spool.restart()
      for (const test of judgement.judgedTests) spool.add(test)
      const spooled = spool.close()
      expect(spooled.fault).toBeDefined()
      const head = buildJsonReport({ judgement, scope, generatedAt: GENERATED_AT })
      await expect(writeJsonReport(join(dir, 'out.json'), head, spooled)).rejects.toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('forEachRow', () => {
  it('emits rows in page order, once each, however the pages arrive', async () => {
    const ids = Array.from({ length: 950 }, (_, i) => ({ id: `r${i}` }))
    // Page 3 repeats the last row of page 2 (a row that moved between reads).
    const pageOf = (skip: number) =>
      skip === 300 ? [ids[299], ...ids.slice(301, 400)] : ids.slice(skip, skip + 100)
    const delays = [40, 5, 30, 0, 10, 20, 0, 15, 5, 0]
    const emitted: string[] = []
    const count = await forEachRow(
      async skip => {
        await new Promise(resolve => setTimeout(resolve, delays[skip / 100] ?? 0))
        return { data: pageOf(skip), pagination: { total: 950 } }
      },
      row => row,
      row => emitted.push(row.id),
      {
        pageSize: 100,
        concurrency: 4,
        expectedTotal: 950,
        runaway: () => new Error('runaway'),
        repeatedPage: () => new Error('repeated')
      }
    )
    const expected = ids.filter((_, i) => i !== 300).map(row => row.id)
    expect(emitted).toEqual(expected)
    expect(count).toBe(expected.length)
  })
})
