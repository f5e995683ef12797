// First: it sets the V8 memory flags, which apply to what is compiled and allocated after them.
import '../v8-memory.js'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { AvidoClient } from '../avido/client.js'
import type { GateContext } from '../github/context.js'
import { createOctokit } from '../github/octokit.js'
import { GitHubReporter } from '../github/reporter.js'
import type { GateConfig } from '../inputs/index.js'
import { abortedOutcome, describeFault, type GateOutcome } from '../pipeline/outcome.js'
import { runGate } from '../pipeline/run-gate.js'
import { fileSpool } from '../pipeline/test-spool.js'
import { writeJsonReport } from '../pipeline/write-json-report.js'
import type { GateLog } from '../shared/log.js'
import { redactor } from '../shared/redact.js'
import { appendSummary, debug, group, info, setFailed, setOutput, warning } from './runner-commands.js'

const GITHUB_REQUEST_TIMEOUT_MS = 30_000

/** What the step knows once its inputs and event are valid. */
export interface ValidStep {
  config: GateConfig
  context: GateContext
  /** The secret inputs' values, already masked. */
  secrets: string[]
}

/** The action's log; every line is redacted, since a server may echo a secret in what it answers. */
function runnerLog(redact: (text: string) => string): GateLog {
  return {
    info: message => info(redact(message)),
    debug: message => debug(redact(message)),
    warning: (message, title) => warning(redact(message), title),
    group
  }
}

/** Wires the Avido and GitHub clients to the gate, and turns its outcome into the step's. */
export async function runValidStep({ config, context, secrets }: ValidStep): Promise<void> {
  const redact = redactor(secrets)
  const log = runnerLog(redact)
  const reportPath = join(process.env.RUNNER_TEMP || tmpdir(), 'avido-test-gate', 'report.json')

  const outcome = await gate(config, context, secrets, log, reportPath)

  try {
    if (outcome.report) {
      await mkdir(dirname(reportPath), { recursive: true })
      await writeJsonReport(reportPath, outcome.report, outcome.reportTests)
    }
  } catch (error) {
    log.warning(
      `Could not write the JSON report to ${reportPath}: ${describeFault(error)}`,
      'Avido test gate'
    )
    outcome.outputs['report-path'] = ''
  } finally {
    if (outcome.reportTests?.file) await rm(outcome.reportTests.file, { force: true })
  }
  for (const [name, value] of Object.entries(outcome.outputs)) setOutput(name, value)
  await appendSummary(redact(outcome.summary))
  if (outcome.verdict !== 'passed') setFailed(redact(outcome.reason))
}

/** The clients and the gate: one outcome, whatever fails on the way. */
async function gate(
  config: GateConfig,
  context: GateContext,
  secrets: string[],
  log: GateLog,
  reportPath: string
): Promise<GateOutcome> {
  try {
    let deadline = Date.now() + config.timeoutMs
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
            requestTimeoutMs: Math.min(GITHUB_REQUEST_TIMEOUT_MS, config.timeoutMs),
            // GitHub's calls, retries included, come out of the gate's one time allowance.
            deadline: () => deadline,
            log: { debug: log.debug, warn: log.debug }
          }),
          context,
          log
        )
      : undefined
    try {
      return await runGate({
        config,
        context,
        avido,
        github,
        log,
        now: Date.now,
        sleep,
        reportPath,
        // The report's tests are written beside it as they are judged, and copied into it at the end.
        spoolTests: () => fileSpool(join(dirname(reportPath), `report-tests-${process.pid}.part`)),
        setDeadline: end => {
          deadline = end
          avido.setDeadline(end)
        }
      })
    } finally {
      await avido.close()
    }
  } catch (error) {
    // The gate reports its own faults; one that escapes it (or a client that cannot be made) sets no output.
    return { ...abortedOutcome(describeFault(error)), outputs: {} }
  }
}
