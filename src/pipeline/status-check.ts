import type { CheckRunConclusion } from '../github/check-runs.js'
import { abortedSummary } from '../render/aborted.js'
import { errorDescription, pendingDescription } from '../render/status-text.js'
import type { GateDeps } from './deps.js'

/** The refresh rate of the status check's progress while the gate waits. */
export const PROGRESS_EVERY_MS = 30_000

export type FinalState = 'success' | 'failure' | 'error'

export interface FinalCheck {
  /** The commit status's state. */
  state: FinalState
  /** The check run's conclusion. */
  conclusion: CheckRunConclusion
  /** One line: the commit status's description and the check run's title. */
  title: string
  /** The check run's page: the report, rendered only when there is a check run to write it to. */
  summary?: () => string
  /** Hidden on the check run's page: the record a later run compares with. */
  text?: string
}

/**
 * The status check on the head commit, as a check run, a commit status, or both (`status-check`): opened
 * when the gate starts (`in_progress` / `pending`), given progress at most every 30 s, and closed exactly
 * once with the verdict. `abort` closes it when anything fails, so a check never stays pending.
 */
export class StatusCheck {
  private opened = false
  private closed = false
  private lastProgressAt = 0
  private checkRun?: { id: number; url: string }

  constructor(private readonly deps: Pick<GateDeps, 'config' | 'context' | 'github' | 'now'>) {}

  /** The check run, once created. */
  get run(): { id: number; url: string } | undefined {
    return this.checkRun
  }

  private get writable(): boolean {
    return this.deps.github !== undefined && !this.deps.config.dryRun
  }

  async open(): Promise<void> {
    if (!this.writable) return
    const { config, github, context } = this.deps
    this.opened = true
    this.lastProgressAt = this.deps.now()
    const title = 'Waiting for Avido test results'
    if (config.statusCheck.checkRun) {
      const created = await github?.createCheckRun(config.statusContext, {
        status: 'in_progress',
        startedAt: new Date(this.deps.now()).toISOString(),
        ...(context.runUrl ? { detailsUrl: context.runUrl } : {}),
        output: { title, summary: 'The gate is waiting for the Avido run to settle.' }
      })
      if (created) this.checkRun = { id: created.id, url: created.htmlUrl }
    }
    if (config.statusCheck.commitStatus) await this.postStatus('pending', title)
  }

  async progress(settled: number, matched: number): Promise<void> {
    if (!this.opened || this.closed) return
    if (this.deps.now() - this.lastProgressAt < PROGRESS_EVERY_MS) return
    this.lastProgressAt = this.deps.now()
    const title = pendingDescription(settled, matched)
    if (this.checkRun) {
      await this.deps.github?.updateCheckRun(this.checkRun.id, {
        output: { title, summary: `${title}.` }
      })
    }
    if (this.deps.config.statusCheck.commitStatus) await this.postStatus('pending', title)
  }

  async close(final: FinalCheck): Promise<void> {
    if (!this.opened || this.closed) return
    this.closed = true
    if (this.checkRun) {
      await this.deps.github?.updateCheckRun(this.checkRun.id, {
        status: 'completed',
        conclusion: final.conclusion,
        completedAt: new Date(this.deps.now()).toISOString(),
        output: {
          title: final.title,
          summary: final.summary?.() ?? final.title,
          ...(final.text ? { text: final.text } : {})
        }
      })
    }
    if (this.deps.config.statusCheck.commitStatus) await this.postStatus(final.state, final.title)
  }

  /** Closes a check that was opened and not yet closed, saying what went wrong. */
  async abort(reason: string): Promise<void> {
    const title = errorDescription(reason)
    await this.close({
      state: 'error',
      conclusion: 'failure',
      title,
      summary: () => abortedSummary(reason)
    })
  }

  private async postStatus(state: 'pending' | FinalState, description: string): Promise<void> {
    await this.deps.github?.postStatus({ state, description, context: this.deps.config.statusContext })
  }
}
