/** What the action asks of GitHub, to name the permission a refusal calls for. */
export type GitHubOperation = 'comment' | 'status' | 'workflow-run' | 'pulls'

const PERMISSION: Record<GitHubOperation, string> = {
  comment: 'pull-requests: write',
  status: 'statuses: write',
  'workflow-run': 'actions: read',
  pulls: 'pull-requests: read'
}

const WHAT: Record<GitHubOperation, string> = {
  comment: 'write the pull request comment',
  status: 'post the commit status',
  'workflow-run': 'read the workflow run',
  pulls: 'list pull requests'
}

const SKIPPED_ON_FORKS: Partial<Record<GitHubOperation, string>> = {
  comment: 'comment',
  status: 'commit status'
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

/** GitHub's own `message` (the error's message also carries the documentation URL). */
function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data
  if (typeof data === 'object' && data !== null) {
    const { message, errors } = data as { message?: unknown; errors?: unknown }
    if (typeof message === 'string' && message) {
      const details = Array.isArray(errors)
        ? errors.map(e => (typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : e))
        : []
      const detail = details.filter((d): d is string => typeof d === 'string' && d !== '').join('; ')
      return detail ? `${message} (${detail})` : message
    }
  }
  return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '')
}

const TOKEN_PATTERN = /\b(?:gh[opsur]_[A-Za-z0-9_]+|github_pat_[A-Za-z0-9_]+)/g

/** Longest GitHub answer quoted in a log line: an HTML error page is not a message. */
const MAX_QUOTED = 200

function oneLine(text: string): string {
  const plain = text
    .replace(TOKEN_PATTERN, '***')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > MAX_QUOTED ? `${plain.slice(0, MAX_QUOTED - 1)}…` : plain
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

export function requiredPermission(operation: GitHubOperation): string {
  return PERMISSION[operation]
}

/** One sentence naming the permission to add, e.g. for `core.warning`. */
export function missingPermissionMessage(operation: GitHubOperation, error?: unknown): string {
  const e = asRequestError(error)
  const answer = e ? ` (GitHub answered ${e.status} ${oneLine(githubMessage(e))})` : ''
  const skipped = SKIPPED_ON_FORKS[operation]
  const fork = skipped
    ? ` Pull requests from forks always get a read-only token; there the ${skipped} is skipped.`
    : ''
  return `The GitHub token may not ${WHAT[operation]}${answer}. Add \`${PERMISSION[operation]}\` to the job's \`permissions\`.${fork}`
}

/** One line for a log: what failed, GitHub's status and message. Never includes the token. */
export function describeGitHubError(error: unknown, what: string): string {
  const e = asRequestError(error)
  if (e?.response) return oneLine(`${what} failed: GitHub answered ${e.status} ${githubMessage(e)}`)
  if (e) return oneLine(`${what} failed: ${e.message}`)
  const message = error instanceof Error ? error.message : String(error)
  return oneLine(`${what} failed: ${message}`)
}
