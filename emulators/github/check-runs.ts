import { githubTimestamp, normalizeTimestamp, repoKey, type Json, type Renderer } from './render.js'

export const CHECK_RUN_STATUSES = ['queued', 'in_progress', 'completed'] as const
export const CHECK_RUN_CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out'
] as const
/** Longest `output.summary` and `output.text`, in characters and also in UTF-8 bytes. */
export const CHECK_RUN_OUTPUT_LIMIT = 65_535

export type CheckRunStatus = (typeof CHECK_RUN_STATUSES)[number]
export type CheckRunConclusion = (typeof CHECK_RUN_CONCLUSIONS)[number]

export interface CheckRunOutput {
  title: string | null
  summary: string | null
  text: string | null
}

export interface CheckRunRecord {
  id: number
  owner: string
  repo: string
  headSha: string
  name: string
  status: CheckRunStatus
  conclusion: CheckRunConclusion | null
  detailsUrl: string | null
  externalId: string
  startedAt: string
  completedAt: string | null
  output: CheckRunOutput
}

/** The fields of a create or update request, already validated. */
export type CheckRunChanges = Partial<Omit<CheckRunRecord, 'id' | 'owner' | 'repo' | 'output'>> & {
  output?: CheckRunOutput
}

/** A request GitHub refuses: the message and, for `Validation Failed`, the `errors` entries. */
export interface CheckRunRejection {
  message: string
  errors?: object[]
}

type Body = Record<string, unknown>

function invalid(detail: string): CheckRunRejection {
  return { message: `Invalid request.\n\n${detail}` }
}

function outputProblem(output: unknown): CheckRunRejection | CheckRunOutput {
  if (typeof output !== 'object' || output === null)
    return invalid("For 'properties/output', it is not an object.")
  const { title, summary, text } = output as Body
  if (typeof summary !== 'string') return invalid('"summary" wasn\'t supplied.')
  for (const [field, value] of [
    ['title', title],
    ['text', text]
  ] as const) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return invalid(`For 'properties/${field}', ${JSON.stringify(value)} is not a string.`)
    }
  }
  for (const [field, value] of [
    ['summary', summary],
    ['text', text]
  ] as const) {
    if (typeof value !== 'string') continue
    if (value.length > CHECK_RUN_OUTPUT_LIMIT) {
      return invalid(`Only ${CHECK_RUN_OUTPUT_LIMIT} characters are allowed; ${value.length} were supplied.`)
    }
    if (Buffer.byteLength(value, 'utf8') > CHECK_RUN_OUTPUT_LIMIT) {
      return {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'CheckRun',
            code: 'custom',
            field,
            message: `${field} exceeds a maximum bytesize of ${CHECK_RUN_OUTPUT_LIMIT}`
          }
        ]
      }
    }
  }
  return {
    title: typeof title === 'string' ? title : null,
    summary,
    text: typeof text === 'string' ? text : null
  }
}

/**
 * Validates a create (`creating`) or update body the way GitHub does: `name` and `head_sha` required on create,
 * the enums, ISO 8601 times, `conclusion` required once `status` is completed (and giving a conclusion completes
 * the run), and the output limits.
 */
export function parseCheckRunBody(body: unknown, creating: boolean): CheckRunRejection | CheckRunChanges {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalid('Body is not an object.')
  const b = body as Body
  const changes: CheckRunChanges = {}
  for (const field of ['name', 'head_sha', 'details_url', 'external_id'] as const) {
    const value = b[field]
    if (value === undefined) {
      if (creating && (field === 'name' || field === 'head_sha'))
        return invalid(`"${field}" wasn't supplied.`)
      continue
    }
    if (typeof value !== 'string')
      return invalid(`For 'properties/${field}', ${JSON.stringify(value)} is not a string.`)
  }
  if (typeof b['name'] === 'string') {
    if (!b['name'].trim()) {
      return {
        message: 'Validation Failed',
        errors: [{ resource: 'CheckRun', code: 'missing_field', field: 'name' }]
      }
    }
    changes.name = b['name']
  }
  if (typeof b['head_sha'] === 'string') changes.headSha = b['head_sha'].toLowerCase()
  if (typeof b['details_url'] === 'string') changes.detailsUrl = b['details_url']
  if (typeof b['external_id'] === 'string') changes.externalId = b['external_id']
  const status = b['status']
  if (status !== undefined) {
    if (!CHECK_RUN_STATUSES.includes(status as CheckRunStatus)) {
      return invalid(
        `For 'properties/status', ${JSON.stringify(status)} is not a member of ${JSON.stringify(CHECK_RUN_STATUSES)}.`
      )
    }
    changes.status = status as CheckRunStatus
  }
  const conclusion = b['conclusion']
  if (conclusion !== undefined && conclusion !== null) {
    if (!CHECK_RUN_CONCLUSIONS.includes(conclusion as CheckRunConclusion)) {
      return invalid(
        `For 'properties/conclusion', ${JSON.stringify(conclusion)} is not a member of ${JSON.stringify(CHECK_RUN_CONCLUSIONS)}.`
      )
    }
    if (status !== undefined && status !== 'completed') {
      return invalid(`For 'properties/status', ${JSON.stringify(status)} is not a member of ["completed"].`)
    }
    changes.conclusion = conclusion as CheckRunConclusion
    changes.status = 'completed'
  } else if (status === 'completed') {
    return invalid('"conclusion" wasn\'t supplied.')
  }
  for (const [field, key] of [
    ['started_at', 'startedAt'],
    ['completed_at', 'completedAt']
  ] as const) {
    const value = b[field]
    if (value === undefined) continue
    const time = typeof value === 'string' ? normalizeTimestamp(value) : undefined
    if (!time) return invalid(`For 'properties/${field}', ${JSON.stringify(value)} is not a date-time.`)
    changes[key] = time
  }
  if (b['output'] !== undefined) {
    const output = outputProblem(b['output'])
    if ('message' in output) return output
    changes.output = output
  }
  return changes
}

