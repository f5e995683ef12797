import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// The gate is read top to bottom: index → main → pipeline → render → judge → the clients and the shared
// words. A part may only import parts below it, so no two parts can ever import each other in a circle.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

/** Lower numbers are lower layers; a part imports only parts of a lower layer. */
const LAYER: Record<string, number> = {
  shared: 0,
  'v8-memory': 0,
  http: 0.5,
  stats: 0,
  avido: 1,
  github: 1,
  inputs: 2,
  judge: 2,
  render: 3,
  pipeline: 4,
  main: 5,
  index: 6
}

interface Edge {
  from: string
  to: string
  file: string
  typeOnly: boolean
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

function partOf(file: string): string {
  const [first, ...rest] = relative(SRC, file).split('/')
  return rest.length ? first : first.replace(/\.ts$/, '')
}

const IMPORT =
  /(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

export function importEdges(files: string[]): Edge[] {
  return files.flatMap(file => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(IMPORT)].map(match => {
      const target = resolve(dirname(file), (match[3] ?? match[4]).replace(/\.js$/, '.ts'))
      return { from: partOf(file), to: partOf(target), file: relative(SRC, file), typeOnly: !!match[2] }
    })
  })
}

/** Every circle in the graph of parts, as a path `a → b → a`. */
export function circles(edges: { from: string; to: string }[]): string[] {
  const next = new Map<string, Set<string>>()
  for (const { from, to } of edges) {
    if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to))
  }
  const found = new Set<string>()
  const walk = (start: string, node: string, path: string[]) => {
    for (const to of next.get(node) ?? []) {
      if (to === start) found.add([...path, to].join(' → '))
      else if (!path.includes(to) && to > start) walk(start, to, [...path, to])
    }
  }
  for (const start of next.keys()) walk(start, start, [start])
  return [...found]
}

const edges = importEdges(sourceFiles(SRC))

describe('the parts of src/', () => {
  it('finds a circle when there is one, and none in a chain', () => {
    expect(
      circles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' }
      ])
    ).toEqual(['a → b → c → a'])
    expect(
      circles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' }
      ])
    ).toEqual([])
  })

  it('import each other without any circle', () => {
    expect(circles(edges)).toEqual([])
  })

  it('each belong to a known layer', () => {
    const unknown = [...new Set(edges.flatMap(e => [e.from, e.to]))].filter(part => !(part in LAYER))
    expect(unknown).toEqual([])
  })

  it('import only parts of a lower layer', () => {
    const upward = edges
      .filter(e => e.from !== e.to && !(LAYER[e.to] < LAYER[e.from]))
      .map(e => `${e.file} imports ${e.to}`)
    expect(upward).toEqual([])
  })

  it('leave talking to both Avido and GitHub to the pipeline (main only wires the clients)', () => {
    const talkers = new Map<string, Set<string>>()
    for (const e of edges) {
      if ((e.to === 'avido' || e.to === 'github') && e.from !== e.to) {
        talkers.set(e.from, (talkers.get(e.from) ?? new Set()).add(e.to))
      }
    }
    const both = [...talkers].filter(([, parts]) => parts.size === 2).map(([part]) => part)
    expect(both.filter(part => part !== 'pipeline' && part !== 'main')).toEqual([])
  })

  it('keep judging and rendering pure: no client, clock or file system', () => {
    const impure = edges
      .filter(e => ['judge', 'render', 'stats'].includes(e.from))
      .filter(e => (e.to === 'avido' || e.to === 'github') && !e.typeOnly)
      .map(e => `${e.file} imports ${e.to}`)
    expect(impure).toEqual([])
    const io = sourceFiles(SRC)
      .filter(file => ['judge', 'render', 'stats'].includes(partOf(file)))
      .filter(file => /from ['"]node:(fs|http|https|net|child_process)/.test(readFileSync(file, 'utf8')))
    expect(io.map(file => relative(SRC, file))).toEqual([])
  })
})
