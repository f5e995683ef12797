import type { GitHubUser, SeedComment, SeedPull, SeedStatus, SeedWorkflowRun } from './types.js'

export interface EmulatorUrls {
  /** API base including any prefix, e.g. http://127.0.0.1:PORT/api/v3 */
  api: string
  /** Web base, e.g. http://127.0.0.1:PORT */
  server: string
}

interface CommentRecord {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  user: GitHubUser
  createdAt: string
  updatedAt: string
}

interface StatusRecord {
  id: number
  state: SeedStatus['state']
  context: string
  description: string | null
  targetUrl: string | null
  creator: GitHubUser
  createdAt: string
}

type Json = Record<string, unknown>

export const GITHUB_ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', type: 'Bot' }

const KNOWN_USER_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 }

/** GitHub timestamps carry no milliseconds. */
export function githubTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A repository id that stays the same for the same name. */
function stableId(text: string): number {
  let hash = 0
  for (const char of text.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000
  return 9_000_000 + hash
}

function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase()
}

/** The emulated GitHub data: workflow runs, pulls, issue comments and commit statuses. */
export class GitHubStore {
  private readonly runs = new Map<string, SeedWorkflowRun>()
  private readonly pulls = new Map<string, SeedPull[]>()
  private readonly commentsByIssue = new Map<string, CommentRecord[]>()
  private readonly commentsById = new Map<number, CommentRecord>()
  private readonly statusesBySha = new Map<string, StatusRecord[]>()
  private readonly userIds = new Map<string, number>(Object.entries(KNOWN_USER_IDS))
  private nextCommentId = 1_000_001
  private nextStatusId = 5_000_001

  constructor(private readonly urls: EmulatorUrls) {}

  addWorkflowRun(run: SeedWorkflowRun): void {
    this.runs.set(`${repoKey(run.owner, run.repo)}/${run.id}`, run)
  }

  addPull(pull: SeedPull): void {
    const key = repoKey(pull.owner, pull.repo)
    const list = (this.pulls.get(key) ?? []).filter(p => p.number !== pull.number)
    list.push(pull)
    this.pulls.set(key, list)
  }

  addComment(seed: SeedComment): Json {
    const now = seed.created_at ?? githubTimestamp()
    const record: CommentRecord = {
      id: this.nextCommentId++,
      owner: seed.owner,
      repo: seed.repo,
      issueNumber: seed.issue_number,
      body: seed.body,
      user: seed.user,
      createdAt: now,
      updatedAt: now
    }
    const key = this.issueKey(seed.owner, seed.repo, seed.issue_number)
    this.commentsByIssue.set(key, [...(this.commentsByIssue.get(key) ?? []), record])
    this.commentsById.set(record.id, record)
    return this.renderComment(record)
  }

  /** Returns undefined when no comment with this id belongs to the repository. */
  updateComment(owner: string, repo: string, id: number, body: string): Json | undefined {
    const record = this.commentsById.get(id)
    if (!record || repoKey(record.owner, record.repo) !== repoKey(owner, repo)) return undefined
    record.body = body
    record.updatedAt = githubTimestamp()
    return this.renderComment(record)
  }

  addStatus(seed: SeedStatus): Json {
    const record: StatusRecord = {
      id: this.nextStatusId++,
      state: seed.state,
      context: seed.context ?? 'default',
      description: seed.description ?? null,
      targetUrl: seed.target_url ?? null,
      creator: seed.creator ?? GITHUB_ACTIONS_BOT,
      createdAt: githubTimestamp()
    }
    const key = `${repoKey(seed.owner, seed.repo)}@${seed.sha.toLowerCase()}`
    this.statusesBySha.set(key, [...(this.statusesBySha.get(key) ?? []), record])
    return this.renderStatus(seed.owner, seed.repo, seed.sha, record)
  }

  workflowRun(owner: string, repo: string, id: number): Json | undefined {
    const run = this.runs.get(`${repoKey(owner, repo)}/${id}`)
    return run && this.renderRun(run)
  }

