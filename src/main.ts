import { readEventPayload, readGitHubContext } from './github/context.js'
import { INPUT_NAMES, parseInputs, SECRET_INPUTS } from './inputs/index.js'
import { appendSummary, getInput, setFailed, setSecret } from './main/runner-commands.js'
import type { ValidStep } from './main/step.js'
import { abortedOutcome, describeFault } from './pipeline/outcome.js'
import { redactor } from './shared/redact.js'

/**
 * Reads and checks the inputs and the event with only light modules loaded, so a step with a bad input stops
 * at once; then loads the clients and the gate (undici, Octokit, the pipeline) and runs them.
 */
export async function run(): Promise<void> {
  const secrets = SECRET_INPUTS.map(name => getInput(name)).filter(Boolean)
  for (const secret of secrets) setSecret(secret)
  let step: ValidStep
  try {
    const raw = Object.fromEntries(INPUT_NAMES.map(name => [name, getInput(name)]))
    const config = parseInputs(raw, {
      commentKey: `${process.env.GITHUB_WORKFLOW ?? 'workflow'}/${process.env.GITHUB_JOB ?? 'job'}`
    })
    const context = readGitHubContext(process.env, readEventPayload(process.env.GITHUB_EVENT_PATH))
    step = { config, context, secrets }
  } catch (error) {
    // A bad input or event stops the step before anything was decided: no output is set.
    const redact = redactor(secrets)
    const { reason, summary } = abortedOutcome(describeFault(error))
    await appendSummary(redact(summary))
    setFailed(redact(reason))
    return
  }
  const { runValidStep } = await import('./main/step.js')
  await runValidStep(step)
}
