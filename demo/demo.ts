import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_ROOT, runAction, type RunActionOptions } from '../emulators/runner/run-action.js'
import { DEMO_TASKS } from '../emulators/avido/index.js'
import { node24Runtime } from '../emulators/runner/runtimes.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, startScene } from '../emulators/scene.js'
import { renderCommentHtml } from './comment-html.js'
import { comparisonLines } from './comparison.js'
import { lineSplitter, viewLogLine } from './log-view.js'
import { pullRequestOnto, seedMainBranch } from './main-branch.js'

// `npm run demo [-- --scenario pass|warn|fail]`: the gate's main job on a customer-support bot. Both
// emulators start on loopback and the bundle runs as the runner would: first on a push to main, whose check
// run records the result, then on a pull request onto that commit, which is compared with it. The demo
// shows what a person would see: the logs, the PR comment, the Avido issue, the comparison and the outputs.

const SCENARIOS = ['pass', 'warn', 'fail'] as const
type Scenario = (typeof SCENARIOS)[number]

const USAGE = `Usage: npm run demo [-- --scenario pass|warn|fail]

Runs the built action (dist/) against the Avido and GitHub emulators, first on a push to main (the
baseline) and then on a pull request onto it, and prints both logs, the pull request comment, the Avido
issue, the commit statuses, the comparison with main and the outputs.

Options:
  --scenario <name>  how the pull request's tests compare with main (default: fail):
                     pass  about level with main, and above the warning threshold
                     warn  a drop within noise, below the warning threshold
                     fail  a significant regression, below the error threshold
  -h, --help         print this help and exit`

/** The scenario to run, or exits: 0 after the usage for --help, 2 with the usage and one error line otherwise. */
function scenarioFromArgs(args: string[]): Scenario {
  let values: { scenario?: string; help?: boolean }
  try {
    values = parseArgs({
      args,
      options: { scenario: { type: 'string', default: 'fail' }, help: { type: 'boolean', short: 'h' } }
    }).values
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const scenario = values.scenario as Scenario
  if (!SCENARIOS.includes(scenario)) {
    return usageError(`--scenario must be one of ${SCENARIOS.join(', ')}, not "${values.scenario}"`)
  }
  return scenario
}

function usageError(message: string): never {
  console.error(`${USAGE}\n\nerror: ${message.split('\n')[0]}`)
  process.exit(2)
}

const scenario = scenarioFromArgs(process.argv.slice(2))

const heading = (title: string) => console.log(`\n${'═'.repeat(100)}\n${title}\n${'═'.repeat(100)}`)

const scene = await startScene({ avido: { scenario, settleMs: 4000 } })
try {
  const runtime = node24Runtime()
  const printLine = lineSplitter(line => {
    const shown = viewLogLine(line)
    if (shown !== undefined) console.log(`  ${shown}`)
  })
  const runGate = async (run: Omit<RunActionOptions, 'node' | 'onStdout' | 'timeoutMs'>) => {
    const result = await runAction({ ...run, node: runtime.path, onStdout: printLine, timeoutMs: 180_000 })
    printLine('\n')
    console.log(
      `\n  (the step exited with code ${result.code} after ${(result.durationMs / 1000).toFixed(1)} s)`
    )
    return result
  }

  const main = seedMainBranch(scene, scenario)
  heading(
    `Avido Test Gate demo · scenario ${scenario} · ${DEMO_TASKS.length} tasks, ${main.testCount} tests per run`
  )
  console.log(`Avido emulator  ${scene.avido.url}`)
  console.log(`GitHub emulator ${scene.github.url}`)
  console.log(`Main branch     ${OWNER}/${REPO}@main at ${main.sha.slice(0, 7)}, gated first`)
  console.log(
    `Pull request    ${OWNER}/${REPO}#${PR_NUMBER} at ${HEAD_SHA.slice(0, 7)}, onto ${main.sha.slice(0, 7)}`
  )
  console.log(`Runtime         Node ${runtime.version} (${runtime.name})`)

  heading(`Action log · push to main (${main.sha.slice(0, 7)}): the baseline`)
  const mainResult = await runGate(main.run)
  const record = scene.github.checkRuns(OWNER, REPO, main.sha).at(-1)
  console.log(
    record
      ? `\n  Check run "${String(record.name)}" on ${main.sha.slice(0, 7)}: ${String(record.conclusion)}, ` +
          `${mainResult.outputs['pass-rate']}% passed; it records the result for later runs to compare with.`
      : '\n  No check run on main: the pull request has nothing to compare with.'
  )

  // The pull request's tests start now, after main's gate has counted its own.
  scene.avido.seed.demoApplication(scenario)
  heading(`Action log · pull request #${PR_NUMBER}: compared with main`)
  const result = await runGate({
    inputs: scene.inputs({ 'poll-interval': '1s', timeout: '2m', baseline: 'auto' }),
    eventName: 'pull_request',
    event: pullRequestOnto(scene, main.sha),
    env: scene.env()
  })

  const comments = scene.github.comments(OWNER, REPO, PR_NUMBER)
  const comment = String(comments.at(-1)?.body ?? '')
  heading(`Pull request comment (${comments.length} on the PR, ${comment.length} characters)`)
  console.log(comment || '(none)')

  heading('Avido issue')
  const issue = scene.avido.issues.at(-1)
  if (issue) {
    console.log(
      `${issue.title}\nsource ${issue.source} · priority ${issue.priority} · type ${issue.type} · id ${issue.id}`
    )
    console.log(`\n${issue.description ?? ''}`)
  } else {
    console.log('No issue filed: the pass rate is above the error threshold.')
  }

  heading('Commit statuses')
  for (const status of scene.github.statuses(OWNER, REPO, HEAD_SHA)) {
    console.log(`${String(status.state).padEnd(8)} ${String(status.context)}: ${String(status.description)}`)
  }

  heading('Comparison with main')
  for (const line of comparisonLines(result.outputs)) console.log(line)

  heading('Outputs')
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name.padEnd(18)} ${value}`)

  if (comment) {
    const outputDir = join(REPO_ROOT, 'demo-output')
    mkdirSync(outputDir, { recursive: true })
    const htmlPath = join(outputDir, 'comment.html')
    writeFileSync(htmlPath, renderCommentHtml(comment, `Avido test gate · ${scenario}`))
    writeFileSync(join(outputDir, 'comment.md'), comment)
    writeFileSync(join(outputDir, 'summary.md'), result.summary)
    console.log(`\nThe comment as GitHub renders it: ${htmlPath}`)
  }
} finally {
  await scene.close()
}
