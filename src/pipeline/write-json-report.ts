import { open, type FileHandle } from 'node:fs/promises'
import type { JsonReport } from '../render/json-report.js'
import { indentedJson, indentedTest, type SpooledTests } from './test-spool.js'

const TESTS_PER_WRITE = 20
const COPY_CHUNK = 65_536

/**
 * Writes what `JSON.stringify(report, null, 2)` would, with the tests given in `spooled` (else those of the
 * report), a few at a time or copied from the spool's file: a run of 10,000 tests never becomes one 8 MB
 * string, which would be the largest part of the action's peak memory. The chunks are kept small too: a
 * chunk of a few hundred KB is a large object to V8, which stays on the heap until a full collection, and
 * none comes before the action ends, so each such chunk added to the peak (about 20 MiB).
 */
export async function writeJsonReport(
  path: string,
  report: JsonReport,
  spooled?: SpooledTests
): Promise<void> {
  if (spooled?.fault !== undefined) throw spooled.fault
  const { tests: kept, ...head } = report
  const count = spooled?.count ?? kept.length
  const opening = JSON.stringify({ ...head, tests: [] }, null, 2)
  const file = await open(path, 'w')
  try {
    if (count === 0) return void (await file.write(opening))
    await file.write(`${opening.slice(0, -'[]\n}'.length)}[\n`)
    if (spooled?.tests) await writeTests(file, spooled.tests, indentedTest)
    else if (spooled?.file) await copyFile(file, spooled.file)
    else await writeTests(file, kept, indentedJson)
    await file.write('\n  ]\n}')
  } finally {
    await file.close()
  }
}

async function writeTests<T>(file: FileHandle, tests: readonly T[], toJson: (test: T) => string) {
  for (let start = 0; start < tests.length; start += TESTS_PER_WRITE) {
    const end = Math.min(start + TESTS_PER_WRITE, tests.length)
    const chunk = tests.slice(start, end).map(toJson)
    await file.write(`${chunk.join(',\n')}${end < tests.length ? ',\n' : ''}`)
  }
}

async function copyFile(file: FileHandle, from: string): Promise<void> {
  const source = await open(from, 'r')
  try {
    const buffer = Buffer.allocUnsafe(COPY_CHUNK)
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, COPY_CHUNK, null)
      if (bytesRead === 0) break
      await file.write(buffer, 0, bytesRead)
    }
  } finally {
    await source.close()
  }
}
