import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as commands from '../../src/main/runner-commands.js'

// The step writes the runner's commands itself; @actions/core, which the runner's format comes from, is the
// reference for every line it writes.

/** What `work` writes to stdout. */
async function stdoutOf(work: () => unknown): Promise<string> {
  let written = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    written += String(chunk)
    return true
  })
  try {
    await work()
  } finally {
    spy.mockRestore()
  }
  return written
}

const TEXTS = [
  'plain',
  '',
  '100% done, 3: of 4',
  'two\nlines\r\nand a %0A that is not a newline',
  'ünïcødé 👩‍👩‍👧 ::error::not a command'
]

describe('runner commands, as @actions/core writes them', () => {
  it.each(TEXTS)('info, debug and warning of %j', async text => {
    expect(await stdoutOf(() => commands.info(text))).toBe(await stdoutOf(() => core.info(text)))
    expect(await stdoutOf(() => commands.debug(text))).toBe(await stdoutOf(() => core.debug(text)))
    expect(await stdoutOf(() => commands.warning(text))).toBe(await stdoutOf(() => core.warning(text)))
    for (const title of ['Avido test gate', 'a: title, with %\nnewline']) {
      expect(await stdoutOf(() => commands.warning(text, title))).toBe(
        await stdoutOf(() => core.warning(text, { title }))
      )
    }
  })

  it('folds a group, and ends it when the work fails', async () => {
    const work = async () => {
      process.stdout.write('inside\n')
      return 7
    }
    expect(await stdoutOf(() => commands.group('1. Pull: request', work))).toBe(
      await stdoutOf(() => core.group('1. Pull: request', work))
    )
    const failing = () => Promise.reject(new Error('no'))
    const ours = await stdoutOf(() => commands.group('g', failing).catch(() => undefined))
    expect(ours).toBe(await stdoutOf(() => core.group('g', failing).catch(() => undefined)))
    expect(ours).toContain('::endgroup::')
  })

  describe('outputs', () => {
    let dir: string
    const saved = process.env.GITHUB_OUTPUT
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'avido-gate-output-'))
    })
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true })
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
    })

    /** The file's text with each random delimiter made the same. */
    const outputFile = (path: string) =>
      readFileSync(path, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_ID')

    it.each(TEXTS)('go to the GITHUB_OUTPUT file between delimiters: %j', async value => {
      const ours = join(dir, 'ours')
      const theirs = join(dir, 'theirs')
      writeFileSync(ours, '')
      writeFileSync(theirs, '')
      process.env.GITHUB_OUTPUT = ours
      commands.setOutput('result', value)
      commands.setOutput('summary', 'second')
      process.env.GITHUB_OUTPUT = theirs
      core.setOutput('result', value)
      core.setOutput('summary', 'second')
      expect(outputFile(ours)).toBe(outputFile(theirs))
      expect(outputFile(ours)).toContain(`result<<ghadelimiter_ID\n${value}\nghadelimiter_ID\n`)
    })

    it('are set-output commands without a GITHUB_OUTPUT file', async () => {
      delete process.env.GITHUB_OUTPUT
      const value = 'a, b: 100%\nnext'
      expect(await stdoutOf(() => commands.setOutput('result', value))).toBe(
        await stdoutOf(() => core.setOutput('result', value))
      )
    })

    it('refuse a GITHUB_OUTPUT file that is not there', () => {
      process.env.GITHUB_OUTPUT = join(dir, 'missing')
      expect(() => commands.setOutput('result', 'x')).toThrow('Missing file')
    })
  })
})
