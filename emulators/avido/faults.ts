// Faults a test can inject per route to see how a client copes with a misbehaving Avido.

export type Fault =
  /** Answers with this status (e.g. 429 with Retry-After, or an HTML 502 page). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string | object }
  /** Answers normally after `ms` real milliseconds. */
  | { kind: 'delay'; ms: number }
  /** Never answers; close() ends the connection. */
  | { kind: 'hang' }
  /** Destroys the socket without a response. */
  | { kind: 'reset' }
  /** Sends the status line, headers and half the normal body, then the rest after `ms` real milliseconds. */
  | { kind: 'slowBody'; ms: number }
  /** 200 with a body that is not valid JSON. */
  | { kind: 'malformed'; body?: string }
  /** 200 with valid JSON that breaks the documented shape (default: see breakSchema). */
  | { kind: 'schema'; mutate?: (payload: unknown) => unknown }
  /**
   * Normal rows, but pagination.total (and totalPages) says `total` (default far above the real count). A
   * total below the real count makes a listing that keeps sending full pages past its stated total.
   */
  | { kind: 'lieTotal'; total?: number }
  /**
   * Normal rows in another envelope shape the SDK allows: `totalCount` (pagination holds only totalCount),
   * `noTotals` (pagination holds only skip and limit), `empty` (pagination is `{}`), `absent` (no pagination).
   */
  | { kind: 'envelope'; shape: EnvelopeShape }
  /** Every skip returns the rows of the first page (pagination.skip echoes the request). */
  | { kind: 'repeatPage' }
  /**
   * The rows up to `after`, then the listing again from its first row, and so on; pagination.skip echoes the
   * request and the total states twice `after`.
   */
  | { kind: 'startOver'; after: number }
  /** 200 with `bytes` bytes of valid-looking JSON, streamed; Content-Length only when asked for. */
  | { kind: 'oversize'; bytes: number; contentLength?: boolean }

export type FaultKind = Fault['kind']

export const ENVELOPE_SHAPES = ['totalCount', 'noTotals', 'empty', 'absent'] as const
export type EnvelopeShape = (typeof ENVELOPE_SHAPES)[number]

/** Faults that only make sense on list routes. */
export const LIST_ONLY_FAULTS: FaultKind[] = ['lieTotal', 'repeatPage', 'startOver', 'envelope']

interface Pagination {
  skip: number
  limit: number
  total: number
  totalPages: number
}

/** A list answer's envelope reshaped as the fault says; the rows are left alone. */
export function reshapeEnvelope(
  body: { data?: unknown; pagination?: Pagination },
  shape: EnvelopeShape
): Record<string, unknown> {
  const { pagination, ...rest } = body
  if (pagination === undefined) return rest
  switch (shape) {
    case 'totalCount':
      return { ...rest, pagination: { totalCount: pagination.total } }
    case 'noTotals':
      return { ...rest, pagination: { skip: pagination.skip, limit: pagination.limit } }
    case 'empty':
      return { ...rest, pagination: {} }
    case 'absent':
      return rest
  }
}

export const DEFAULT_LIE_TOTAL = 1_000_000

interface QueuedFault {
  fault: Fault
  remaining: number
}

/** Faults per route key, consumed in the order they were injected. */
export class FaultQueues {
  private readonly queues = new Map<string, QueuedFault[]>()

  add(route: string, fault: Fault, times: number): void {
    if (!(times >= 1)) throw new Error(`Fault times must be ≥ 1 (or Infinity), got ${times}`)
    const queue = this.queues.get(route) ?? []
    queue.push({ fault, remaining: times })
    this.queues.set(route, queue)
  }

  /** The next fault for this route, else the next one injected for every route ('*'). */
  take(route: string): Fault | undefined {
    return this.takeFrom(route) ?? this.takeFrom('*')
  }

  private takeFrom(key: string): Fault | undefined {
    const queue = this.queues.get(key)
    const head = queue?.[0]
    if (queue === undefined || head === undefined) return undefined
    head.remaining -= 1
    if (head.remaining <= 0) queue.shift()
    return head.fault
  }

  clear(): void {
    this.queues.clear()
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A test gets a numeric status and loses runId; objects without either get a numeric id. */
function breakItem(item: unknown): unknown {
  if (!isObject(item)) return 42
  const broken: Record<string, unknown> = { ...item }
  if ('status' in broken) broken.status = 42
  if ('runId' in broken) delete broken.runId
  if (!('status' in item) && !('runId' in item)) broken.id = 42
  return broken
}

/** The default `schema` fault: break the first row of a list, or the wrapped object of a single answer. */
export function breakSchema(payload: unknown): unknown {
  if (!isObject(payload)) return { unexpected: true }
  if (Array.isArray(payload.data)) {
    if (payload.data.length === 0) return { ...payload, data: 'not-a-list' }
    return { ...payload, data: [breakItem(payload.data[0]), ...payload.data.slice(1)] }
  }
  for (const key of ['test', 'run', 'task', 'data']) {
    if (isObject(payload[key])) return { ...payload, [key]: breakItem(payload[key]) }
  }
  return { unexpected: true }
}

export const MALFORMED_BODY = '{"data":[{"id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","status":"COMPLETED",'

const OVERSIZE_ROW = JSON.stringify({
  id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  applicationId: 'app',
  status: 'COMPLETED',
  evals: [],
  analysis: 'x'.repeat(900)
})
const OVERSIZE_HEAD = '{"data":['
const OVERSIZE_TAIL = '],"pagination":{"skip":0,"limit":100,"total":1,"totalPages":1}}'

/** Chunks that add up to exactly `bytes` bytes of JSON (ASCII) when bytes is at least a few dozen. */
export function* oversizeChunks(bytes: number): Generator<string> {
  let remaining = bytes - OVERSIZE_HEAD.length - OVERSIZE_TAIL.length
  yield OVERSIZE_HEAD
  let first = true
  const chunk: string[] = []
  while (remaining >= OVERSIZE_ROW.length + 1) {
    chunk.push(first ? OVERSIZE_ROW : `,${OVERSIZE_ROW}`)
    remaining -= OVERSIZE_ROW.length + (first ? 0 : 1)
    first = false
    if (chunk.length === 64) yield chunk.splice(0).join('')
  }
  if (chunk.length > 0) yield chunk.join('')
  if (remaining > 0) yield ' '.repeat(remaining)
  yield OVERSIZE_TAIL
}
