// The action's inputs: one schema gives their names, defaults, secrets and the typed configuration.
export {
  BASELINE_MODES,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  REQUIRED_INPUTS,
  SECRET_INPUTS,
  type BaselineMode,
  type GateConfig,
  type InputDeclaration,
  type InputName
} from './schema.js'
export { InputError, parseInputs, type InputContext, type InputProblem } from './parse.js'
export { STATUS_CHECK_MODES, type StatusCheck } from './special-readers.js'
export { AGE_DURATION, WAIT_DURATION, checkDuration, formatDuration, type DurationRule } from './duration.js'
