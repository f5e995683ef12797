import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../../emulators/runner/run-action.js'

// The repository's own conventions: least-privilege workflows, Dependabot, and the files users look for.

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

  it('groups Dependabot updates for npm and github-actions', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string; groups?: object }[]
    }
    const ecosystems = config.updates.map(update => update['package-ecosystem'])
    expect(ecosystems.sort()).toEqual(['github-actions', 'npm'])
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
})
