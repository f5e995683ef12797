import { createHash } from 'node:crypto'
import { githubTimestamp, normalizeTimestamp, repoKey, stableId, type Json, type Renderer } from './render.js'
import type { SeedPull, SeedWorkflowRun } from './types.js'

const ZERO_SHA = '0'.repeat(40)

/** GitHub's `pull-request-simple`, as the pull request lists answer it. */
export function renderPull(render: Renderer, pull: SeedPull): Json {
  const { api, server } = render.urls
  const repoPath = `${pull.owner}/${pull.repo}`
  const repoApi = `${api}/repos/${repoPath}`
  const url = `${repoApi}/pulls/${pull.number}`
  const htmlUrl = `${server}/${repoPath}/pull/${pull.number}`
  const headRepo = pull.head.repo ?? repoPath
  const headOwner = headRepo.split('/')[0] ?? pull.owner
  const created = pull.created_at ?? githubTimestamp()
  const updated = pull.updated_at ?? created
  const baseRef = pull.base?.ref ?? 'main'
  const headSha = pull.head.sha
  const link = (href: string): { href: string } => ({ href })
  return {
    url,
    id: 7_000_000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    issue_url: `${repoApi}/issues/${pull.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoApi}/pulls/comments{/number}`,
    comments_url: `${repoApi}/issues/${pull.number}/comments`,
    statuses_url: `${repoApi}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state ?? 'open',
    locked: false,
    title: pull.title ?? `Pull request #${pull.number}`,
    user: render.user({ login: headOwner, type: 'User' }),
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: created,
    updated_at: updated,
    closed_at: pull.state === 'closed' ? updated : null,
    merged_at: pull.merged ? updated : null,
    merge_commit_sha: pull.merged ? stableSha(`merge:${repoPath}#${pull.number}`) : null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    draft: false,
    head: {
      label: `${headOwner}:${pull.head.ref}`,
      ref: pull.head.ref,
      sha: headSha,
      user: render.user({ login: headOwner, type: 'User' }),
      repo: render.repo(headRepo, headRepo.toLowerCase() !== repoKey(pull.owner, pull.repo))
    },
    base: {
      label: `${pull.owner}:${baseRef}`,
      ref: baseRef,
      sha: pull.base?.sha ?? ZERO_SHA,
      user: render.user({ login: pull.owner, type: 'User' }),
      repo: render.repo(repoPath, false)
    },
    _links: {
      self: link(url),
      html: link(htmlUrl),
      issue: link(`${repoApi}/issues/${pull.number}`),
      comments: link(`${repoApi}/issues/${pull.number}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repoApi}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${repoApi}/statuses/${headSha}`)
    },
    author_association: headOwner.toLowerCase() === pull.owner.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null
  }
}

/** GitHub's full `pull-request`, as GET /pulls/{pull_number} answers it. */
export function renderPullDetail(render: Renderer, pull: SeedPull): Json {
  return {
    ...renderPull(render, pull),
    merged: pull.merged ?? false,
    mergeable: pull.state === 'closed' ? null : true,
    rebaseable: pull.state === 'closed' ? null : true,
    mergeable_state: pull.state === 'closed' ? 'unknown' : 'clean',
    merged_by: pull.merged ? render.user({ login: pull.owner, type: 'User' }) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1 + (pull.commits?.length ?? 0),
    additions: 1,
    deletions: 0,
    changed_files: 1
  }
}

/** GitHub's `workflow-run`. */
export function renderRun(render: Renderer, run: SeedWorkflowRun): Json {
  const { api, server } = render.urls
  const repoPath = `${run.owner}/${run.repo}`
  const runApi = `${api}/repos/${repoPath}/actions/runs/${run.id}`
  const checkSuiteId = 20_000_000 + (run.id % 1_000_000)
  const actor = render.user({ login: run.owner, type: 'User' })
  const createdAt = normalizeTimestamp(run.created_at) ?? run.created_at
  const startedAt = run.run_started_at
    ? (normalizeTimestamp(run.run_started_at) ?? run.run_started_at)
    : createdAt
  const miniRepo = (fullName: string): Json => ({
    id: stableId(fullName),
    url: `${api}/repos/${fullName}`,
    name: fullName.split('/')[1] ?? fullName
  })
  return {
    id: run.id,
    name: run.name ?? 'CI',
    node_id: `WFR_${run.id}`,
    check_suite_id: checkSuiteId,
    check_suite_node_id: `CS_${checkSuiteId}`,
    head_branch: run.head_branch ?? 'main',
    head_sha: run.head_sha,
    path: '.github/workflows/ci.yml',
    display_title: run.name ?? 'CI',
    run_number: run.id % 10_000,
    event: run.event ?? 'pull_request',
    status: 'in_progress',
    conclusion: null,
    workflow_id: 161335,
    url: runApi,
    html_url: `${server}/${repoPath}/actions/runs/${run.id}`,
    pull_requests: (run.pull_requests ?? []).map(pr => ({
      url: `${api}/repos/${repoPath}/pulls/${pr.number}`,
      id: 7_000_000 + pr.number,
      number: pr.number,
      head: { ref: pr.head.ref, sha: pr.head.sha, repo: miniRepo(repoPath) },
      base: { ref: pr.base?.ref ?? 'main', sha: ZERO_SHA, repo: miniRepo(pr.base?.repo ?? repoPath) }
    })),
    created_at: createdAt,
    updated_at: githubTimestamp(),
    actor,
    triggering_actor: actor,
    run_attempt: run.run_attempt ?? 1,
    referenced_workflows: [],
    run_started_at: startedAt,
    jobs_url: `${runApi}/jobs`,
    logs_url: `${runApi}/logs`,
    check_suite_url: `${api}/repos/${repoPath}/check-suites/${checkSuiteId}`,
    artifacts_url: `${runApi}/artifacts`,
    cancel_url: `${runApi}/cancel`,
    rerun_url: `${runApi}/rerun`,
    previous_attempt_url:
      (run.run_attempt ?? 1) > 1 ? `${runApi}/attempts/${(run.run_attempt ?? 1) - 1}` : null,
    workflow_url: `${api}/repos/${repoPath}/actions/workflows/161335`,
    head_commit: {
      id: run.head_sha,
      tree_id: stableSha(`tree:${run.head_sha}`),
      message: run.name ?? 'CI',
      timestamp: createdAt,
      author: { name: run.owner, email: `${run.owner}@users.noreply.example` },
      committer: { name: run.owner, email: `${run.owner}@users.noreply.example` }
    },
    repository: render.repo(repoPath),
    head_repository: render.repo(repoPath),
    head_repository_id: stableId(repoPath)
  }
}

function stableSha(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}
