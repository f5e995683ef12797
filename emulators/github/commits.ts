import { createHash } from 'node:crypto'
import { SEED_EPOCH, normalizeTimestamp, repoKey, type Json, type Renderer } from './render.js'
import type { GitHubUser, SeedCommit } from './types.js'

interface CommitRecord {
  sha: string
  parents: string[]
  message: string
  date: string
  author: GitHubUser
  /** Seeding order, which breaks ties between commits of the same date (later seeded reads as newer). */
  order: number
}

const SHA_PATTERN = /^[0-9a-f]{40}$/

/** A repository's commits (a graph seeded by tests) and its branches. */
export class CommitGraph {
  private readonly commits = new Map<string, Map<string, CommitRecord>>()
  private readonly branches = new Map<string, Map<string, string>>()
  private seeded = 0

  constructor(private readonly render: Renderer) {}

  /** Adds commits; a parent need not be seeded (history then ends there, as in a shallow clone). */
  add(owner: string, repo: string, seeds: SeedCommit[]): void {
    const key = repoKey(owner, repo)
    const commits = this.commits.get(key) ?? new Map<string, CommitRecord>()
    for (const seed of seeds) {
      const sha = seed.sha.toLowerCase()
      if (!SHA_PATTERN.test(sha)) throw new Error(`seeded commit SHA must be 40 hex digits: ${seed.sha}`)
      const order = this.seeded++
      const date = seed.date ? normalizeTimestamp(seed.date) : undefined
      commits.set(sha, {
        sha,
        parents: (seed.parents ?? []).map(p => p.toLowerCase()),
        message: seed.message ?? `Commit ${sha.slice(0, 7)}`,
        date: date ?? new Date(Date.parse(SEED_EPOCH) + order * 60_000).toISOString().replace('.000', ''),
        author: seed.author ?? { login: owner, type: 'User' },
        order
      })
    }
    this.commits.set(key, commits)
  }

  /**
   * Seeds `length` commits, each the only parent of the next, on top of `parent` (or from a root). Returns their
   * SHAs newest first, the order GitHub lists history in; `branch`, when given, points at the newest.
   */
  chain(
    owner: string,
    repo: string,
    options: { length: number; parent?: string; branch?: string }
  ): string[] {
    const shas: string[] = []
    let parent = options.parent
    for (let i = 0; i < options.length; i++) {
      const sha = createHash('sha1')
        .update(`${repoKey(owner, repo)}:${this.seeded}:${parent ?? ''}`)
        .digest('hex')
      this.add(owner, repo, [{ sha, parents: parent ? [parent] : [] }])
      shas.unshift(sha)
      parent = sha
    }
    if (options.branch && shas[0]) this.setBranch(owner, repo, options.branch, shas[0])
    return shas
  }

  setBranch(owner: string, repo: string, name: string, sha: string): void {
    const key = repoKey(owner, repo)
    const branches = this.branches.get(key) ?? new Map<string, string>()
    branches.set(name, sha.toLowerCase())
    this.branches.set(key, branches)
  }

  /** The commit SHA a branch name or (possibly abbreviated) SHA names, if it is known. */
  resolve(owner: string, repo: string, ref: string): string | undefined {
    const key = repoKey(owner, repo)
    const branch = this.branches.get(key)?.get(ref.replace(/^refs\/heads\//, ''))
    if (branch) return branch
    const commits = this.commits.get(key)
    const wanted = ref.toLowerCase()
    if (commits?.has(wanted)) return wanted
    if (!/^[0-9a-f]{7,39}$/.test(wanted) || !commits) return undefined
    const matches = [...commits.keys()].filter(sha => sha.startsWith(wanted))
    return matches.length === 1 ? matches[0] : undefined
  }

  isEmpty(owner: string, repo: string): boolean {
    return (this.commits.get(repoKey(owner, repo))?.size ?? 0) === 0
  }

  /**
   * Every seeded ancestor of `sha` (itself included), newest first, a commit always before its parents (the order
   * of `git log --date-order`).
   */
  history(owner: string, repo: string, sha: string): CommitRecord[] {
    const commits = this.commits.get(repoKey(owner, repo))
    const start = commits?.get(sha.toLowerCase())
    if (!commits || !start) return []
    const reachable = new Map<string, CommitRecord>()
    const stack = [start]
    while (stack.length) {
      const commit = stack.pop() as CommitRecord
      if (reachable.has(commit.sha)) continue
      reachable.set(commit.sha, commit)
      for (const p of commit.parents) {
        const parent = commits.get(p)
        if (parent) stack.push(parent)
      }
    }
    const children = new Map<string, number>()
    for (const c of reachable.values()) for (const p of c.parents) children.set(p, (children.get(p) ?? 0) + 1)
    const newer = (a: CommitRecord, b: CommitRecord): number =>
      b.date.localeCompare(a.date) || b.order - a.order
    const ready = [start]
    const out: CommitRecord[] = []
    while (ready.length) {
      ready.sort(newer)
      const commit = ready.shift() as CommitRecord
      out.push(commit)
      for (const p of commit.parents) {
        const left = (children.get(p) ?? 1) - 1
        children.set(p, left)
        const parent = reachable.get(p)
        if (left === 0 && parent) ready.push(parent)
      }
    }
    return out
  }

  /** GitHub's `commit` object; `detailed` adds the `stats` and `files` of GET /commits/{ref}. */
  renderCommit(owner: string, repo: string, c: CommitRecord, detailed = false): Json {
    const { api, server } = this.render.urls
    const repoApi = `${api}/repos/${owner}/${repo}`
    const gitUser = { name: c.author.login, email: `${c.author.login}@users.noreply.example`, date: c.date }
    return {
      url: `${repoApi}/commits/${c.sha}`,
      sha: c.sha,
      node_id: `C_${c.sha}`,
      html_url: `${server}/${owner}/${repo}/commit/${c.sha}`,
      comments_url: `${repoApi}/commits/${c.sha}/comments`,
      commit: {
        url: `${repoApi}/git/commits/${c.sha}`,
        author: gitUser,
        committer: gitUser,
        message: c.message,
        tree: { sha: treeSha(c.sha), url: `${repoApi}/git/trees/${treeSha(c.sha)}` },
        comment_count: 0,
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null
        }
      },
      author: this.render.user(c.author),
      committer: this.render.user(c.author),
      parents: c.parents.map(p => ({
        sha: p,
        url: `${repoApi}/commits/${p}`,
        html_url: `${server}/${owner}/${repo}/commit/${p}`
      })),
      ...(detailed ? { stats: { total: 0, additions: 0, deletions: 0 }, files: [] } : {})
    }
  }

  find(owner: string, repo: string, sha: string): CommitRecord | undefined {
    return this.commits.get(repoKey(owner, repo))?.get(sha.toLowerCase())
  }
}

function treeSha(sha: string): string {
  return createHash('sha1').update(`tree:${sha}`).digest('hex')
}
