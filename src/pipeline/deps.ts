import type { AvidoClient } from '../avido/client.js'
import type { GateContext } from '../github/context.js'
import type { GitHubReporter } from '../github/reporter.js'
import type { GateConfig } from '../inputs/parse.js'
import type { GateLog } from '../shared/log.js'
import type { TestSpool } from './test-spool.js'

/** Everything the gate works with: the inputs, the event, both clients, the log and the clock. */
export interface GateDeps {
  config: GateConfig
  context: GateContext
  avido: AvidoClient
  /** Absent without a GitHub token: the gate then reports in the job summary and outputs only. */
  github?: GitHubReporter
  log: GateLog
  now: () => number
  sleep: (ms: number) => Promise<void>
  reportPath: string
  /** Where the report's tests go as they are judged; in memory when absent. */
  spoolTests?: () => TestSpool
  /**
   * Moves the end of the one time allowance that every Avido and GitHub call, retries included, comes out
   * of. Called by the steps as the gate moves from waiting to reading to reporting.
   */
  setDeadline: (deadline: number) => void
}
