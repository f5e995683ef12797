import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from '../../emulators/runner/run-action.js'

function runDemo(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['demo/demo.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', chunk => (output += chunk))
  child.stderr.on('data', chunk => (output += chunk))
  return new Promise(done => child.on('close', code => done({ code, output })))
}

describe('npm run demo', () => {
  it('shows the progress, the comment, the issue filed and the outputs, then exits 0', async () => {
    const { code, output } = await runDemo(['--scenario', 'fail'])
    expect(code).toBe(0)
    expect(output).toMatch(/Poll \d+ \(\d+s\): 20\/20 settled, 0 pending\./)
    expect(output).toContain('## 🔴 Avido test gate: 35.0% passed')
    expect(output).toMatch(
      /Test gate: 35\.0% pass rate on acme\/support-bot PR #7\nsource TEST · priority HIGH · type BUG/
    )
    expect(output).toMatch(/result\s+error/)
    expect(output).toContain('demo-output/comment.html')
  }, 60_000)

  it('passes the pass scenario without an issue and rejects an unknown one', async () => {
    const pass = await runDemo(['--scenario', 'pass'])
    expect(pass.code).toBe(0)
    expect(pass.output).toContain('## 🟢 Avido test gate: 90.0% passed')
    expect(pass.output).toContain('No issue filed')
    const unknown = await runDemo(['--scenario', 'maybe'])
    expect(unknown.code).toBe(2)
    expect(unknown.output).toContain('--scenario must be one of pass, warn, fail')
  }, 60_000)
})
