import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import { NODE24 } from '../emulators/runner/run-action.js'
import {
  measureActionColdStart,
  measureActionMissingInput,
  measureBareColdStart,
  measurePeerMissingInput,
  peerBundle
} from './cold-start.js'
import { BENCH_BUNDLE, median } from './gate-run.js'
import { measureLargeRun, type LargeRunFigures } from './large-run.js'
import { measureSettleToExit } from './settle-to-exit.js'
import { printTable, type Row } from './table.js'
import { measureWaiting } from './waiting.js'
import { measureWholeStep } from './whole-step.js'

// npm run bench: the performance goals of the gate, measured on loopback against the emulators with the
// bundle (dist/index.js, or BENCH_BUNDLE) on Node 24. Every figure is printed beside its goal; the exit code
// is 1 when one is missed. Ratios are of medians of alternated runs of the action and what it is held to.

const SIZES = [100, 1_000, 10_000]
const POLL_INTERVAL_MS = 2000
/** When the run settles after the action starts: spread over a poll interval, so the worst phase shows. */
const SETTLE_OFFSETS_MS = [3000, 3700, 4400]
/** Alternated runs of the action and its floor (or peer) behind each ratio. */
const RUNS = 7
const PEAK_GOAL_BYTES = 150e6
/** The peak memory of the largest run may exceed the smallest's by this much: it must not grow with the run. */
const GROWTH_GOAL = 1.15
const LARGE_SIZES = [10_000, 50_000, 100_000]
/** Runs of each large size: the peak memory of one run moves by a few MiB with the collector's timing. */
const LARGE_RUNS = 5
/** The time a test of the largest run may exceed that of the smallest by this much: time grows linearly. */
const LINEAR_GOAL = 1.5

const ms = (value: number) => `${Math.round(value)} ms`
const mib = (value: number) => `${Math.round(value)} MiB`
const list = (values: number[]) => values.map(Math.round).join(', ')
const rows: Row[] = []
const progress = (text: string) => process.stderr.write(`${text}\n`)

/** A ratio row: the medians of both, their ratio beside the goal. */
function ratioRow(figure: string, action: number[], floor: number[], floorName: string, goal: number): Row {
  const ratio = median(action) / median(floor)
  return {
    figure: `${figure}: ${ms(median(action))} vs ${floorName} ${ms(median(floor))} (medians of ${action.length}; ${list(action)} / ${list(floor)} ms)`,
    measured: `${ratio.toFixed(2)}×`,
    target: `≤ ${goal}×`,
    ok: ratio <= goal
  }
}

progress(
  `Node ${execFileSync(NODE24, ['--version']).toString().trim()}, ${cpus().length} CPU(s), ${BENCH_BUNDLE}`
)

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
  figure: `settle to exit, 1,000 tests, poll-interval ${POLL_INTERVAL_MS / 1000}s (worst of ${list(settleToExit)} ms)`,
  measured: ms(worstSettle),
  target: `≤ ${ms(POLL_INTERVAL_MS + 1000)}`,
  ok: worstSettle <= POLL_INTERVAL_MS + 1000
})

progress(`10,000 settled tests, the whole step against a bare reader, ${RUNS} alternated runs…`)
const whole = await measureWholeStep(10_000, RUNS)
rows.push(
  ratioRow(
    '10,000 settled tests, spawn to exit (comment and status included)',
    whole.actionMs,
    whole.bareMs,
    'bare reader (same query, 4 in flight)',
    2
  )
)

progress(`cold start, ${RUNS} alternated runs…`)
const coldAction: number[] = []
const coldBare: number[] = []
for (let i = 0; i < RUNS; i++) {
  coldAction.push(await measureActionColdStart())
  coldBare.push(await measureBareColdStart())
}
rows.push(
  ratioRow('cold start: spawn to first request', coldAction, coldBare, 'bare `node -e "fetch(url)"`', 2)
)

const peer = peerBundle()
if (peer) {
  progress(`stop on a missing required input, ${RUNS} alternated runs…`)
  const stopAction: number[] = []
  const stopPeer: number[] = []
  for (let i = 0; i < RUNS; i++) {
    stopAction.push(await measureActionMissingInput())
    stopPeer.push(await measurePeerMissingInput(peer))
  }
  rows.push(
    ratioRow(
      'stop on a missing required input, spawn to exit',
      stopAction,
      stopPeer,
      'dorny/test-reporter',
      1
    )
  )
} else {
  progress('stop on a missing required input: skipped, no dorny/test-reporter bundle beside the repository')
}

const large: { n: number; figures: LargeRunFigures }[] = []
for (const n of LARGE_SIZES) {
  const label = n.toLocaleString('en-US')
  progress(`${label} tests: time and peak memory, and a bare reader of the same pages, ${LARGE_RUNS} runs…`)
  const runs: LargeRunFigures[] = []
  for (let i = 0; i < LARGE_RUNS; i++) runs.push(await measureLargeRun(n))
  const figures: LargeRunFigures = {
    stepMs: median(runs.map(run => run.stepMs)),
    bareMs: median(runs.map(run => run.bareMs)),
    peakMiB: median(runs.map(run => run.peakMiB)),
    failure: runs.find(run => run.failure)?.failure ?? ''
  }
  large.push({ n, figures })
  const failed = figures.failure ? ` — not judged: ${figures.failure}` : ''
  const share = figures.stepMs - figures.bareMs
  rows.push(
    {
      figure: `${label} settled tests: spawn to exit, median of ${list(runs.map(run => run.stepMs))} ms (a bare reader of the same pages: ${ms(figures.bareMs)}; the gate's own share: ${ms(share)}, ${Math.round((share / n) * 1000)} µs a test)${failed}`,
      measured: ms(figures.stepMs),
      target: 'judged, passed',
      ok: !figures.failure
    },
    {
      figure: `${label} settled tests: peak RSS (median of ${list(runs.map(run => run.peakMiB))} MiB)`,
      measured: mib(figures.peakMiB),
      target: '≤ 150 MB (143 MiB)',
      ok: !figures.failure && figures.peakMiB * 1024 * 1024 <= PEAK_GOAL_BYTES
    }
  )
}
const smallest = large[0]!
const largest = large.at(-1)!
const perTestMs = large.map(({ n, figures }) => figures.stepMs / n)
const timeGrowth = perTestMs.at(-1)! / perTestMs[0]!
rows.push({
  figure: `time growing linearly: time a test at ${largest.n.toLocaleString('en-US')} / at ${smallest.n.toLocaleString('en-US')} (${perTestMs.map(value => `${Math.round(value * 1000)} µs`).join(', ')})`,
  measured: `${timeGrowth.toFixed(2)}×`,
  target: `≤ ${LINEAR_GOAL}×`,
  ok: timeGrowth <= LINEAR_GOAL
})
const peaks = large.map(({ figures }) => figures.peakMiB)
const growth = peaks.at(-1)! / peaks[0]!
rows.push({
  figure: `memory not growing with the run: peak at ${largest.n.toLocaleString('en-US')} / peak at ${smallest.n.toLocaleString('en-US')} (${list(peaks)} MiB)`,
  measured: `${growth.toFixed(2)}×`,
  target: `≤ ${GROWTH_GOAL}×`,
  ok: growth <= GROWTH_GOAL
})

printTable(rows)
if (rows.some(row => !row.ok)) process.exitCode = 1
