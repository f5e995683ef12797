import { readFileSync } from 'node:fs'
import { z } from 'zod'

/** How the pull request is still to be found when the payload does not name it. */
export type PullRequestLookup = 'commit' | 'head-sha'

export interface GateContext {
  eventName: string
  owner: string
  repo: string
  /** The commit being gated: statuses go on it. */
  sha: string
  prNumber?: number
  /**
   * The commit the change builds on, whose recorded result is the baseline: the pull request's base, the
   * commit before a push, or a merge group's base. Undefined when the event names none.
   */
  baseSha?: string
  /** workflow_run: the payload's pull requests of this repository (empty for forks). */
  prCandidatesFromPayload?: number[]
  /** Set when prNumber is unknown but the event allows finding it: `commit` for push, `head-sha` for workflow_run. */
  prLookup?: PullRequestLookup
  /**
   * workflow_run: the run that triggered this one. The tests to gate were made while it ran, before this run
   * was created, so it (not this run) starts the window.
   */
  triggeringRun?: TriggeringRun
  runId?: number
  runAttempt: number
  workflow: string
  job: string
  serverUrl: string
  apiUrl: string
  runUrl?: string
  commitUrl: string
}

export interface TriggeringRun {
  id?: number
  createdAt?: string
}

export class GitHubContextError extends Error {
  override name = 'GitHubContextError'
}

const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i
const NULL_SHA = /^0+$/
const shaSchema = z.string({ error: 'expected a commit SHA' }).regex(SHA_PATTERN, 'expected a commit SHA')
const numberSchema = z.number({ error: 'expected a pull request number' }).int().positive()

/** A base commit is optional everywhere: without one the gate only has no base-commit baseline. */
const optionalSha = z.string().regex(SHA_PATTERN).optional().catch(undefined)
const pullRequestPayload = z.object({
  pull_request: z.object({
    number: numberSchema,
    head: z.object({ sha: shaSchema }),
    base: z.object({ sha: optionalSha }).optional().catch(undefined)
  })
})
const pushPayload = z.object({ after: shaSchema, before: optionalSha })
const workflowRunPayload = z.object({
  workflow_run: z.object({
    head_sha: shaSchema,
    pull_requests: z.array(z.unknown(), { error: 'expected a list' }).optional()
  })
})
const workflowRunPull = z.object({
  number: numberSchema,
  base: z.object({ sha: optionalSha, repo: z.object({ url: z.string().optional() }).optional() }).optional()
})
const triggeringRunFields = z.object({
  id: z.number().int().positive().optional().catch(undefined),
  created_at: z
    .string()
    .refine(value => !Number.isNaN(Date.parse(value)))
    .optional()
    .catch(undefined)
})
const mergeGroupPayload = z.object({ merge_group: z.object({ head_sha: shaSchema, base_sha: optionalSha }) })

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    value
  )
}

function parsePayload<T>(schema: z.ZodType<T>, event: unknown, eventName: string): T {
  const result = schema.safeParse(event ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path ?? []
  const field = `\`${path.length ? path.join('.') : 'payload'}\``
  const problem =
    valueAt(event, path) === undefined
      ? `has no ${field}`
      : `has an invalid ${field} (${issue?.message ?? 'unreadable'})`
  throw new GitHubContextError(`The ${eventName} event payload ${problem}.`)
}

function requireEnv(env: Record<string, string | undefined>, name: string, why: string): string {
  const value = env[name]?.trim()
  if (!value) throw new GitHubContextError(`${name} is not set; ${why}`)
  return value
}

function baseUrl(env: Record<string, string | undefined>, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback
  if (!URL.canParse(value)) throw new GitHubContextError(`${name} is not a URL: "${value}".`)
  return value.replace(/\/+$/, '')
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value)
  return value && Number.isInteger(n) && n > 0 ? n : undefined
}

/** workflow_run lists pull requests of other repositories too when branch names collide: keep this one's. */
function workflowRunCandidates(
  pulls: unknown[],
  owner: string,
  repo: string
): { number: number; baseSha?: string }[] {
  const ownRepoUrl = `/repos/${owner}/${repo}`.toLowerCase()
  const seen = new Set<number>()
  return pulls.flatMap(entry => {
    const pull = workflowRunPull.safeParse(entry)
    if (!pull.success || seen.has(pull.data.number)) return []
    const url = pull.data.base?.repo?.url
    if (url && !url.toLowerCase().endsWith(ownRepoUrl)) return []
    seen.add(pull.data.number)
    return [{ number: pull.data.number, baseSha: pull.data.base?.sha }]
  })
}

interface EventFacts {
  sha: string
  baseSha?: string
  prNumber?: number
  prCandidatesFromPayload?: number[]
  prLookup?: PullRequestLookup
  triggeringRun?: TriggeringRun
}

