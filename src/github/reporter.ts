import type { GateLog } from '../shared/log.js'
import { findStickyComment, getSelfLogin, upsertStickyComment, type StickyComment } from './comment.js'
import type { GateContext } from './context.js'
import {
  describeGitHubError,
  isPermissionError,
  missingPermissionMessage,
  type GitHubOperation
} from './errors.js'
import type { GitHubClient } from './octokit.js'
import { resolvePullRequestNumber } from './pulls.js'
import { postCommitStatus, type CommitState } from './status.js'
import { getWorkflowRunCreatedAt } from './workflow-run.js'
import { createCheckRun, updateCheckRun, type CheckRunFields, type CheckRunWritten } from './check-runs.js'
import { listCommits, type CommitInfo } from './commits.js'
import { listCheckRunsForRef, type CheckRunInfo } from './list-check-runs.js'

const WARNING_TITLE = 'Avido test gate'

/**
 * Every GitHub call of the gate, made so that GitHub can never decide the step's result: a refusal is one
 * warning naming the permission to add (once per kind of call), any other failure a warning, and the gate
 * carries on with the job summary and outputs.
 */
export class GitHubReporter {
  private readonly warned = new Set<string>()
  private selfLogin: Promise<string | undefined> | undefined

  constructor(
    private readonly gh: GitHubClient,
    private readonly context: GateContext,
    private readonly log: GateLog
  ) {}

  async pullRequestNumber(): Promise<number | undefined> {
    return this.attempt('pulls', 'find the pull request for this commit', () =>
      resolvePullRequestNumber(this.gh, this.context)
    )
  }

  /** When this run was created, or on workflow_run events the run that triggered it. */
  async workflowRunCreatedAt(): Promise<string | undefined> {
    const runId = this.context.triggeringRun?.id ?? this.context.runId
    if (runId === undefined) return undefined
    return this.attempt('workflow-run', 'read this workflow run', () =>
      getWorkflowRunCreatedAt(this.gh, { owner: this.context.owner, repo: this.context.repo, runId })
    )
  }

  async postStatus(params: { state: CommitState; description: string; context: string }): Promise<boolean> {
    const done = await this.attempt('status', 'post the commit status', async () => {
      await postCommitStatus(this.gh, {
        owner: this.context.owner,
        repo: this.context.repo,
        sha: this.context.sha,
        targetUrl: this.context.runUrl,
        ...params
      })
      return true
    })
    return done === true
  }

  /** Opens the gate's check run on the head commit; undefined when GitHub refused (warned once). */
  async createCheckRun(name: string, fields: CheckRunFields): Promise<CheckRunWritten | undefined> {
    return this.attempt('check-run', 'create the check run', () =>
      createCheckRun(this.gh, {
        owner: this.context.owner,
        repo: this.context.repo,
        headSha: this.context.sha,
        name,
        ...fields
      })
    )
  }

  async updateCheckRun(checkRunId: number, fields: CheckRunFields): Promise<CheckRunWritten | undefined> {
    return this.attempt('check-run', 'update the check run', () =>
      updateCheckRun(this.gh, { owner: this.context.owner, repo: this.context.repo, checkRunId, ...fields })
    )
  }

  /** The check runs named `name` on a commit, newest first. Throws: the caller decides what a failure means. */
  checkRunsOn(sha: string, name: string): Promise<CheckRunInfo[]> {
    return listCheckRunsForRef(this.gh, {
      owner: this.context.owner,
      repo: this.context.repo,
      ref: sha,
      checkName: name,
      status: 'completed'
    })
  }

  /** The first-parent history from `sha`, newest first, at most `max` commits. Throws like `checkRunsOn`. */
  history(sha: string, max: number): Promise<CommitInfo[]> {
    return listCommits(this.gh, { owner: this.context.owner, repo: this.context.repo, sha, max })
  }

  /** `{ comment: undefined }` when the gate has no comment yet; undefined when the comments could not be read. */
  async findComment(
    issueNumber: number,
    marker: string
  ): Promise<{ comment: StickyComment | undefined } | undefined> {
    return this.attempt('comment', 'read the pull request comments', async () => {
      // A personal access token comments as its own user; GITHUB_TOKEN (a bot) cannot read /user.
      const selfLogin = await (this.selfLogin ??= getSelfLogin(this.gh))
      const comment = await findStickyComment(this.gh, {
        owner: this.context.owner,
        repo: this.context.repo,
        issueNumber,
        marker,
        ...(selfLogin ? { selfLogin } : {})
      })
      return { comment }
    })
  }

  async upsertComment(
    issueNumber: number,
    body: string,
    existing: StickyComment | undefined
  ): Promise<{ id: number; url: string; created: boolean } | undefined> {
    return this.attempt('comment', 'write the pull request comment', () =>
      upsertStickyComment(this.gh, {
        owner: this.context.owner,
        repo: this.context.repo,
        issueNumber,
        body,
        existing
      })
    )
  }

  private async attempt<T>(
    operation: GitHubOperation,
    what: string,
    call: () => Promise<T>
  ): Promise<T | undefined> {
    try {
      return await call()
    } catch (error) {
      if (isPermissionError(error)) {
        this.warnOnce(operation, missingPermissionMessage(operation, error))
      } else {
        this.warnOnce(`${operation}:${what}`, describeGitHubError(error, what))
      }
      return undefined
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) {
      this.log.debug(message)
      return
    }
    this.warned.add(key)
    this.log.warning(message, WARNING_TITLE)
  }
}
