// Runs the Avido emulator with the demo application until SIGINT/SIGTERM:
//   npx tsx emulators/avido/cli.ts --port 4010 [--api-key K --application-id A] [--scenario pass|warn|fail]
import { parseArgs } from 'node:util'
import { SCENARIOS, startAvidoEmulator, type Scenario } from './index.js'

const USAGE = `Usage: tsx emulators/avido/cli.ts [--port 4010] [--host 127.0.0.1] [--api-key KEY]
       [--application-id ID] [--scenario pass|warn|fail] [--settle-ms 3000]`

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

function integerOption(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) fail(`--${name} must be an integer from ${min} to ${max}, got ${raw}`)
  return value
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'api-key': { type: 'string' },
        'application-id': { type: 'string' },
        scenario: { type: 'string', default: 'pass' },
        'settle-ms': { type: 'string', default: '3000' },
        help: { type: 'boolean', short: 'h' }
      }
    }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  const scenario = values.scenario as Scenario
  if (!SCENARIOS.includes(scenario))
    fail(`--scenario must be one of ${SCENARIOS.join(', ')}, got ${scenario}`)

  const emulator = await startAvidoEmulator({
    port: integerOption('port', values.port, 0, 65535),
    host: values.host,
    apiKey: values['api-key'],
    applicationId: values['application-id'],
    scenario,
    settleMs: integerOption('settle-ms', values['settle-ms'], 0, 3_600_000)
  })
  const demo = emulator.seed.demoApplication(scenario)

  console.log(`Avido emulator listening on ${emulator.url} (scenario ${scenario})`)
  console.log(
    values['api-key'] === undefined && values['application-id'] === undefined
      ? 'Auth: any non-empty x-api-key and x-application-id'
      : 'Auth: x-api-key and x-application-id must match the values given'
  )
  console.log(`Demo run ${demo.runId}: ${demo.testIds.length} tests, settling over ${values['settle-ms']} ms`)
  console.log(`Task ids: ${demo.taskIds.join(',')}`)
  for (const task of demo.tasks) console.log(`  ${task.id}  ${task.title}`)

  const shutdown = (): void => {
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(`Avido emulator failed to start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
