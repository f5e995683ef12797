import type { Breakdown, JudgedTest, Judgement } from '../judge/types.js'
import { escapeCell, escapeCode, escapeInline, normalizeText } from './escape.js'
import {
  RESULT_EMOJI,
  formatCount,
  formatRate,
  formatScore,
  formatThreshold,
  formatTimestamp,
  plural,
  shortSha
} from '../shared/format.js'
import type { HiddenData } from './hidden-data.js'
import { commentMarker, encodeHiddenData } from './hidden-data.js'
import { largestFitting } from './search.js'
import type { Change } from './trend.js'
import { changeSincePrevious, trendText } from './trend.js'
import type { TimeoutInfo } from '../judge/verdict.js'
import { verdictOf } from '../judge/verdict.js'

// The pull request comment and the job summary (SPEC §7): pure functions of the judged run. Everything from
// Avido goes through escape.ts. The body always fits `maxLength`; when the full report does not, detail is
// dropped step by step (passing task rows, then explanations, then failing evals beyond what fits, then
// failing task rows) and a notice says what is missing and where the full report is. The marker and the
// hidden data of a comment are never cut.

export const COMMENT_MAX_LENGTH = 65_536
/** GitHub's limit for one step's job summary, in bytes. */
export const SUMMARY_MAX_BYTES = 1_048_576

export interface ReportInput {
  judgement: Judgement
  commentKey: string
  repo: { owner: string; name: string }
  sha: string
  prNumber?: number
  links: { runUrl?: string; commitUrl: string; prUrl?: string }
  issue?: { id: string; status: 'filed' | 'existing' | 'dry-run' }
  /** The hidden data of the comment before this run (for the change since then). */
  previous?: HiddenData
  /** The state after this run: embedded in the comment, and the source of the trend. */
  hiddenData: HiddenData
  timedOut?: TimeoutInfo
  dryRun: boolean
  /** ISO 8601 UTC; the renderer never reads the clock. */
  generatedAt: string
}

export interface RenderOptions {
  /** Comment: UTF-16 code units (never less than GitHub's character count). Summary: UTF-8 bytes. */
  maxLength: number
  target: 'comment' | 'summary'
}

const MAX_TITLE = 100
const MAX_EVAL_NAME = 100
const MAX_TYPE = 30
const MAX_EXPLANATION = 300
const MAX_CHANGED_TASKS = 5
const MAX_PENDING_LISTED = 20

interface TaskRow {
  line: string
  failing: boolean
}

interface FailingItem {
  full: string
  short: string
}

interface Model {
  marker: string
  head: string[]
  tableHeader: string
  columns: number
  taskRows: TaskRow[]
  failingRowCount: number
  failing: FailingItem[]
  pending: string
  tail: string[]
  footer: string
  data: string
}

interface Layout {
  passingRows: boolean
  explanations: boolean
  maxItems: number
  maxFailingRows: number
}

/** `workflow/job`, the shape of the default `comment-key`; anything else is shown in the heading. */
export function isDefaultLookingKey(key: string): boolean {
  return /^[^/]+\/[^/]+$/.test(key)
}

/** An http(s) URL safe inside `[text](url)`, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    return parsed.href.replace(
      /[()<>\s"'`\\]/g,
      c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
  } catch {
    return undefined
  }
}

function link(text: string, url: string | undefined): string {
  const href = safeUrl(url)
  return href ? `[${text}](${href})` : text
}

/** Worst task first, tasks without settled evals last; names in natural order; ids break ties. */
function byTaskOrder(tasks: Breakdown[]): Breakdown[] {
  return [...tasks].sort(
    (a, b) =>
      Number(a.total === 0) - Number(b.total === 0) ||
      a.passRate - b.passRate ||
      naturalOrder.compare(a.name, b.name) ||
      compareText(a.id, b.id)
  )
}

const naturalOrder = new Intl.Collator('en', { numeric: true })

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The first text that still shows something once cleaned (an empty `**…**` would render as a rule). */
function label(fallback: string, ...texts: (string | undefined)[]): string {
  return texts.find(t => normalizeText(t) !== '') ?? fallback
}

const taskName = (title: string | undefined, id: string) => label('(untitled task)', title, id)

function heading(input: ReportInput): string {
  const j = input.judgement
  const key = isDefaultLookingKey(input.commentKey) ? '' : ` (${escapeInline(input.commentKey, 80)})`
  const gate = `Avido test gate${key}`
  if (input.timedOut && input.timedOut.onTimeout !== 'judge') {
    return `## ⏱️ ${gate}: timed out with ${plural(input.timedOut.pendingTests, 'test')} pending`
  }
  if (j.result === 'none') return `## ${RESULT_EMOJI.none} ${gate}: no tests matched`
  return `## ${RESULT_EMOJI[j.result]} ${gate}: ${formatRate(j.passRate)}% passed`
}

