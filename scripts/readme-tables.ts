// Writes the inputs and outputs tables of README.md from action.yml, between the markers
//   <!-- action-inputs:start --> … <!-- action-inputs:end -->
//   <!-- action-outputs:start --> … <!-- action-outputs:end -->
// Usage: tsx scripts/readme-tables.ts [--check]
// With --check nothing is written; the exit code is 1 when README.md differs from what action.yml gives.
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const ACTION_PATH = resolve(ROOT, 'action.yml')
export const README_PATH = resolve(ROOT, 'README.md')

export type Section = 'inputs' | 'outputs'
export const SECTIONS: readonly Section[] = ['inputs', 'outputs']

interface ActionInput {
  description: string
  required: boolean
  default?: string
}

interface ActionOutput {
  description: string
}

export interface ActionMetadata {
  inputs: Map<string, ActionInput>
  outputs: Map<string, ActionOutput>
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`action.yml: ${where} must be a mapping`)
  }
  return value as Record<string, unknown>
}

function description(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`action.yml: ${where} needs a description`)
  }
  return value.trim().replace(/\s+/g, ' ')
}

/** The inputs and outputs of an action.yml, in the order they are written there. */
export function readActionMetadata(yamlText: string): ActionMetadata {
  const action = record(parse(yamlText), 'the file')
  const inputs = new Map<string, ActionInput>()
  for (const [name, raw] of Object.entries(record(action.inputs ?? {}, 'inputs'))) {
    const input = record(raw, `inputs.${name}`)
    const entry: ActionInput = {
      description: description(input.description, `inputs.${name}`),
      required: input.required === true || input.required === 'true'
    }
    if (input.default !== undefined && input.default !== null) entry.default = String(input.default)
    inputs.set(name, entry)
  }
  const outputs = new Map<string, ActionOutput>()
  for (const [name, raw] of Object.entries(record(action.outputs ?? {}, 'outputs'))) {
    outputs.set(name, {
      description: description(record(raw, `outputs.${name}`).description, `outputs.${name}`)
    })
  }
  return { inputs, outputs }
}

/** Text for a table cell: pipes escaped, on one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()
}

/** Inline code that survives backticks inside the value. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`'
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${cell(text)}${pad}${fence}`
}

export function inputsTable(metadata: ActionMetadata): string {
  const rows = [...metadata.inputs].map(([name, input]) => {
    const fallback = input.required ? '**required**' : input.default ? code(input.default) : ''
    return `| ${code(name)} | ${cell(input.description)} | ${fallback} |`
  })
  return ['| Input | Description | Default |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(metadata: ActionMetadata): string {
  const rows = [...metadata.outputs].map(
    ([name, output]) => `| ${code(name)} | ${cell(output.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

export function markers(section: Section): { start: string; end: string } {
  return { start: `<!-- action-${section}:start -->`, end: `<!-- action-${section}:end -->` }
}

/** README text with each section's marked block replaced by the table (not yet formatted). */
export function replaceTables(readme: string, metadata: ActionMetadata): string {
  let text = readme
  for (const section of SECTIONS) {
    const { start, end } = markers(section)
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to === -1 || to < from || text.indexOf(start, from + 1) !== -1) {
      throw new Error(`README.md needs exactly one "${start}" followed by "${end}"`)
    }
    const table = section === 'inputs' ? inputsTable(metadata) : outputsTable(metadata)
    text = `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`
  }
  return text
}

/** The text between a section's markers, trimmed; undefined when the markers are missing. */
export function sectionText(readme: string, section: Section): string | undefined {
  const { start, end } = markers(section)
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from === -1 || to === -1 || to < from) return undefined
  return readme.slice(from + start.length, to).trim()
}

/** Formats Markdown the way `npm run format:write` does, so the generated README passes format:check. */
export async function formatMarkdown(text: string, filepath = README_PATH): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {}
  return prettier.format(text, { ...options, filepath, parser: 'markdown' })
}

/** The README as it should be: the current one with tables generated from action.yml, formatted. */
export async function expectedReadme(readme: string, actionYaml: string): Promise<string> {
  return formatMarkdown(replaceTables(readme, readActionMetadata(actionYaml)))
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check')
  const [readme, actionYaml] = await Promise.all([
    readFile(README_PATH, 'utf8'),
    readFile(ACTION_PATH, 'utf8')
  ])
  const expected = await expectedReadme(readme, actionYaml)
  const stale = SECTIONS.filter(section => sectionText(readme, section) !== sectionText(expected, section))
  if (check || expected === readme) {
    if (stale.length === 0) {
      console.log('README.md: the inputs and outputs tables match action.yml.')
      return 0
    }
    console.error(
      `README.md: the ${stale.join(' and ')} table differs from action.yml; run \`npm run docs:tables\`.`
    )
    return 1
  }
  await writeFile(README_PATH, expected)
  console.log('README.md: inputs and outputs tables rewritten from action.yml.')
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error))
      process.exitCode = 1
    }
  )
}
