import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  ACTION_PATH,
  README_PATH,
  SECTIONS,
  expectedReadme,
  inputsTable,
  outputsTable,
  readActionMetadata,
  replaceTables,
  sectionText
} from '../../scripts/readme-tables.js'

const actionYaml = readFileSync(ACTION_PATH, 'utf8')
const readme = readFileSync(README_PATH, 'utf8')

describe('README inputs and outputs tables', () => {
  it.each(SECTIONS)('the %s table is the one action.yml gives (run `npm run docs:tables`)', async section => {
    const expected = await expectedReadme(readme, actionYaml)
    expect(sectionText(readme, section)).toBe(sectionText(expected, section))
  })

  it('lists every input and output of action.yml by name', () => {
    const metadata = readActionMetadata(actionYaml)
    expect(metadata.inputs.size).toBeGreaterThan(0)
    expect(metadata.outputs.size).toBeGreaterThan(0)
    const inputs = sectionText(readme, 'inputs') ?? ''
    const outputs = sectionText(readme, 'outputs') ?? ''
    for (const name of metadata.inputs.keys()) expect(inputs).toContain(`\`${name}\``)
    for (const name of metadata.outputs.keys()) expect(outputs).toContain(`\`${name}\``)
  })
})

describe('table generation', () => {
  const yaml = [
    'name: x',
    'description: y',
    'inputs:',
    '  token:',
    '    description: The key.',
    '    required: true',
    '  mode:',
    "    description: 'a | b, or c'",
    '    default: a',
    '  key:',
    '    description: Key.',
    '    default: ${{ github.workflow }}/${{ github.job }}',
    '  empty:',
    '    description: Nothing by default.',
    "    default: ''",
    'outputs:',
    '  result:',
    '    description: |',
    '      Two',
    '      lines.',
    'runs:',
    '  using: node24',
    '  main: dist/index.js'
  ].join('\n')
  const metadata = readActionMetadata(yaml)

  it('marks required inputs, shows defaults as code and escapes pipes', () => {
    expect(inputsTable(metadata).split('\n')).toEqual([
      '| Input | Description | Default |',
      '| --- | --- | --- |',
      '| `token` | The key. | **required** |',
      '| `mode` | a \\| b, or c | `a` |',
      '| `key` | Key. | `${{ github.workflow }}/${{ github.job }}` |',
      '| `empty` | Nothing by default. |  |'
    ])
  })

  it('puts multi-line descriptions on one line', () => {
    expect(outputsTable(metadata)).toContain('| `result` | Two lines. |')
  })

  it('replaces only the text between the markers', () => {
    const before = [
      '# Title',
      '<!-- action-inputs:start -->',
      'old',
      '<!-- action-inputs:end -->',
      'middle',
      '<!-- action-outputs:start -->',
      '<!-- action-outputs:end -->',
      'end'
    ].join('\n')
    const after = replaceTables(before, metadata)
    expect(after).not.toContain('old')
    expect(after.startsWith('# Title\n<!-- action-inputs:start -->\n\n| Input |')).toBe(true)
    expect(after).toContain('<!-- action-inputs:end -->\nmiddle\n<!-- action-outputs:start -->\n\n| Output |')
    expect(after.endsWith('<!-- action-outputs:end -->\nend')).toBe(true)
  })

  it('refuses a README without the markers', () => {
    expect(() => replaceTables('# Title\n', metadata)).toThrow('action-inputs:start')
  })

  it('refuses an input without a description', () => {
    expect(() => readActionMetadata('inputs:\n  a:\n    required: true\n')).toThrow('inputs.a')
  })
})
