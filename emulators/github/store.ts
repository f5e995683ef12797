import { CheckRunStore, parseCheckRunBody } from './check-runs.js'
import { CommitGraph } from './commits.js'
import {
  GITHUB_ACTIONS_BOT,
  Renderer,
  githubTimestamp,
  normalizeTimestamp,
  repoKey,
  type EmulatorUrls,
  type Json
} from './render.js'
import { renderPull, renderPullDetail, renderRun } from './render-pulls-runs.js'
import type { GitHubUser, SeedComment, SeedPull, SeedStatus, SeedWorkflowRun } from './types.js'

export { GITHUB_ACTIONS_BOT }

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

/** The emulated GitHub data: workflow runs, pulls, issue comments, commit statuses, check runs and commits. */
export class GitHubStore {
  private readonly runs = new Map<string, SeedWorkflowRun>()
  private readonly pulls = new Map<string, SeedPull[]>()
  private readonly commentsByIssue = new Map<string, CommentRecord[]>()
  private readonly commentsById = new Map<number, CommentRecord>()
  private readonly statusesBySha = new Map<string, StatusRecord[]>()
  private nextCommentId = 1_000_001
  private nextStatusId = 5_000_001

  readonly render: Renderer
  readonly commits: CommitGraph
  readonly checks: CheckRunStore

  constructor(urls: EmulatorUrls) {
    this.render = new Renderer(urls)
    this.commits = new CommitGraph(this.render)
    this.checks = new CheckRunStore(this.render)
  }

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
    const now = (seed.created_at && normalizeTimestamp(seed.created_at)) ?? githubTimestamp()
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

  /** A check run made outside the API (a seed), validated as POST /check-runs validates it. */
  seedCheckRun(owner: string, repo: string, body: Record<string, unknown>): Json {
    const changes = parseCheckRunBody(body, true)
    if ('message' in changes) throw new Error(`check run refused: ${changes.message}`)
    return this.checks.renderCheckRun(this.checks.create(owner, repo, changes))
  }

  workflowRun(owner: string, repo: string, id: number): Json | undefined {
    const run = this.runs.get(`${repoKey(owner, repo)}/${id}`)
    return run && renderRun(this.render, run)
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
    return this.render.user(user)
  }

  renderPull(pull: SeedPull): Json {
    return renderPull(this.render, pull)
  }

  renderPullDetail(pull: SeedPull): Json {
    return renderPullDetail(this.render, pull)
  }

  private renderComment(c: CommentRecord): Json {
    const { api, server } = this.render.urls
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
      url: `${this.render.urls.api}/repos/${owner}/${repo}/statuses/${sha}`,
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

  /** A branch or SHA as a commit SHA: seeded branches and commits first, then the pulls' head branches. */
  resolveRef(owner: string, repo: string, ref: string): string {
    const known = this.commits.resolve(owner, repo, ref)
    if (known) return known
    const byBranch = this.listPulls(owner, repo).find(p => p.head.ref === ref)
    return byBranch ? byBranch.head.sha : ref
  }

  private issueKey(owner: string, repo: string, issueNumber: number): string {
    return `${repoKey(owner, repo)}#${issueNumber}`
  }
}
