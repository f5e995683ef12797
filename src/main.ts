// First: it sets V8 flags that must be in place before the other modules load.
import './v8-memory.js'
import * as core from '@actions/core'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { AvidoClient } from './avido/client.js'
import type { GateLog } from './shared/log.js'
import { runGate } from './pipeline/run-gate.js'
import { readEventPayload, readGitHubContext } from './github/context.js'
import { createOctokit } from './github/octokit.js'
import { GitHubReporter } from './github/reporter.js'
import { INPUT_NAMES, parseInputs } from './inputs/parse.js'
import { redactor } from './shared/redact.js'
import { writeJsonReport } from './pipeline/write-json-report.js'

const GITHUB_REQUEST_TIMEOUT_MS = 30_000

/** The action's log; every line is redacted, since a server may echo a secret in what it answers. */
function coreLog(redact: (text: string) => string): GateLog {
  return {
    info: message => core.info(redact(message)),
    debug: message => core.debug(redact(message)),
    warning: (message, title) => core.warning(redact(message), title ? { title } : undefined),
    group: (name, work) => core.group(name, work)
  }
}

/** Reads the inputs, wires the Avido and GitHub clients to the gate, and sets the outputs. */
export async function run(): Promise<void> {
  const secrets = [core.getInput('api-key'), core.getInput('github-token')].filter(Boolean)
  for (const secret of secrets) core.setSecret(secret)
  const redact = redactor(secrets)
  const log = coreLog(redact)
  try {
    const raw = Object.fromEntries(INPUT_NAMES.map(name => [name, core.getInput(name)]))
    const config = parseInputs(raw, {
      commentKey: `${process.env.GITHUB_WORKFLOW ?? 'workflow'}/${process.env.GITHUB_JOB ?? 'job'}`
    })
    const context = readGitHubContext(process.env, readEventPayload(process.env.GITHUB_EVENT_PATH))
    const avido = new AvidoClient({
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
      applicationId: config.applicationId,
      otherSecrets: secrets,
      debug: log.debug
    })
    const github = config.githubToken
      ? new GitHubReporter(
          createOctokit({
            token: config.githubToken,
            apiUrl: context.apiUrl,
            // A GitHub call never waits longer than the gate waits for Avido.
            requestTimeoutMs: Math.min(GITHUB_REQUEST_TIMEOUT_MS, config.timeoutMs),
            log: { debug: log.debug, warn: log.debug }
          }),
          context,
          log
        )
      : undefined
    const reportPath = join(process.env.RUNNER_TEMP || tmpdir(), 'avido-test-gate', 'report.json')

    const outcome = await runGate({
      config,
      context,
      avido,
      github,
      log,
      now: Date.now,
      sleep,
      reportPath
    })
    await avido.close()

    if (outcome.report) {
      await mkdir(dirname(reportPath), { recursive: true })
      await writeJsonReport(reportPath, outcome.report)
    }
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(outcome.summary), true).write()
    if (outcome.failure) throw new Error(outcome.failure)
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)))
  }
}