  /** An issue exists when a pull has its number or a comment was made on it. */
  issueExists(owner: string, repo: string, issueNumber: number): boolean {
    return (
      this.commentsByIssue.has(this.issueKey(owner, repo, issueNumber)) ||
      (this.pulls.get(repoKey(owner, repo)) ?? []).some(p => p.number === issueNumber)
    )
  }

  /** Comments on an issue, oldest first. */
  comments(owner: string, repo: string, issueNumber: number): Json[] {
    return (this.commentsByIssue.get(this.issueKey(owner, repo, issueNumber)) ?? []).map(c =>
      this.renderComment(c)
    )
  }

  /** Statuses of a commit in the order they were posted. A branch name resolves through the pulls' heads. */
  statuses(owner: string, repo: string, ref: string): Json[] {
    const sha = this.resolveRef(owner, repo, ref)
    const records = this.statusesBySha.get(`${repoKey(owner, repo)}@${sha.toLowerCase()}`) ?? []
    return records.map(r => this.renderStatus(owner, repo, sha, r))
  }

  listPulls(owner: string, repo: string): SeedPull[] {
    return [...(this.pulls.get(repoKey(owner, repo)) ?? [])]
  }

  pullsForCommit(owner: string, repo: string, sha: string): SeedPull[] {
    const wanted = sha.toLowerCase()
    return this.listPulls(owner, repo).filter(
      p => p.head.sha.toLowerCase() === wanted || (p.commits ?? []).some(c => c.toLowerCase() === wanted)
    )
  }

  renderUser(user: GitHubUser): Json {
    let id = this.userIds.get(user.login)
    if (id === undefined) {
      id = 100_000 + this.userIds.size
      this.userIds.set(user.login, id)
    }
    const webPath = user.type === 'Bot' ? `apps/${user.login.replace(/\[bot\]$/, '')}` : user.login
    return {
      login: user.login,
      id,
      node_id: `U_${id}`,
      avatar_url: `${this.urls.server}/avatars/u/${id}`,
      url: `${this.urls.api}/users/${encodeURIComponent(user.login)}`,
      html_url: `${this.urls.server}/${webPath}`,
      type: user.type,
      site_admin: false
    }
  }

  renderPull(pull: SeedPull): Json {
    const { api, server } = this.urls
    const headRepo = pull.head.repo ?? `${pull.owner}/${pull.repo}`
    const headOwner = headRepo.split('/')[0] ?? pull.owner
    const created = pull.created_at ?? githubTimestamp()
    const baseRef = pull.base?.ref ?? 'main'
    return {
      url: `${api}/repos/${pull.owner}/${pull.repo}/pulls/${pull.number}`,
      id: 7_000_000 + pull.number,
      node_id: `PR_${pull.number}`,
      html_url: `${server}/${pull.owner}/${pull.repo}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state ?? 'open',
      locked: false,
      title: pull.title ?? `Pull request #${pull.number}`,
      user: this.renderUser({ login: headOwner, type: 'User' }),
      body: null,
      created_at: created,
      updated_at: pull.updated_at ?? created,
      closed_at: pull.state === 'closed' ? (pull.updated_at ?? created) : null,
      merged_at: pull.merged ? (pull.updated_at ?? created) : null,
      draft: false,
      head: {
        label: `${headOwner}:${pull.head.ref}`,
        ref: pull.head.ref,
        sha: pull.head.sha,
        user: this.renderUser({ login: headOwner, type: 'User' }),
        repo: this.renderRepo(headRepo, headRepo.toLowerCase() !== repoKey(pull.owner, pull.repo))
      },
      base: {
        label: `${pull.owner}:${baseRef}`,
        ref: baseRef,
        sha: pull.base?.sha ?? '0'.repeat(40),
        user: this.renderUser({ login: pull.owner, type: 'User' }),
        repo: this.renderRepo(`${pull.owner}/${pull.repo}`, false)
      }
    }
  }

