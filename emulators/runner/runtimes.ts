import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { node24BinaryPath, node24PackageFor, node24Packages } from '../../scripts/install-node24.js'

export interface Runtime {
  /** For test titles: `node24`, `node20`, or a name that says which node stands in for a missing Node 24. */
  name: string
  path: string
}

/** A runtime found on this machine. */
export interface FoundRuntime extends Runtime {
  /** The version of that node, e.g. `24.9.0`. */
  version: string
  /** False when no Node 24 is available and another node runs the tests meant for it. */
  isNode24: boolean
}

export interface Machine {
  platform: string
  arch: string
  /** The version and path of the node running this process. */
  nodeVersion: string
  execPath: string
  /** The runtime packages tools/node24 pins. */
  packages: string[]
  /** The path and version of a runtime package's binary, when it is installed. */
  installed: (packageName: string) => { path: string; version: string } | undefined
}

const major = (version: string) => version.split('.')[0]

/** Node 24 as GitHub runs `node24` actions: the pinned package, else this node if it is 24, else a stand-in. */
export function chooseNode24(machine: Machine): FoundRuntime {
  const packageName = node24PackageFor(machine.platform, machine.arch, machine.packages)
  const binary = packageName ? machine.installed(packageName) : undefined
  if (binary) return { name: 'node24', ...binary, isNode24: true }
  const version = machine.nodeVersion
  if (major(version) === '24') return { name: 'node24', path: machine.execPath, version, isNode24: true }
  const why = packageName
    ? `${packageName} is not installed: run npm ci`
    : `no Node 24 package for ${machine.platform}-${machine.arch}`
  return {
    name: `node${major(version)} standing in for node24 (${why})`,
    path: machine.execPath,
    version,
    isNode24: false
  }
}

function installedPackage(packageName: string): { path: string; version: string } | undefined {
  const path = node24BinaryPath(packageName)
  if (!existsSync(path)) return undefined
  const manifest = join(path, '..', '..', 'package.json')
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }
  // These packages spell their version `v24.9.0` in the installed package.json.
  return { path, version: version.replace(/^v/, '') }
}

/** The Node 24 of this machine (see `chooseNode24`). */
export function node24Runtime(): FoundRuntime {
  return chooseNode24({
    platform: process.platform,
    arch: process.arch,
    nodeVersion: process.versions.node,
    execPath: process.execPath,
    packages: node24Packages(),
    installed: installedPackage
  })
}

/** The node running this process: Node 20 on a development machine, or whichever CI's matrix chose. */
export function currentRuntime(): FoundRuntime {
  const version = process.versions.node
  return { name: `node${major(version)}`, path: process.execPath, version, isNode24: major(version) === '24' }
}

/** [this process's node, Node 24]: the runtimes the end-to-end tests run the bundle on. */
export function runtimes(): [FoundRuntime, FoundRuntime] {
  return [currentRuntime(), node24Runtime()]
}
