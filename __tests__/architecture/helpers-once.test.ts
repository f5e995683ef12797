import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Some rules must be written exactly once, or two copies drift apart: what counts as a secret, how text
// becomes one line cut to N characters, what a UUID is, which Avido base URL is allowed, how long a commit
// status may be, how the open issue is searched. Each rule below names the marks a copy of it would leave
// in the code and the one file allowed to hold them.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** Code without comments: a rule explained in prose elsewhere is no copy of it. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1')
}

interface Rule {
  name: string
  /** Where the rule lives (relative to src/). */
  home: string
  /** Marks of a copy of the rule. */
  marks: RegExp[]
}

const RULES: Rule[] = [
  {
    name: 'what counts as a secret, and how it is hidden',
    home: 'shared/redact.ts',
    marks: [
      /['"`]\*\*\*['"`]/, // the mask itself
      /\.split\([^)]*\)\s*\.join\(/, // replacing every occurrence of a value
      /gh\[[a-z]+\]_|github_pat_/, // the shape of a GitHub token
      /secret\w*\.length\s*>/i // a minimum secret length
    ]
  },
  {
    name: 'one line, cut to N characters',
    home: 'shared/text.ts',
    marks: [
      /\.slice\([^)]*\)\s*\}?\s*(?:\+\s*)?['"`]?…/, // `${text.slice(0, n)}…` or text.slice(0, n) + '…'
      /['"`]…['"`]/, // an ellipsis pushed onto what was kept
      /Intl\.Segmenter/, // cutting between grapheme clusters
      /\.replace\(\/\\s\+\/g,\s*['"` ]+\)/ // collapsing whitespace to make one line
    ]
  },
  {
    name: 'the 140-character commit status limit',
    home: 'shared/text.ts',
    marks: [/(?<![\w.])140(?![\w.])/]
  },
  {
    name: 'what a UUID is',
    home: 'shared/uuid.ts',
    marks: [/\{8\}-/, /\{4\}-\[/]
  },
  {
    name: 'which Avido base URL is allowed',
    home: 'shared/base-url.ts',
    marks: [/localhost\|127/, /\\\[::1\\\]/]
  },
  {
    name: 'the search for the open issue',
    home: 'avido/find-open-issue.ts',
    // The client defines listIssues; everyone else goes through findOpenIssue.
    marks: [/status:\s*['"]OPEN['"]/, /\.listIssues\(/]
  }
]

/** Every `file:line  code` of src/ outside `home` that carries one of the marks. */
export function copiesOf(rule: Rule, files: readonly string[]): string[] {
  return files
    .filter(file => relative(SRC, file) !== rule.home)
    .flatMap(file =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) =>
          rule.marks.some(mark => mark.test(line)) ? [`${relative(SRC, file)}:${i + 1}  ${line.trim()}`] : []
        )
    )
}

describe('each helper exists once', () => {
  const files = sourceFiles(SRC)

  it.each(RULES.map(rule => [rule.name, rule] as const))('%s', (_name, rule) => {
    expect(files).toContain(join(SRC, rule.home))
    // The home file holds the rule, so a mark that no longer finds it there finds no copy either.
    const home = withoutComments(readFileSync(join(SRC, rule.home), 'utf8'))
    expect(rule.marks.some(mark => mark.test(home))).toBe(true)
    expect(copiesOf(rule, files)).toEqual([])
  })
})

describe('the marks', () => {
  it.each([
    ['a private redactor', 'const clean = text.split(key).join("***")', 0],
    ['a token pattern', 'const T = /\\bgh[ps]_\\w+/g', 0],
    ['a minimum key length', 'if (secret.length >= 4) hide(secret)', 0],
    ['a cut with an ellipsis', 'return s.length > n ? `${s.slice(0, n - 1)}…` : s', 1],
    ['a concatenated ellipsis', "return s.slice(0, n) + '…'", 1],
    ['whitespace collapsed', "const flat = text.replace(/\\s+/g, ' ').trim()", 1],
    ['a second status limit', 'export const MAX_DESCRIPTION = 140', 2],
    ['a UUID pattern', 'const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-/', 3],
    ['a loopback rule', 'const LOCAL = /^(localhost|127\\.0\\.0\\.1)$/', 4],
    ['a private issue search', "await client.listIssues({ status: 'OPEN' })", 5]
  ])('find %s', (_name, line, index) => {
    const rule = RULES[index]!
    expect(rule.marks.some(mark => mark.test(withoutComments(line)))).toBe(true)
  })

  it('ignore what comments say and what merely looks alike', () => {
    const prose = '// GitHub allows 140 characters; `${text.slice(0, n)}…` was the old cut\n/* ghp_… */'
    expect(RULES.flatMap(rule => rule.marks).some(mark => mark.test(withoutComments(prose)))).toBe(false)
    const alike = "const url = 'https://x.test/a'; lines.push(`- … and ${n} more`); const n = 1400"
    expect(RULES.flatMap(rule => rule.marks).some(mark => mark.test(withoutComments(alike)))).toBe(false)
  })
})
