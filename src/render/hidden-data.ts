import type { Badge, Judgement, Result } from '../judge/types.js'
import { largestFitting } from './search.js'

// The sticky comment's hidden state: which comment is ours (the marker) and what the previous runs on this
// pull request looked like (the data), both in HTML comments GitHub does not render. The comment body can be
// edited by anyone with write access, so decoding trusts nothing: sizes are capped before decoding, every
// field is checked, and anything odd yields `undefined` (or is dropped) instead of an exception.

export interface HistoryEntry {
  sha: string
  runId?: number
  attempt?: number
  passRate: number
  result: Result
  at: string
}

export interface HiddenData {
  v: 1
  key: string
  issueId?: string
  lastPassRate?: number
  lastResult?: Result
  taskBadges?: Record<string, Badge>
  history: HistoryEntry[]
}

export const MAX_HISTORY = 20
/** Upper bound of the encoded data block, so it always fits in a comment next to the report. */
export const MAX_ENCODED_LENGTH = 20_000
const MAX_DECODED_INPUT = 4 * MAX_ENCODED_LENGTH
const MAX_KEY = 1_000
const MAX_ID = 200

const PREFIX = 'avido-test-gate'
const DATA_OPEN = `<!-- ${PREFIX}:data `
const DATA_BLOCK = /^<!-- avido-test-gate:data ([A-Za-z0-9+/=]*) -->/
const BADGES: readonly string[] = ['success', 'warning', 'error']
const RESULTS: readonly string[] = [...BADGES, 'none']

/**
 * The hidden marker that identifies the sticky comment for `key`. The key is URL-encoded, `-` included, so
 * nothing in it can end the HTML comment early or form a `--` (which CommonMark 0.29 does not allow there).
 */
export function commentMarker(key: string): string {
  return `<!-- ${PREFIX}:marker key=${encodeURIComponent(key).replace(/-/g, '%2D')} -->`
}

/** The data block, `<!-- avido-test-gate:data <base64 JSON> -->`, at most MAX_ENCODED_LENGTH characters. */
export function encodeHiddenData(data: HiddenData): string {
  const clean = sanitize(data) ?? { v: 1, key: '', history: [] }
  const block = (d: HiddenData) =>
    `${DATA_OPEN}${Buffer.from(JSON.stringify(d), 'utf8').toString('base64')} -->`
  const encoded = block(clean)
  if (encoded.length <= MAX_ENCODED_LENGTH) return encoded
  // Too many tasks: keep the badges that fit, the not-success ones first (their changes matter most).
  const badges = Object.entries(clean.taskBadges ?? {}).sort(
    ([a, x], [b, y]) => Number(x === 'success') - Number(y === 'success') || (a < b ? -1 : a > b ? 1 : 0)
  )
  const withBadges = (n: number) => block({ ...clean, taskBadges: Object.fromEntries(badges.slice(0, n)) })
  const kept = largestFitting(badges.length, n => withBadges(n).length <= MAX_ENCODED_LENGTH)
  if (kept >= 0) return withBadges(kept)
  return block({ ...clean, taskBadges: undefined, history: clean.history.slice(-5) })
}

/**
 * The hidden data in a comment body, or undefined when there is none or it is not ours / not valid.
 * With `key`, data written for another key is ignored.
 */
export function decodeHiddenData(body: unknown, key?: string): HiddenData | undefined {
  if (typeof body !== 'string') return undefined
  const start = body.lastIndexOf(DATA_OPEN)
  if (start < 0) return undefined
  // Look no further than the largest block we would accept.
  const match = DATA_BLOCK.exec(body.slice(start, start + DATA_OPEN.length + MAX_DECODED_INPUT + 4))
  if (!match) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'))
  } catch {
    return undefined
  }
  const data = sanitize(parsed)
  if (!data || (key !== undefined && data.key !== key)) return undefined
  return data
}

/** The state to embed after this run: the previous history plus this run (a re-run replaces its entry). */
export function nextHiddenData(
  previous: HiddenData | undefined,
  judgement: Judgement,
  run: { key: string; sha: string; runId?: number; attempt?: number; issueId?: string; at: string }
): HiddenData {
  const entry: HistoryEntry = {
    sha: run.sha,
    ...(run.runId !== undefined ? { runId: run.runId } : {}),
    ...(run.attempt !== undefined ? { attempt: run.attempt } : {}),
    passRate: judgement.passRate,
    result: judgement.result,
    at: run.at
  }
  const earlier = (previous?.key === run.key ? previous.history : []).filter(
    h => !(h.sha === entry.sha && h.runId === entry.runId)
  )
  const taskBadges: Record<string, Badge> = Object.create(null)
  for (const task of judgement.tasks) taskBadges[task.id] = task.badge
  const issueId = run.issueId ?? (previous?.key === run.key ? previous.issueId : undefined)
  return {
    v: 1,
    key: run.key,
    ...(issueId ? { issueId } : {}),
    lastPassRate: judgement.passRate,
    lastResult: judgement.result,
    taskBadges,
    history: [...earlier, entry].slice(-MAX_HISTORY)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function shortString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined
}

function rate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

function historyEntry(value: unknown): HistoryEntry | undefined {
  if (!isRecord(value)) return undefined
  const sha = shortString(value.sha, 64)
  const passRate = rate(value.passRate)
  const result = typeof value.result === 'string' && RESULTS.includes(value.result) ? value.result : undefined
  const at = shortString(value.at, 40)
  if (sha === undefined || passRate === undefined || result === undefined || at === undefined)
    return undefined
  const runId = positiveInt(value.runId)
  const attempt = positiveInt(value.attempt)
  return {
    sha,
    ...(runId !== undefined ? { runId } : {}),
    ...(attempt !== undefined ? { attempt } : {}),
    passRate,
    result: result as Result,
    at
  }
}

/** A checked copy with only known, well-typed fields; undefined when `v` or `key` is wrong. */
function sanitize(value: unknown): HiddenData | undefined {
  if (!isRecord(value) || value.v !== 1) return undefined
  const key = shortString(value.key, MAX_KEY)
  if (key === undefined) return undefined
  const data: HiddenData = { v: 1, key, history: [] }
  const issueId = shortString(value.issueId, MAX_ID)
  if (issueId) data.issueId = issueId
  const lastPassRate = rate(value.lastPassRate)
  if (lastPassRate !== undefined) data.lastPassRate = lastPassRate
  if (typeof value.lastResult === 'string' && RESULTS.includes(value.lastResult)) {
    data.lastResult = value.lastResult as Result
  }
  if (isRecord(value.taskBadges)) {
    // A prototype-less map: task ids such as `__proto__` or `toString` are plain keys here.
    const badges: Record<string, Badge> = Object.create(null)
    for (const [id, badge] of Object.entries(value.taskBadges)) {
      if (id.length <= MAX_ID && typeof badge === 'string' && BADGES.includes(badge))
        badges[id] = badge as Badge
    }
    data.taskBadges = badges
  }
  if (Array.isArray(value.history)) {
    data.history = value.history
      .slice(-MAX_HISTORY)
      .map(historyEntry)
      .filter((h): h is HistoryEntry => h !== undefined)
  }
  return data
}
