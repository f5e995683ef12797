import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { JudgedTest } from '../judge/types.js'
import { reportTest } from '../render/json-report.js'
import { IndentedJsonWriter } from './json-writer.js'

/**
 * Where the JSON report's tests go as they are judged, so that the gate holds none of them: a file beside
 * the report (the step's), or memory (tests and embedders that never write the report).
 */
export interface TestSpool {
  /** Drops what was added: a new reading of the tests begins. */
  restart(): void
  add(test: JudgedTest): void
  /** Ends the adding: the tests as the report will list them. */
  close(): SpooledTests
  /** Removes what was written. */
  discard(): void
}

export interface SpooledTests {
  count: number
  /** The tests, when kept in memory. */
  tests?: JudgedTest[]
  /** Else the file holding them as the report's `tests` array lists them, two-space indented, without brackets. */
  file?: string
  /** Why the file could not be written: the report then cannot be. */
  fault?: unknown
}

/** Writes `value` as item `index` of the report's `tests` array: two-space indented, four spaces in. */
export function writeTestsItem(writer: IndentedJsonWriter, value: unknown, index: number): void {
  writer.raw(index === 0 ? '    ' : ',\n    ')
  writer.value(value, 2)
}

export function memorySpool(): TestSpool {
  let tests: JudgedTest[] = []
  return {
    restart: () => void (tests = []),
    add: test => void tests.push(test),
    close: () => ({ count: tests.length, tests }),
    discard: () => void (tests = [])
  }
}

/**
 * A spool in the file `path`. Each test's JSON is laid out straight into a buffer that is written out as it
 * fills (synchronously, since tests are added from inside a page's handling), so no string of it is left for
 * the collector. A spool that cannot write stops trying and reports it when the report is written (the
 * gate's verdict does not depend on the report file).
 */
export function fileSpool(path: string): TestSpool {
  let fd: number | undefined
  let count = 0
  let fault: unknown
  const writer = new IndentedJsonWriter(bytes => {
    if (fault !== undefined || fd === undefined) return
    try {
      writeSync(fd, bytes)
    } catch (error) {
      fault = error
    }
  })
  const closeFile = () => {
    if (fd !== undefined) closeSync(fd)
    fd = undefined
  }
  const open = () => {
    try {
      mkdirSync(dirname(path), { recursive: true })
      fd = openSync(path, 'w')
    } catch (error) {
      fault = error
    }
  }
  return {
    restart: () => {
      writer.clear()
      closeFile()
      count = 0
      fault = undefined
      open()
    },
    add: test => {
      if (fd === undefined && fault === undefined) open()
      writeTestsItem(writer, reportTest(test), count++)
    },
    close: () => {
      writer.flush()
      closeFile()
      return { count, file: path, ...(fault !== undefined ? { fault } : {}) }
    },
    discard: () => {
      writer.clear()
      closeFile()
      rmSync(path, { force: true })
    }
  }
}