/** Check runs by id, with every state each one went through. */
export class CheckRunStore {
  private readonly runs = new Map<number, CheckRunRecord>()
  private readonly history = new Map<number, CheckRunRecord[]>()
  private nextId = 30_000_001

  constructor(private readonly render: Renderer) {}

  create(owner: string, repo: string, changes: CheckRunChanges): CheckRunRecord {
    const now = githubTimestamp()
    const status = changes.status ?? 'queued'
    const record: CheckRunRecord = {
      id: this.nextId++,
      owner,
      repo,
      headSha: changes.headSha ?? '',
      name: changes.name ?? '',
      status,
      conclusion: changes.conclusion ?? null,
      detailsUrl: changes.detailsUrl ?? null,
      externalId: changes.externalId ?? '',
      startedAt: changes.startedAt ?? now,
      completedAt: status === 'completed' ? (changes.completedAt ?? now) : null,
      output: changes.output ?? { title: null, summary: null, text: null }
    }
    this.runs.set(record.id, record)
    this.history.set(record.id, [{ ...record }])
    return record
  }

  /** Undefined when the repository holds no check run with this id. */
  update(owner: string, repo: string, id: number, changes: CheckRunChanges): CheckRunRecord | undefined {
    const record = this.get(owner, repo, id)
    if (!record) return undefined
    const { output, ...rest } = changes
    Object.assign(record, rest)
    if (output) record.output = output
    if (record.status === 'completed')
      record.completedAt = changes.completedAt ?? record.completedAt ?? githubTimestamp()
    else {
      record.conclusion = null
      record.completedAt = null
    }
    this.history.get(id)?.push({ ...record })
    return record
  }

  get(owner: string, repo: string, id: number): CheckRunRecord | undefined {
    const record = this.runs.get(id)
    return record && repoKey(record.owner, record.repo) === repoKey(owner, repo) ? record : undefined
  }

  /** The repository's check runs, oldest first; only those on `sha` when given. */
  list(owner: string, repo: string, sha?: string): CheckRunRecord[] {
    return [...this.runs.values()].filter(
      r =>
        repoKey(r.owner, r.repo) === repoKey(owner, repo) &&
        (sha === undefined || r.headSha === sha.toLowerCase())
    )
  }

  /** Every state of a check run, from its creation on. */
  states(id: number): CheckRunRecord[] {
    return (this.history.get(id) ?? []).map(r => ({ ...r }))
  }

  /** GitHub's `check-run` object. */
  renderCheckRun(r: CheckRunRecord): Json {
    const { api, server } = this.render.urls
    const repoApi = `${api}/repos/${r.owner}/${r.repo}`
    return {
      id: r.id,
      head_sha: r.headSha,
      node_id: `CR_${r.id}`,
      external_id: r.externalId,
      url: `${repoApi}/check-runs/${r.id}`,
      html_url: `${server}/${r.owner}/${r.repo}/runs/${r.id}`,
      details_url: r.detailsUrl,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.startedAt,
      completed_at: r.completedAt,
      output: {
        title: r.output.title,
        summary: r.output.summary,
        text: r.output.text,
        annotations_count: 0,
        annotations_url: `${repoApi}/check-runs/${r.id}/annotations`
      },
      name: r.name,
      check_suite: { id: 40_000_000 + (r.id % 1_000_000) },
      app: this.render.actionsApp(),
      pull_requests: []
    }
  }
}
