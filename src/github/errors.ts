import { redactor } from '../shared/redact.js'
import { cutText, oneLine } from '../shared/text.js'

/** What the action asks of GitHub, to name the permission a refusal calls for. */
export type GitHubOperation = 'comment' | 'status' | 'check-run' | 'workflow-run' | 'pulls'

export interface GitHubPermission {
  /** As written in a workflow's `permissions`, e.g. `statuses: write`. */
  name: string
  /** What the gate does with it. */
  for: string
  /** The calls that need it, whose refusal names it. */
  operations: readonly GitHubOperation[]
}

/** Every permission the gate asks of the job's token, and what each is for. */
export const GITHUB_PERMISSIONS: readonly GitHubPermission[] = [
  {
    name: 'pull-requests: write',
    for: 'the sticky pull request comment, and finding the pull request of a push or workflow_run',
    operations: ['comment', 'pulls']
  },
  { name: 'statuses: write', for: 'the commit status', operations: ['status'] },
  { name: 'checks: write', for: 'the check run', operations: ['check-run'] },
  {
    name: 'actions: read',
    for: 'reading when the workflow run was created, the default start of the test window',
    operations: ['workflow-run']
  }
]

const WHAT: Record<GitHubOperation, string> = {
  comment: 'write the pull request comment',
  status: 'post the commit status',
  'check-run': 'create or update the check run',
  'workflow-run': 'read the workflow run',
  pulls: 'list pull requests'
}

const SKIPPED_ON_FORKS: Partial<Record<GitHubOperation, string>> = {
  comment: 'comment',
  status: 'commit status',
  'check-run': 'check run'
}

interface RequestErrorLike {
  status: number
  message: string
  request?: { method?: string }
  response?: { data?: unknown }
}

function asRequestError(error: unknown): RequestErrorLike | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const candidate = error as Partial<RequestErrorLike>
  return typeof candidate.status === 'number' && typeof candidate.message === 'string'
    ? (candidate as RequestErrorLike)
    : undefined
}

/** Items of a validation failure quoted in a log line; the rest are counted. */
const MAX_ITEMS = 4
const MAX_ITEM_MESSAGE = 100

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/**
 * One item of GitHub's `errors`: where (`Status.context`), GitHub's code (`too_long`) and its message when it
 * wrote one. The code `custom` only says that the message explains, so it is left out.
 */
function describeItem(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return nonEmpty(item)
  const { resource, field, code, message } = item as Record<string, unknown>
  const where = [nonEmpty(resource), nonEmpty(field)].filter(Boolean).join('.')
  const reason = nonEmpty(code) === 'custom' ? undefined : nonEmpty(code)
  const head = [where, reason].filter(Boolean).join(' ')
  const text = nonEmpty(message)
  const said = text && cutText(text, MAX_ITEM_MESSAGE)
  return head && said ? `${head}: ${said}` : head || said
}

function describeItems(errors: unknown): string {
  if (!Array.isArray(errors)) return ''
  const items = errors.map(describeItem).filter((d): d is string => d !== undefined)
  const more = items.length > MAX_ITEMS ? `; ${items.length - MAX_ITEMS} more` : ''
  return items.slice(0, MAX_ITEMS).join('; ') + more
}

/**
 * GitHub's own `message`, with what its `errors` say (the field and code of a 422) in brackets; the error's
 * message would also carry the documentation URL.
 */
function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data
  if (typeof data === 'object' && data !== null) {
    const { message, errors } = data as { message?: unknown; errors?: unknown }
    if (typeof message === 'string' && message) {
      const detail = describeItems(errors)
      return detail ? `${message} (${detail})` : message
    }
  }
  return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '')
}

/** Longest GitHub answer quoted in a log line: an HTML error page is not a message. */
const MAX_QUOTED = 200

// The token is not known here: the shared rule's token shapes are what hides one GitHub echoes back.
const redact = redactor([])

/** GitHub's answer as one plain line: an HTML error page loses its tags, scripts and styles. */
function quoted(text: string): string {
  const plain = text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')
  return oneLine(redact(plain), MAX_QUOTED)
}

/**
 * True when the token is not allowed to do this: 403 "Resource not accessible by …" (missing permission, or the
 * read-only token of a fork's pull request), or a 404 on a write, which is how GitHub hides what a token may not touch.
 */
export function isPermissionError(error: unknown): boolean {
  const e = asRequestError(error)
  if (!e) return false
  if (e.status === 403) return /resource not accessible by/i.test(githubMessage(e))
  const method = e.request?.method?.toUpperCase() ?? 'GET'
  return e.status === 404 && method !== 'GET' && method !== 'HEAD'
}

/** The permission `operation` needs, from GITHUB_PERMISSIONS. */
export function requiredPermission(operation: GitHubOperation): string {
  const permission = GITHUB_PERMISSIONS.find(p => p.operations.includes(operation))
  if (!permission) throw new Error(`No permission listed for the GitHub operation ${operation}`)
  return permission.name
}

/** One sentence naming the permission to add, e.g. for `core.warning`. */
export function missingPermissionMessage(operation: GitHubOperation, error?: unknown): string {
  const e = asRequestError(error)
  const answer = e ? ` (GitHub answered ${e.status} ${quoted(githubMessage(e))})` : ''
  const skipped = SKIPPED_ON_FORKS[operation]
  const fork = skipped
    ? ` Pull requests from forks always get a read-only token; there the ${skipped} is skipped.`
    : ''
  return `The GitHub token may not ${WHAT[operation]}${answer}. Add \`${requiredPermission(operation)}\` to the job's \`permissions\`.${fork}`
}

/** One line for a log: what failed, GitHub's status and message. Never includes the token. */
export function describeGitHubError(error: unknown, what: string): string {
  const e = asRequestError(error)
  if (e?.response) return quoted(`${what} failed: GitHub answered ${e.status} ${githubMessage(e)}`)
  if (e) return quoted(`${what} failed: ${e.message}`)
  const message = error instanceof Error ? error.message : String(error)
  return quoted(`${what} failed: ${message}`)
}