function countsLine(j: Judgement): string {
  const extra = [
    j.erroredTests > 0 ? `${formatCount(j.erroredTests)} errored` : '',
    j.pendingTests > 0 ? `${formatCount(j.pendingTests)} pending` : ''
  ].filter(Boolean)
  const tests = plural(j.tests, 'test') + (extra.length ? ` (${extra.join(', ')})` : '')
  return `**${formatCount(j.passed)}/${plural(j.total, 'eval')} passed** · ${tests} · ${plural(j.tasks.length, 'task')}`
}

function changeLine(change: Change, j: Judgement): string {
  let line = `**Since the previous run:** ${change.text} (${formatRate(change.previousRate)}% → ${formatRate(j.passRate)}%)`
  if (change.previousResult && change.previousResult !== j.result) {
    line += `, ${RESULT_EMOJI[change.previousResult]} → ${RESULT_EMOJI[j.result]}`
  }
  if (change.tasks.length) {
    const listed = change.tasks
      .slice(0, MAX_CHANGED_TASKS)
      .map(t => `${escapeInline(taskName(t.name, t.id), 60)} ${RESULT_EMOJI[t.from]} → ${RESULT_EMOJI[t.to]}`)
    const more = change.tasks.length - listed.length
    if (more > 0) listed.push(`and ${formatCount(more)} more`)
    line += ` · badge changed for ${plural(change.tasks.length, 'task')}: ${listed.join(', ')}`
  }
  return line
}

function testsCell(tests: number, errored: number, pending: number): string {
  const extra = [
    errored ? `${formatCount(errored)} errored` : '',
    pending ? `${formatCount(pending)} pending` : ''
  ]
    .filter(Boolean)
    .join(', ')
  return formatCount(tests) + (extra ? ` (${extra})` : '')
}

function taskRows(tasks: Breakdown[], tests: JudgedTest[], change: Change | undefined): TaskRow[] {
  const counts = new Map<string, { errored: number; pending: number }>()
  for (const t of tests) {
    const c = counts.get(t.taskId) ?? { errored: 0, pending: 0 }
    if (t.errored) c.errored++
    if (t.pending) c.pending++
    counts.set(t.taskId, c)
  }
  const changed = new Map(change?.tasks.map(t => [t.id, t]))
  return tasks.map(task => {
    const c = counts.get(task.id) ?? { errored: 0, pending: 0 }
    const moved = changed.get(task.id)
    // A task with nothing settled yet has no rate (its badge would read as a 0 % error).
    const judged = task.total > 0
    const cells = [
      judged ? RESULT_EMOJI[task.badge] : c.pending ? '⏳' : RESULT_EMOJI.none,
      escapeCell(taskName(task.name, task.id), MAX_TITLE),
      judged ? `${formatRate(task.passRate)}%` : '–',
      `${formatCount(task.passed)}/${formatCount(task.total)}`,
      testsCell(task.tests, c.errored, c.pending)
    ]
    if (change) cells.push(moved ? `${RESULT_EMOJI[moved.from]} → ${RESULT_EMOJI[moved.to]}` : '')
    return { line: `| ${cells.join(' | ')} |`, failing: judged && task.badge !== 'success' }
  })
}

function failingItems(tasks: Breakdown[], tests: JudgedTest[]): FailingItem[] {
  const order = new Map(tasks.map((t, i) => [t.id, i]))
  const sorted = tests
    .filter(t => !t.pending)
    .sort(
      (a, b) =>
        (order.get(a.taskId) ?? tasks.length) - (order.get(b.taskId) ?? tasks.length) ||
        compareText(a.createdAt, b.createdAt) ||
        compareText(a.id, b.id)
    )
  const items: FailingItem[] = []
  for (const test of sorted) {
    const task = `**${escapeInline(taskName(test.taskTitle, test.taskId), MAX_TITLE)}**`
    if (test.errored) {
      const line = `- ${task} · the test errored in Avido, counted as ${plural(Math.max(1, test.evals.length), 'failed eval')}`
      items.push({ full: line, short: line })
      continue
    }
    const evals = test.evals
      .filter(e => !e.passed && e.status !== 'PENDING' && e.status !== 'IN_PROGRESS')
      .sort((a, b) => naturalOrder.compare(a.name, b.name) || compareText(a.id, b.id))
    for (const e of evals) {
      const type = e.type ? ` (${escapeInline(e.type, MAX_TYPE)})` : ''
      const score = formatScore(e.score)
      const outcome = e.status === 'FAILED' ? ' · the eval errored' : score ? ` · score ${score}` : ''
      const short = `- ${task} · ${escapeInline(label('(unnamed eval)', e.name, e.definitionId), MAX_EVAL_NAME)}${type}${outcome}`
      const explanation = escapeInline(e.explanation, MAX_EXPLANATION)
      items.push({ full: explanation ? `${short} — ${explanation}` : short, short })
    }
  }
  return items
}

