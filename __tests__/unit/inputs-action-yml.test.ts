import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { INPUT_DEFAULTS, INPUT_NAMES, REQUIRED_INPUTS, SECRET_INPUTS } from '../../src/inputs/index.js'
import { OUTPUT_NAMES } from '../../src/shared/output-names.js'

// action.yml is what the runner reads; the schema is what the action reads. These tests fail on any drift
// between the two: a name, the order, a default or a required flag.

const ACTION_YAML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')

interface Declared {
  inputs: Record<string, { required?: unknown; default?: unknown }>
  outputs: Record<string, unknown>
}

const read = (yaml: string) => parseYaml(yaml) as Declared

function listDifference(where: string, declared: string[], expected: readonly string[]): string[] {
  const problems = [
    ...expected.filter(name => !declared.includes(name)).map(name => `${where}: ${name} is missing`),
    ...declared.filter(name => !expected.includes(name)).map(name => `${where}: ${name} is unknown`)
  ]
  if (problems.length === 0 && declared.join() !== expected.join()) {
    problems.push(`${where}: the order is ${declared.join(', ')}`)
  }
  return problems
}

/** How action.yml's inputs differ from the schema, one line per difference. */
function inputDifferences(action: Declared): string[] {
  const problems = listDifference('inputs', Object.keys(action.inputs ?? {}), INPUT_NAMES)
  for (const name of INPUT_NAMES) {
    const input = action.inputs?.[name]
    if (!input) continue
    if (typeof input.required !== 'boolean') problems.push(`${name}: required must be true or false`)
    const required = REQUIRED_INPUTS.includes(name)
    if (input.required !== required) problems.push(`${name}: required must be ${required}`)
    const fallback = input.default === undefined ? undefined : String(input.default)
    if (fallback !== INPUT_DEFAULTS[name]) {
      problems.push(
        `${name}: default is ${JSON.stringify(fallback)}, the schema's ${JSON.stringify(INPUT_DEFAULTS[name])}`
      )
    }
  }
  return problems
}

const outputDifferences = (action: Declared) =>
  listDifference('outputs', Object.keys(action.outputs ?? {}), OUTPUT_NAMES)

describe('action.yml', () => {
  it('declares the inputs of the schema, in its order, with its defaults and required flags', () => {
    expect(inputDifferences(read(ACTION_YAML))).toEqual([])
  })

  it('declares the outputs of OUTPUT_NAMES, in its order', () => {
    expect(outputDifferences(read(ACTION_YAML))).toEqual([])
  })
})

describe('the comparison', () => {
  const edited = (edit: (action: Declared) => void): Declared => {
    const action = read(ACTION_YAML)
    edit(action)
    return action
  }
  const renamed = (record: Record<string, unknown>, from: string, to: string) =>
    Object.fromEntries(Object.entries(record).map(([name, value]) => [name === from ? to : name, value]))

  it.each<[string, (action: Declared) => void, string[]]>([
    [
      'a changed default',
      action => (action.inputs['timeout']!.default = '10m'),
      ['timeout: default is "10m", the schema\'s "15m"']
    ],
    [
      'a dropped default',
      action => delete action.inputs['baseline-max-age']!.default,
      ['baseline-max-age: default is undefined, the schema\'s "7d"']
    ],
    [
      'a required flag',
      action => (action.inputs['application-id']!.required = false),
      ['application-id: required must be true']
    ],
    [
      'a required flag as a string',
      action => (action.inputs['dry-run']!.required = 'false'),
      ['dry-run: required must be true or false', 'dry-run: required must be false']
    ],
    [
      'a renamed input',
      action => (action.inputs = renamed(action.inputs, 'max-regression', 'max-drop') as Declared['inputs']),
      ['inputs: max-regression is missing', 'inputs: max-drop is unknown']
    ],
    [
      'two inputs swapped',
      action => {
        const { baseline, 'status-context': context, ...rest } = action.inputs
        const entries = Object.entries(rest)
        const at = entries.findIndex(([name]) => name === 'status-check') + 1
        entries.splice(at, 0, ['baseline', baseline!], ['status-context', context!])
        action.inputs = Object.fromEntries(entries)
      },
      [
        expect.stringMatching(
          /^inputs: the order is .*status-check, baseline, status-context,/
        ) as unknown as string
      ]
    ]
  ])('finds %s', (_case, edit, problems) => {
    expect(inputDifferences(edited(edit))).toEqual(problems)
  })

  it('finds a missing and an unknown output', () => {
    const action = edited(action => {
      action.outputs = renamed(action.outputs, 'check-run-url', 'check-url')
    })
    expect(outputDifferences(action)).toEqual([
      'outputs: check-run-url is missing',
      'outputs: check-url is unknown'
    ])
  })
})

describe('the derived lists', () => {
  it('mark the API key and the GitHub token as secrets, and nothing else', () => {
    expect([...SECRET_INPUTS]).toEqual(['api-key', 'github-token'])
  })

  it('require the API key and the application id, which have no default', () => {
    expect([...REQUIRED_INPUTS]).toEqual(['api-key', 'application-id'])
    expect(REQUIRED_INPUTS.filter(name => name in INPUT_DEFAULTS)).toEqual([])
  })
})
