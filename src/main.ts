import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { AvidoClient } from './avido/client.js'
import type { GateLog } from './gate/log.js'
import { runGate } from './gate/run-gate.js'
import { readEventPayload, readGitHubContext } from './github/context.js'
import { createOctokit } from './github/octokit.js'
import { GitHubReporter } from './github/reporter.js'
import { INPUT_NAMES, parseInputs } from './inputs/parse.js'

const coreLog: GateLog = {
  info: message => core.info(message),
  debug: message => core.debug(message),
  warning: (message, title) => core.warning(message, title ? { title } : undefined),
  group: (name, work) => core.group(name, work)
}

/** Reads the inputs, wires the Avido and GitHub clients to the gate, and sets the outputs. */
export async function run(): Promise<void> {
  try {
    for (const secret of [core.getInput('api-key'), core.getInput('github-token')]) {
      if (secret) core.setSecret(secret)
    }
    const raw = Object.fromEntries(INPUT_NAMES.map(name => [name, core.getInput(name)]))
    const config = parseInputs(raw, {
      commentKey: `${process.env.GITHUB_WORKFLOW ?? 'workflow'}/${process.env.GITHUB_JOB ?? 'job'}`
    })
    const context = readGitHubContext(process.env, readEventPayload(process.env.GITHUB_EVENT_PATH))
    const avido = new AvidoClient({
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
      applicationId: config.applicationId,
      debug: line => core.debug(line)
    })
    const github = config.githubToken
      ? new GitHubReporter(
          createOctokit({
            token: config.githubToken,
            apiUrl: context.apiUrl,
            log: { debug: message => core.debug(message), warn: message => core.debug(message) }
          }),
          context,
          coreLog
        )
      : undefined
    const reportPath = join(process.env.RUNNER_TEMP || tmpdir(), 'avido-test-gate', 'report.json')

    const outcome = await runGate({
      config,
      context,
      avido,
      github,
      log: coreLog,
      now: Date.now,
      sleep,
      reportPath
    })
    await avido.close()

    if (outcome.report) {
      await mkdir(dirname(reportPath), { recursive: true })
      await writeFile(reportPath, JSON.stringify(outcome.report, null, 2))
    }
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summary, true).write()
    if (outcome.failure) throw new Error(outcome.failure)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