function pendingList(tests: JudgedTest[]): string {
  const pending = tests.filter(t => t.pending)
  if (!pending.length) return ''
  const lines = pending
    .slice(0, MAX_PENDING_LISTED)
    .map(
      t =>
        `- **${escapeInline(taskName(t.taskTitle, t.taskId), MAX_TITLE)}** · test ${escapeCode(t.id, 60)} · ${t.status === 'IN_PROGRESS' ? 'in progress' : 'pending'}`
    )
  if (pending.length > lines.length) lines.push(`- … and ${formatCount(pending.length - lines.length)} more`)
  return [
    '<details>',
    `<summary>⏳ Pending tests (${formatCount(pending.length)})</summary>`,
    '',
    ...lines,
    '',
    '</details>'
  ].join('\n')
}

function buildModel(input: ReportInput, target: RenderOptions['target']): Model {
  const j = input.judgement
  const verdict = verdictOf(j, input.timedOut)
  const change = changeSincePrevious(input.previous, j)
  const tasks = byTaskOrder(j.tasks)

  const head = [heading(input)]
  if (j.result !== 'none' || j.tests > 0) head.push(countsLine(j))
  head.push(`${verdict.gate === 'pass' ? '✅ **Gate passed**' : '❌ **Gate failed**'}: ${verdict.reason}`)
  if (input.dryRun) {
    head.push(
      '🧪 **Dry run**: judged only; no comment, commit status, Avido issue, trigger or annotation was written.'
    )
  }
  if (change) head.push(changeLine(change, j))

  const tail: string[] = []
  if (input.issue) {
    const id = escapeCode(input.issue.id, 80)
    tail.push(
      input.issue.status === 'filed'
        ? `🐞 Filed Avido issue ${id}: the pass rate is at or below the error threshold.`
        : input.issue.status === 'existing'
          ? `🐞 Avido issue ${id} is already open for this gate; no new issue was filed.`
          : '🐞 Dry run: an Avido issue would have been filed.'
    )
  }
  const links = [
    safeUrl(input.links.runUrl) ? link('Workflow run', input.links.runUrl) : '',
    `Commit ${link(`\`${shortSha(input.sha) || 'unknown'}\``, input.links.commitUrl)}`,
    target === 'summary' && input.links.prUrl ? link('Pull request', input.links.prUrl) : ''
  ].filter(Boolean)
  tail.push(`🔗 ${links.join(' · ')}`)
  const trend = trendText(input.hiddenData.history)
  if (trend) {
    const scope = input.prNumber !== undefined ? ' on this pull request' : ''
    tail.push(
      `📈 **Trend** over the last ${plural(input.hiddenData.history.length, 'run')}${scope}: ${trend}`
    )
  }

  const footer = [
    'Avido test gate',
    `success above ${formatThreshold(j.thresholds.warning)}%, error at or below ${formatThreshold(j.thresholds.error)}%`,
    `fail-on ${j.failOn}`,
    target === 'comment' ? `key ${escapeCode(input.commentKey, 120)}` : '',
    formatTimestamp(input.generatedAt)
  ].filter(Boolean)

  const rows = taskRows(tasks, j.judgedTests, change)
  return {
    marker: target === 'comment' ? commentMarker(input.commentKey) : '',
    head,
    tableHeader: change
      ? '|  | Task | Pass rate | Evals | Tests | Change |\n|:-:|:--|--:|--:|--:|:-:|'
      : '|  | Task | Pass rate | Evals | Tests |\n|:-:|:--|--:|--:|--:|',
    columns: change ? 6 : 5,
    taskRows: rows,
    failingRowCount: rows.filter(r => r.failing).length,
    failing: failingItems(tasks, j.judgedTests),
    pending: pendingList(j.judgedTests),
    tail,
    footer: `<sub>${footer.join(' · ')}</sub>`,
    data: target === 'comment' ? encodeHiddenData(input.hiddenData) : ''
  }
}

function notice(parts: string[], input: ReportInput, target: RenderOptions['target']): string {
  const limit =
    target === 'comment'
      ? `GitHub's limit of ${formatCount(COMMENT_MAX_LENGTH)} characters for a comment`
      : "GitHub's limit of 1 MiB for a job summary"
  const where =
    target === 'comment'
      ? `in the ${link('job summary', input.links.runUrl)} and in the JSON report (the \`report-path\` output)`
      : 'in the JSON report (the `report-path` output)'
  return `> ✂️ **Shortened** to fit ${limit}: ${parts.join('; ')}. The full report is ${where}.`
}

