import { redactor } from '../shared/redact.js'
import { INPUT_NAMES, SECRET_INPUTS, gateInputsSchema, type GateConfig, type InputName } from './schema.js'

export { INPUT_NAMES, type GateConfig, type InputName } from './schema.js'

export interface InputProblem {
  input: InputName
  /** Starts with the input name, e.g. `task-ids: "42" is not a valid UUID`. */
  message: string
}

/** Invalid inputs: every problem, one per line, in the order of the inputs. */
export class InputError extends Error {
  /** The first input with a problem. */
  readonly input: InputName
  readonly problems: InputProblem[]

  constructor(problems: InputProblem[]) {
    super(problems.map(problem => problem.message).join('\n'))
    this.name = 'InputError'
    this.input = problems[0]!.input
    this.problems = problems
  }
}

/** What the runner would make of the inputs whose defaults are expressions, for when they come empty. */
export interface InputContext {
  /** `workflow/job`, the value of comment-key's default. */
  commentKey: string
}

/** The raw input strings (keyed by input name, absent or empty for the default) to the typed configuration. */
export function parseInputs(raw: Record<string, string | undefined>, context: InputContext): GateConfig {
  const inputs = { ...raw, 'comment-key': raw['comment-key']?.trim() || context.commentKey }
  const parsed = gateInputsSchema.safeParse(inputs)
  if (parsed.success) return parsed.data

  // A secret pasted into another input must not reach a message, not even cut short: the messages come
  // from the inputs with the secrets replaced, and are scrubbed once more.
  const scrub = redactor(SECRET_INPUTS.map(name => raw[name] ?? ''))
  const masked = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      name,
      (SECRET_INPUTS as readonly string[]).includes(name) ? value : value && scrub(value)
    ])
  )
  const shown = gateInputsSchema.safeParse(masked)
  const issues = shown.success ? parsed.error.issues : shown.error.issues
  const order = (input: InputName) => INPUT_NAMES.indexOf(input)
  const problems = issues
    .map(issue => {
      const input = issue.path[0] as InputName
      return { input, message: scrub(`${input}: ${issue.message}`) }
    })
    .sort((a, b) => order(a.input) - order(b.input))
  throw new InputError(problems)
}
