// Reading inputs the way main does, with the two required inputs filled in unless a case sets them.
import { InputError, parseInputs, type GateConfig } from '../../src/inputs/index.js'

export const REQUIRED = { 'api-key': 'avido_prod_k3y', 'application-id': 'app-1' }

export function parse(inputs: Record<string, string | undefined>): GateConfig {
  return parseInputs({ ...REQUIRED, ...inputs }, { commentKey: 'CI/gate' })
}

/** The error that parsing the inputs throws; fails the test when they are accepted. */
export function rejection(inputs: Record<string, string | undefined>): InputError {
  try {
    parse(inputs)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`)
}
