// The rendered report through cmark-gfm, GitHub's own Markdown parser, when it is installed
// (`apt-get install cmark-gfm`); skipped otherwise. The other report tests check the Markdown text; this one
// checks what GitHub would make of it: table cells, tags, links and visible text.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { COMMENT_MAX_LENGTH, renderReport } from '../../src/render/markdown.js'
import { makeJudgement, reportInput } from './report-fixtures.js'

function cmarkGfm(markdown: string): string | undefined {
  try {
    return execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '--unsafe'], {
      input: markdown,
      stdio: ['pipe', 'pipe', 'ignore']
    }).toString()
  } catch {
    return undefined
  }
}

const available = cmarkGfm('x') !== undefined
const maybe = available ? describe : describe.skip
const OWN_TAGS = [
  'h2',
  'p',
  'strong',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'ul',
  'li',
  'a',
  'code',
  'sub',
  'blockquote'
]

function expectSafeHtml(html: string, taskRows?: number): void {
  const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map(m => m[1]))
  expect([...tags].filter(t => !OWN_TAGS.includes(t))).toEqual([])
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
    expect(href).toMatch(/^https:\/\/github\.com\/acme\//)
  expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length)
  const text = html
    .replace(/<code>[^]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
  expect(text).not.toMatch(/@[\p{L}\p{N}_]/u)
  expect(text).not.toMatch(/(?<!\w)#\d/)
  if (taskRows !== undefined) {
    const body = html.split('<tbody>')[1]?.split('</tbody>')[0] ?? ''
    const rows = body.split('<tr>').slice(1)
    expect(rows).toHaveLength(taskRows)
    for (const row of rows) expect((row.match(/<td/g) ?? []).length).toBe(5)
  }
}

maybe('rendered by cmark-gfm', () => {
  it('renders every golden file safely', () => {
    const dir = fileURLToPath(new URL('../golden/', import.meta.url))
    for (const file of readdirSync(dir).filter(f => f.endsWith('.md'))) {
      expectSafeHtml(cmarkGfm(readFileSync(dir + file, 'utf8'))!)
    }
  })

  it('keeps cells, tags, links and pings under control for hostile text', () => {
    const hostile = fc.constantFrom(
      'a|b',
      '\\|',
      '\\',
      '`|`',
      '<b>x</b>',
      '@x',
      '#1',
      '[a](http://x)',
      '**x**',
      '_x_',
      '</details>',
      'www.x.com',
      'http://x.y',
      '~~s~~',
      '&amp;',
      '\\`',
      '||'
    )
    const text = fc
      .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 1, maxLength: 5 })
      .map(a => a.join(''))
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, name: text, explanation: text }), { minLength: 1, maxLength: 3 }),
        specs => {
          const j = makeJudgement(
            specs.map(s => ({
              title: s.title,
              tests: [
                {
                  evals: [
                    { name: s.name, type: 'STYLE', passed: false, explanation: s.explanation },
                    { name: 'ok', passed: true }
                  ]
                }
              ]
            }))
          )
          const markdown = renderReport(reportInput(j), { maxLength: COMMENT_MAX_LENGTH, target: 'comment' })
          expectSafeHtml(cmarkGfm(markdown)!, specs.length)
        }
      ),
      { numRuns: 100 }
    )
  })
})