  private renderRepo(fullName: string, fork: boolean): Json {
    const [owner = '', name = ''] = fullName.split('/')
    return {
      id: stableId(fullName),
      name,
      full_name: fullName,
      owner: this.renderUser({ login: owner, type: 'User' }),
      private: false,
      fork,
      html_url: `${this.urls.server}/${fullName}`,
      url: `${this.urls.api}/repos/${fullName}`
    }
  }

  private renderRun(run: SeedWorkflowRun): Json {
    const { api, server } = this.urls
    const repoPath = `${run.owner}/${run.repo}`
    return {
      id: run.id,
      name: run.name ?? 'CI',
      node_id: `WFR_${run.id}`,
      head_branch: run.head_branch ?? 'main',
      head_sha: run.head_sha,
      path: '.github/workflows/ci.yml',
      display_title: run.name ?? 'CI',
      run_number: run.id % 10_000,
      event: run.event ?? 'pull_request',
      status: 'in_progress',
      conclusion: null,
      workflow_id: 161335,
      url: `${api}/repos/${repoPath}/actions/runs/${run.id}`,
      html_url: `${server}/${repoPath}/actions/runs/${run.id}`,
      jobs_url: `${api}/repos/${repoPath}/actions/runs/${run.id}/jobs`,
      logs_url: `${api}/repos/${repoPath}/actions/runs/${run.id}/logs`,
      pull_requests: (run.pull_requests ?? []).map(pr => ({
        url: `${api}/repos/${repoPath}/pulls/${pr.number}`,
        id: 7_000_000 + pr.number,
        number: pr.number,
        head: { ref: pr.head.ref, sha: pr.head.sha, repo: this.runPullRepo(repoPath) },
        base: {
          ref: pr.base?.ref ?? 'main',
          sha: '0'.repeat(40),
          repo: this.runPullRepo(pr.base?.repo ?? repoPath)
        }
      })),
      created_at: run.created_at,
      updated_at: githubTimestamp(),
      run_attempt: run.run_attempt ?? 1,
      run_started_at: run.run_started_at ?? run.created_at,
      actor: this.renderUser({ login: run.owner, type: 'User' }),
      triggering_actor: this.renderUser({ login: run.owner, type: 'User' }),
      repository: this.renderRepo(repoPath, false)
    }
  }

  private runPullRepo(fullName: string): Json {
    return {
      id: stableId(fullName),
      url: `${this.urls.api}/repos/${fullName}`,
      name: fullName.split('/')[1] ?? fullName
    }
  }

  private renderComment(c: CommentRecord): Json {
    const { api, server } = this.urls
    const isPull = this.listPulls(c.owner, c.repo).some(p => p.number === c.issueNumber)
    const webKind = isPull ? 'pull' : 'issues'
    return {
      url: `${api}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
      html_url: `${server}/${c.owner}/${c.repo}/${webKind}/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${api}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
      id: c.id,
      node_id: `IC_${c.id}`,
      user: this.renderUser(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
      body: c.body,
      performed_via_github_app: null
    }
  }

  private renderStatus(owner: string, repo: string, sha: string, s: StatusRecord): Json {
    return {
      url: `${this.urls.api}/repos/${owner}/${repo}/statuses/${sha}`,
      avatar_url: null,
      id: s.id,
      node_id: `SC_${s.id}`,
      state: s.state,
      description: s.description,
      target_url: s.targetUrl,
      context: s.context,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      creator: this.renderUser(s.creator)
    }
  }

  private resolveRef(owner: string, repo: string, ref: string): string {
    const byBranch = this.listPulls(owner, repo).find(p => p.head.ref === ref)
    return byBranch ? byBranch.head.sha : ref
  }

  private issueKey(owner: string, repo: string, issueNumber: number): string {
    return `${repoKey(owner, repo)}#${issueNumber}`
  }
}