function compose(model: Model, layout: Layout, input: ReportInput, target: RenderOptions['target']): string {
  const blocks: string[] = []
  if (model.marker) blocks.push(model.marker)
  blocks.push(...model.head)
  const left: string[] = []

  let shownRows = model.taskRows.filter(r => layout.passingRows || r.failing)
  const droppedPassing = model.taskRows.length - shownRows.length
  const droppedFailing = Math.max(0, model.failingRowCount - layout.maxFailingRows)
  if (droppedFailing) shownRows = shownRows.slice(0, layout.maxFailingRows)
  if (droppedPassing) left.push(`${plural(droppedPassing, 'passing task')} not listed`)
  if (droppedFailing) left.push(`${plural(droppedFailing, 'failing task')} not listed`)
  if (shownRows.length || droppedPassing || droppedFailing) {
    const rows = shownRows.map(r => r.line)
    const dropped = droppedPassing + droppedFailing
    if (dropped) {
      const what = droppedFailing ? `${formatCount(dropped)} more tasks` : plural(dropped, 'passing task')
      rows.push(`|  | … and ${what} |${'  |'.repeat(model.columns - 2)}`)
    }
    blocks.push([model.tableHeader, ...rows].join('\n'))
  }

  if (model.failing.length) {
    const shown = model.failing.slice(0, layout.maxItems)
    const lines = shown.map(item => (layout.explanations ? item.full : item.short))
    const more = model.failing.length - shown.length
    if (more > 0) lines.push(`- … and ${formatCount(more)} more`)
    if (!layout.explanations && model.failing.some(item => item.full !== item.short))
      left.push('explanations left out')
    if (more > 0) left.push(`${plural(more, 'failing eval')} not listed`)
    const failed = input.judgement.failed
    blocks.push(
      [
        '<details>',
        `<summary>❌ Failing evals (${formatCount(failed)})</summary>`,
        '',
        ...lines,
        '',
        '</details>'
      ].join('\n')
    )
  }
  if (model.pending) blocks.push(model.pending)

  blocks.push(...model.tail)
  if (left.length) blocks.push(notice(left, input, target))
  blocks.push(model.footer)
  if (model.data) blocks.push(model.data)
  return blocks.join('\n\n') + '\n'
}

/** The PR comment (`target: 'comment'`) or the job summary (`'summary'`) for a judged run. */
export function renderReport(input: ReportInput, opts: RenderOptions): string {
  const { target } = opts
  const measure = target === 'summary' ? (s: string) => Buffer.byteLength(s, 'utf8') : (s: string) => s.length
  const fits = (s: string) => measure(s) <= opts.maxLength
  const model = buildModel(input, target)
  const all = Number.MAX_SAFE_INTEGER
  const steps: Layout[] = [
    { passingRows: true, explanations: true, maxItems: all, maxFailingRows: all },
    { passingRows: false, explanations: true, maxItems: all, maxFailingRows: all },
    { passingRows: false, explanations: false, maxItems: all, maxFailingRows: all }
  ]
  for (const layout of steps) {
    const body = compose(model, layout, input, target)
    if (fits(body)) return body
  }
  const base = steps[steps.length - 1]
  const at = (maxItems: number, maxFailingRows: number) =>
    compose(model, { ...base, maxItems, maxFailingRows }, input, target)

  const items = largestFitting(model.failing.length, n => fits(at(n, all)))
  if (items >= 0) return at(items, all)
  const rows = largestFitting(model.failingRowCount, n => fits(at(0, n)))
  if (rows >= 0) return at(0, rows)

  // Only a tiny maxLength gets here: keep the marker, the heading and the hidden data.
  const minimal = [model.marker, model.head[0], notice(['details left out'], input, target), model.data]
    .filter(Boolean)
    .join('\n\n')
  return fits(minimal + '\n')
    ? minimal + '\n'
    : [model.marker, model.data].filter(Boolean).join('\n\n') + '\n'
}
