// Types of install-node24.js, which stays plain JavaScript so that `npm ci` can run it before anything else.

export declare const NODE24_DIR: string

export declare function node24Packages(dir?: string): string[]

export declare function node24PackageFor(
  platform: string,
  arch: string,
  packages: string[]
): string | undefined

export declare function node24BinaryPath(packageName: string, dir?: string): string

export type Node24Plan = { action: 'fetch'; packageName: string } | { action: 'system' } | { action: 'none' }

export declare function planNode24(machine: {
  platform: string
  arch: string
  nodeVersion: string
  packages: string[]
}): Node24Plan
