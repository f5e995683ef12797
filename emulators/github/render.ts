import type { GitHubUser } from './types.js'

// Renderers for the objects many answers embed (users, repositories, the GitHub Actions app), with every field
// GitHub's OpenAPI description marks as required.

export interface EmulatorUrls {
  /** API base including any prefix, e.g. http://127.0.0.1:PORT/api/v3 */
  api: string
  /** Web base, e.g. http://127.0.0.1:PORT */
  server: string
}

export type Json = Record<string, unknown>

export const GITHUB_ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', type: 'Bot' }

/** The epoch the emulator dates seeded objects from when a seed gives no date. */
export const SEED_EPOCH = '2026-01-01T00:00:00Z'

/** GitHub timestamps carry no milliseconds. */
export function githubTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Accepts any ISO 8601 time and answers it the way GitHub does (UTC, whole seconds); undefined if unparsable. */
export function normalizeTimestamp(value: string): string | undefined {
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : githubTimestamp(new Date(Math.floor(ms / 1000) * 1000))
}

/** An id that stays the same for the same name. */
export function stableId(text: string): number {
  let hash = 0
  for (const char of text.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000
  return 9_000_000 + hash
}

export function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase()
}

const KNOWN_USER_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 }

export class Renderer {
  private readonly userIds = new Map<string, number>(Object.entries(KNOWN_USER_IDS))

  constructor(readonly urls: EmulatorUrls) {}

  userId(login: string): number {
    let id = this.userIds.get(login)
    if (id === undefined) {
      id = 100_000 + this.userIds.size
      this.userIds.set(login, id)
    }
    return id
  }

  /** GitHub's `simple-user`. */
  user(user: GitHubUser): Json {
    const id = this.userId(user.login)
    const api = `${this.urls.api}/users/${encodeURIComponent(user.login)}`
    const webPath = user.type === 'Bot' ? `apps/${user.login.replace(/\[bot\]$/, '')}` : user.login
    return {
      login: user.login,
      id,
      node_id: `U_${id}`,
      avatar_url: `${this.urls.server}/avatars/u/${id}`,
      gravatar_id: '',
      url: api,
      html_url: `${this.urls.server}/${webPath}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false
    }
  }

  /** GitHub's `public-user`, as GET /user answers a token without the `user` scope. */
  publicUser(user: GitHubUser): Json {
    return {
      ...this.user(user),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: SEED_EPOCH,
      updated_at: SEED_EPOCH
    }
  }

  /** GitHub's full `repository` (a superset of `minimal-repository`). */
  repo(fullName: string, fork = false): Json {
    const [owner = '', name = ''] = fullName.split('/')
    const api = `${this.urls.api}/repos/${fullName}`
    const web = `${this.urls.server}/${fullName}`
    const host = new URL(this.urls.server).host
    return {
      id: stableId(fullName),
      node_id: `R_${stableId(fullName)}`,
      name,
      full_name: fullName,
      owner: this.user({ login: owner, type: 'User' }),
      private: false,
      html_url: web,
      description: null,
      fork,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://${host}/${fullName}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@${host}:${fullName}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${web}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: web,
      homepage: null,
      language: 'TypeScript',
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 1,
      default_branch: 'main',
      open_issues_count: 0,
      open_issues: 0,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'public',
      license: null,
      pushed_at: SEED_EPOCH,
      created_at: SEED_EPOCH,
      updated_at: SEED_EPOCH
    }
  }

  /** The GitHub Actions app, which owns the check runs a workflow's GITHUB_TOKEN creates. */
  actionsApp(): Json {
    return {
      id: 15368,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: this.user({ login: 'github', type: 'User' }),
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${this.urls.server}/apps/github-actions`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: { checks: 'write', contents: 'write', metadata: 'read', statuses: 'write' },
      events: ['check_run', 'check_suite', 'push', 'pull_request']
    }
  }
}
