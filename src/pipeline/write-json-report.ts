import { open } from 'node:fs/promises'
import type { JsonReport } from '../render/json-report.js'

const TESTS_PER_WRITE = 20

/**
 * Writes what `JSON.stringify(report, null, 2)` would, a few tests at a time: a run of 10,000 tests never
 * becomes one 8 MB string, which would be the largest part of the action's peak memory. The chunks are kept
 * small too: a chunk of a few hundred KB is a large object to V8, which stays on the heap until a full
 * collection, and none comes before the action ends, so each such chunk added to the peak (about 20 MiB).
 */
export async function writeJsonReport(path: string, report: JsonReport): Promise<void> {
  const { tests, ...head } = report
  const opening = JSON.stringify({ ...head, tests: [] }, null, 2)
  const file = await open(path, 'w')
  try {
    if (tests.length === 0) return void (await file.write(opening))
    await file.write(`${opening.slice(0, -'[]\n}'.length)}[\n`)
    for (let start = 0; start < tests.length; start += TESTS_PER_WRITE) {
      const end = Math.min(start + TESTS_PER_WRITE, tests.length)
      const chunk = tests.slice(start, end).map(test => JSON.stringify(test, null, 2).replace(/^/gm, '    '))
      await file.write(`${chunk.join(',\n')}${end < tests.length ? ',' : ''}\n`)
    }
    await file.write('  ]\n}')
  } finally {
    await file.close()
  }
}
