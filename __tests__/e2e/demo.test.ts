import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../../emulators/runner/run-action.js'

function runDemo(
  args: string[],
  env: Record<string, string> = {}
): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['demo/demo.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', chunk => (output += chunk))
  child.stderr.on('data', chunk => (output += chunk))
  return new Promise(done => child.on('close', code => done({ code, output })))
}

describe('npm run demo', () => {
  it('shows the progress, the comment, the issue filed and the outputs, then exits 0', async () => {
    // Its own OS temp dir, to see that the demo leaves nothing behind there.
    const osTemp = mkdtempSync(join(tmpdir(), 'avido-gate-demo-'))
    try {
      const { code, output } = await runDemo(['--scenario', 'fail'], {
        TMPDIR: osTemp,
        TMP: osTemp,
        TEMP: osTemp
      })
      expect(code).toBe(0)
      // tsx keeps its compile cache there too.
      expect(readdirSync(osTemp).filter(name => !name.startsWith('tsx-'))).toEqual([])
      expectFailScenario(output)
    } finally {
      rmSync(osTemp, { recursive: true, force: true })
    }
  }, 60_000)

  function expectFailScenario(output: string): void {
    expect(output).toMatch(
      /Runtime {9}Node \d+\.\d+\.\d+ \((node24|node\d+ standing in for node24 \(.+\))\)\n/
    )
    expect(output).toMatch(/Poll \d+ \(\d+s\): 20\/20 settled, 0 pending\./)
    expect(output).toMatch(/## 🔴 Avido test gate: 35\.0%( ± \d+\.\d)? passed/)
    expect(output).toMatch(
      /Test gate: 35\.0% pass rate on acme\/support-bot PR #7\nsource TEST · priority HIGH · type BUG/
    )
    expect(output).toMatch(/result\s+error/)
    expect(output).toContain('demo-output/comment.html')
    // main is gated first; its check run is the pull request's baseline, and the drop is significant.
    expect(output).toMatch(/Check run "Avido test gate" on [0-9a-f]{7}: success, 87\.5% passed/)
    expect(output).toMatch(/Against the base commit [0-9a-f]{7}: -52\.5 points \(95% CI/)
    expect(output).toMatch(/\nbaseline +base-commit\n/)
    expect(output).toMatch(/\nbaseline-pass-rate +87\.5\n/)
    expect(output).toMatch(/\npass-rate-change +-52\.5\n/)
    expect(output).toMatch(/\nchange-margin +\d+\.\d\n/)
    expect(output).toMatch(/\nregressed +true\n/)
    expect(output).toMatch(/Pass rate +35\.0% ± \d+\.\d\n/)
    expect(output).toMatch(/Change +-52\.5 ± \d+\.\d points\nRegressed +true: a significant drop/)
  }

  it.each(['--help', '-h'])('prints the usage for %s and exits 0', async flag => {
    const { code, output } = await runDemo([flag])
    expect(code).toBe(0)
    expect(output).toMatch(/^Usage: npm run demo \[-- --scenario pass\|warn\|fail\]\n/)
    expect(output).toContain('-h, --help')
    expect(output).not.toContain('Avido emulator')
  })

  it.each([
    [['--verbose'], "error: Unknown option '--verbose'"],
    [['-x'], "error: Unknown option '-x'"],
    [['--scenario'], "error: Option '--scenario <value>' argument missing"],
    [['extra'], "error: Unexpected argument 'extra'"]
  ])('for %j prints the usage and one error line, and exits 2', async (args, error) => {
    const { code, output } = await runDemo(args)
    expect(code).toBe(2)
    expect(output).toMatch(/^Usage: npm run demo/)
    const lines = output.trimEnd().split('\n')
    expect(lines.filter(line => line.startsWith('error: '))).toHaveLength(1)
    expect(lines.at(-1)).toContain(error)
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('shows a drop within noise for warn, not a regression', async () => {
    const warn = await runDemo(['--scenario', 'warn'])
    expect(warn.code).toBe(0)
    expect(warn.output).toMatch(/\nbaseline-pass-rate +70\.0\n/)
    expect(warn.output).toMatch(/\npass-rate-change +-5\.0\n/)
    expect(warn.output).toMatch(/\nregressed +false\n/)
    expect(warn.output).toMatch(/Regressed +false: within noise \(a drop inside its margin\)/)
  }, 60_000)

  it('passes the pass scenario without an issue and rejects an unknown one', async () => {
    const pass = await runDemo(['--scenario', 'pass'])
    expect(pass.code).toBe(0)
    expect(pass.output).toMatch(/## 🟢 Avido test gate: 90\.0%( ± \d+\.\d)? passed/)
    expect(pass.output).toContain('No issue filed')
    expect(pass.output).toMatch(/\nbaseline +base-commit\n/)
    expect(pass.output).toMatch(/\npass-rate-change +\+2\.5\n/)
    expect(pass.output).toMatch(/Regressed +false: within noise \(a rise inside its margin\)/)
    const unknown = await runDemo(['--scenario', 'maybe'])
    expect(unknown.code).toBe(2)
    expect(unknown.output).toContain('error: --scenario must be one of pass, warn, fail, not "maybe"')
  }, 60_000)
})
