import { writeSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { reportTest, type JsonReport } from '../render/json-report.js'
import { IndentedJsonWriter } from './json-writer.js'
import { writeTestsItem, type SpooledTests } from './test-spool.js'

const COPY_CHUNK = 65_536

/**
 * Writes what `JSON.stringify(report, null, 2)` would, with the tests given in `spooled` (else those of the
 * report) laid out in a buffer written as it fills, or copied from the spool's file in small chunks: a run of
 * 10,000 tests never becomes one 8 MB string, which would be the largest part of the action's peak memory.
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
    if (spooled?.tests) writeTests(file, spooled.tests, reportTest)
    else if (spooled?.file) await copyFile(file, spooled.file)
    else writeTests(file, kept, test => test)
    await file.write('\n  ]\n}')
  } finally {
    await file.close()
  }
}

/** The tests as the report lists them, laid out in a buffer written to the file as it fills. */
function writeTests<T>(file: FileHandle, tests: readonly T[], toValue: (test: T) => unknown): void {
  const writer = new IndentedJsonWriter(bytes => void writeSync(file.fd, bytes))
  tests.forEach((test, index) => writeTestsItem(writer, toValue(test), index))
  writer.flush()
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
