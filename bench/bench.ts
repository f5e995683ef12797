import { cpus } from 'node:os'
import { execFileSync } from 'node:child_process'
import { NODE24 } from '../emulators/runner/run-action.js'
import { measureActionColdStart, measureBareColdStart } from './cold-start.js'
import { median } from './gate-run.js'
import { measureLargeRun } from './large-run.js'
import { measureSettleToExit } from './settle-to-exit.js'
import { printTable, type Row } from './table.js'
import { measureWaiting } from './waiting.js'

// npm run bench: the performance targets of the gate, measured on loopback against the emulators with the
// bundle (dist/index.js) on Node 24. Every figure is printed beside its target; the exit code is 1 when one
// is missed.

const SIZES = [100, 1_000, 10_000]
const POLL_INTERVAL_MS = 2000
/** When the run settles after the action starts: spread over a poll interval, so the worst phase shows. */
const SETTLE_OFFSETS_MS = [3000, 3700, 4400]
const REPEATS = 3

const ms = (value: number) => `${Math.round(value)} ms`
const rows: Row[] = []
const progress = (text: string) => process.stderr.write(`${text}\n`)

progress(`Node ${execFileSync(NODE24, ['--version']).toString().trim()}, ${cpus().length} CPU(s)`)

for (const n of SIZES) {
  progress(`waiting and paging, ${n} tests…`)
  const figures = await measureWaiting(n)
  const pages = Math.ceil(n / 100)
  const together = Math.min(4, pages)
  const label = n.toLocaleString('en-US')
  rows.push(
    {
      figure: `requests per poll while waiting, ${label} tests (${figures.polls} polls)`,
      measured: figures.requestsPerPoll.toFixed(2),
      target: '≤ 2',
      ok: figures.requestsPerPoll <= 2 && figures.pagesWhileWaiting === 0
    },
    {
      figure: `page requests after settling, ${label} tests`,
      measured: String(figures.pagesAfterSettling),
      target: `= ${pages}`,
      ok: figures.pagesAfterSettling === pages
    },
    {
      figure: `page requests in flight at once, ${label} tests (20 ms latency)`,
      measured: String(figures.maxPagesInFlight),
      target: `≥ ${together}`,
      ok: figures.maxPagesInFlight >= together
    }
  )
}

progress('settle to exit, 1,000 tests…')
const settleToExit: number[] = []
for (const offset of SETTLE_OFFSETS_MS) settleToExit.push(await measureSettleToExit(POLL_INTERVAL_MS, offset))
const worstSettle = Math.max(...settleToExit)
rows.push({
  figure: `settle to exit, 1,000 tests, poll-interval ${POLL_INTERVAL_MS / 1000}s (worst of ${settleToExit.map(ms).join(', ')})`,
  measured: ms(worstSettle),
  target: `≤ ${ms(POLL_INTERVAL_MS + 1000)}`,
  ok: worstSettle <= POLL_INTERVAL_MS + 1000
})

for (const evals of [1, 4]) {
  progress(`10,000 tests of ${evals} eval(s) against a bare reader…`)
  const large = []
  for (let i = 0; i < REPEATS; i++) large.push(await measureLargeRun(10_000, evals === 4))
  const judged = median(large.map(run => run.judgedMs))
  const bare = median(large.map(run => run.bareMs))
  const peak = Math.max(...large.map(run => run.peakMiB))
  const what = evals === 1 ? '10,000 tests of 1 eval' : `10,000 tests of ${evals} evals each`
  rows.push(
    {
      figure: `${what}: first page read to judged (median of ${REPEATS})`,
      measured: ms(judged),
      target: `≤ 1.5 × bare ${ms(bare)} = ${ms(1.5 * bare)}`,
      ok: judged <= 1.5 * bare
    },
    {
      figure: `${what}: peak memory of the action (worst of ${REPEATS}: ${large.map(run => Math.round(run.peakMiB)).join(', ')} MiB)`,
      measured: `${Math.round(peak)} MiB`,
      target: '< 150 MB (143 MiB)',
      ok: peak * 1024 * 1024 < 150e6
    }
  )
}

progress('cold start…')
const action: number[] = []
const bareStart: number[] = []
for (let i = 0; i < 5; i++) {
  action.push(await measureActionColdStart())
  bareStart.push(await measureBareColdStart())
}
const coldStart = median(action)
const bareCold = median(bareStart)
rows.push({
  figure: 'cold start: spawn to first request (median of 5)',
  measured: ms(coldStart),
  target: `≤ 3 × bare node ${ms(bareCold)} = ${ms(3 * bareCold)}`,
  ok: coldStart <= 3 * bareCold
})

printTable(rows)
if (rows.some(row => !row.ok)) process.exitCode = 1
