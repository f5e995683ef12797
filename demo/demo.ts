import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_ROOT, runAction } from '../emulators/runner/run-action.js'
import { node24Runtime } from '../emulators/runner/runtimes.js'
import { HEAD_SHA, OWNER, PR_NUMBER, REPO, startScene } from '../emulators/scene.js'
import { renderCommentHtml } from './comment-html.js'
import { lineSplitter, viewLogLine } from './log-view.js'

// `npm run demo [-- --scenario pass|warn|fail]`: the gate's main job on a customer-support bot. Both
// emulators start on loopback, the bundle runs as the runner would on a pull_request event, and the
// demo shows what a person would see: the log, the PR comment, the Avido issue and the outputs.

const SCENARIOS = ['pass', 'warn', 'fail'] as const
type Scenario = (typeof SCENARIOS)[number]

const USAGE = `Usage: npm run demo [-- --scenario pass|warn|fail]

Runs the built action (dist/) against the Avido and GitHub emulators on a pull_request event and prints
the log, the pull request comment, the Avido issue, the commit statuses and the outputs.

Options:
  --scenario <name>  pass, warn or fail: which outcome the demo application's tests have (default: fail)
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
  const demo = scene.avido.seed.demoApplication(scenario)
  const runtime = node24Runtime()
  heading(
    `Avido Test Gate demo · scenario ${scenario} · ${demo.tasks.length} tasks, ${demo.testIds.length} tests`
  )
  console.log(`Avido emulator  ${scene.avido.url}`)
  console.log(`GitHub emulator ${scene.github.url}`)
  console.log(`Pull request    ${OWNER}/${REPO}#${PR_NUMBER} at ${HEAD_SHA.slice(0, 7)}`)
  console.log(`Runtime         Node ${runtime.version} (${runtime.name})`)

  heading('Action log')
  const printLine = lineSplitter(line => {
    const shown = viewLogLine(line)
    if (shown !== undefined) console.log(`  ${shown}`)
  })
  const result = await runAction({
    node: runtime.path,
    inputs: scene.inputs({ 'poll-interval': '1s', timeout: '2m' }),
    eventName: 'pull_request',
    event: scene.pullRequestEvent(),
    env: scene.env(),
    onStdout: printLine,
    timeoutMs: 180_000
  })
  printLine('\n')
  console.log(
    `\n  (the step exited with code ${result.code} after ${(result.durationMs / 1000).toFixed(1)} s)`
  )

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

  heading('Outputs')
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name.padEnd(14)} ${value}`)

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