/** The triggering run's id and creation time, each only when the payload holds a valid one. */
function triggeringRun(event: unknown): TriggeringRun | undefined {
  const fields = triggeringRunFields.safeParse(valueAt(event, ['workflow_run']))
  if (!fields.success) return undefined
  const run: TriggeringRun = {}
  if (fields.data.id !== undefined) run.id = fields.data.id
  if (fields.data.created_at !== undefined) run.createdAt = fields.data.created_at
  return run.id === undefined && run.createdAt === undefined ? undefined : run
}

function withBase(facts: EventFacts, baseSha: string | undefined): EventFacts {
  return baseSha ? { ...facts, baseSha } : facts
}

function eventFacts(
  eventName: string,
  event: unknown,
  envSha: () => string,
  owner: string,
  repo: string
): EventFacts {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const { pull_request } = parsePayload(pullRequestPayload, event, eventName)
      return withBase({ sha: pull_request.head.sha, prNumber: pull_request.number }, pull_request.base?.sha)
    }
    case 'push': {
      const { after, before } = parsePayload(pushPayload, event, eventName)
      // A deleted branch pushes the null SHA; GITHUB_SHA is the best commit left. A new branch has no before.
      const base = before && !NULL_SHA.test(before) ? before : undefined
      return withBase({ sha: NULL_SHA.test(after) ? envSha() : after, prLookup: 'commit' }, base)
    }
    case 'workflow_run': {
      const { workflow_run } = parsePayload(workflowRunPayload, event, eventName)
      const pulls = workflowRunCandidates(workflow_run.pull_requests ?? [], owner, repo)
      const candidates = pulls.map(pull => pull.number)
      const facts: EventFacts = { sha: workflow_run.head_sha, prCandidatesFromPayload: candidates }
      const triggering = triggeringRun(event)
      if (triggering) facts.triggeringRun = triggering
      if (candidates.length === 1) facts.prNumber = candidates[0]
      else if (candidates.length === 0) facts.prLookup = 'head-sha'
      return withBase(facts, pulls.length === 1 ? pulls[0].baseSha : undefined)
    }
    case 'merge_group': {
      const { merge_group } = parsePayload(mergeGroupPayload, event, eventName)
      return withBase({ sha: merge_group.head_sha }, merge_group.base_sha)
    }
    default:
      return { sha: envSha() }
  }
}

/** The GitHub side of the gate from the runner's environment and the event payload. */
export function readGitHubContext(env: Record<string, string | undefined>, event: unknown): GateContext {
  const eventName = requireEnv(env, 'GITHUB_EVENT_NAME', 'run the action in a GitHub Actions workflow.')
  const repository = requireEnv(env, 'GITHUB_REPOSITORY', 'run the action in a GitHub Actions workflow.')
  const [owner, repo, ...rest] = repository.split('/')
  if (!owner || !repo || rest.length) {
    throw new GitHubContextError(`GITHUB_REPOSITORY must be "owner/repo", not "${repository}".`)
  }
  const envSha = (): string => {
    const sha = requireEnv(env, 'GITHUB_SHA', `the ${eventName} event gives no commit of its own.`)
    if (!SHA_PATTERN.test(sha)) throw new GitHubContextError(`GITHUB_SHA is not a commit SHA: "${sha}".`)
    return sha
  }
  const facts = eventFacts(eventName, event, envSha, owner, repo)
  const serverUrl = baseUrl(env, 'GITHUB_SERVER_URL', 'https://github.com')
  const runId = positiveInt(env['GITHUB_RUN_ID'])
  const runAttempt = positiveInt(env['GITHUB_RUN_ATTEMPT']) ?? 1

  const context: GateContext = {
    eventName,
    owner,
    repo,
    ...facts,
    runAttempt,
    workflow: env['GITHUB_WORKFLOW'] ?? '',
    job: env['GITHUB_JOB'] ?? '',
    serverUrl,
    apiUrl: baseUrl(env, 'GITHUB_API_URL', 'https://api.github.com'),
    commitUrl: `${serverUrl}/${owner}/${repo}/commit/${facts.sha}`
  }
  if (runId !== undefined) {
    context.runId = runId
    const attempt = runAttempt > 1 ? `/attempts/${runAttempt}` : ''
    context.runUrl = `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt}`
  }
  return context
}

/** The event payload at GITHUB_EVENT_PATH; `{}` when there is no such file. */
export function readEventPayload(path: string | undefined): unknown {
  if (!path) return {}
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new GitHubContextError(`Cannot read the event payload at ${path}: ${(error as Error).message}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new GitHubContextError(`The event payload at ${path} is not valid JSON.`)
  }
}
