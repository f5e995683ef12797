import { formatRate } from '../shared/format.js'
import { oneLine } from '../shared/text.js'
import type { Judgement } from '../judge/types.js'

export interface IssueSubject {
  owner: string
  repo: string
  prNumber?: number
  runId?: number
  sha: string
}

export interface IssueLinks {
  prUrl?: string
  commitUrl: string
  runUrl?: string
}

const MAX_LISTED_TASKS = 20
const MAX_LISTED_EVALS = 30
const MAX_TEXT = 300

/** The line that identifies a gate's issue across re-runs: `test-gate-key: acme/bot#pr-7`. */
export function issueKey(subject: IssueSubject): string {
  const where =
    subject.prNumber !== undefined ? `pr-${subject.prNumber}` : `run-${subject.runId ?? subject.sha}`
  return `${subject.owner}/${subject.repo}#${where}`
}

export function issueKeyLine(key: string): string {
  return `test-gate-key: ${key}`
}

export function hasIssueKey(description: string | null | undefined, key: string): boolean {
  if (!description) return false
  const line = issueKeyLine(key)
  return description.split(/\r?\n/).some(candidate => candidate.trim() === line)
}

export function issueTitle(judgement: Judgement, subject: IssueSubject): string {
  const where =
    subject.prNumber !== undefined
      ? `PR #${subject.prNumber}`
      : subject.runId !== undefined
        ? `run ${subject.runId}`
        : `commit ${subject.sha.slice(0, 7)}`
  return `Test gate: ${formatRate(judgement.passRate)}% pass rate on ${subject.owner}/${subject.repo} ${where}`
}

/** Markdown for the Avido inbox: the summary, what failed, where it came from, and the key line. */
export function issueDescription(judgement: Judgement, subject: IssueSubject, links: IssueLinks): string {
  const key = issueKey(subject)
  const lines: string[] = [
    `The Avido test gate measured a pass rate of **${formatRate(judgement.passRate)}%** ` +
      `(${judgement.passed}/${judgement.total} evals passed over ${judgement.tests} tests), ` +
      `at or below the error threshold of ${judgement.thresholds.error}%.`,
    ''
  ]
  if (judgement.erroredTests > 0)
    lines.push(`${judgement.erroredTests} test(s) errored and count as failed.`, '')

  const failingTasks = judgement.tasks.filter(task => task.badge !== 'success')
  if (failingTasks.length) {
    lines.push('## Tasks below target', '')
    for (const task of failingTasks.slice(0, MAX_LISTED_TASKS)) {
      lines.push(
        `- ${oneLine(task.name, MAX_TEXT)}: ${formatRate(task.passRate)}% (${task.passed}/${task.total} evals)`
      )
    }
    if (failingTasks.length > MAX_LISTED_TASKS)
      lines.push(`- … and ${failingTasks.length - MAX_LISTED_TASKS} more`)
    lines.push('')
  }

  const { failingEvals, failingEvalCount } = judgement.digest
  if (failingEvalCount) {
    lines.push('## Failing evals', '')
    for (const outcome of failingEvals.slice(0, MAX_LISTED_EVALS)) {
      const score = outcome.score === null ? '' : ` score ${outcome.score}`
      const why = outcome.explanation ? `: ${oneLine(outcome.explanation, MAX_TEXT)}` : ''
      lines.push(
        `- ${oneLine(outcome.taskTitle, MAX_TEXT)} · ${oneLine(outcome.name, MAX_TEXT)} (${outcome.type}${score})${why}`
      )
    }
    if (failingEvalCount > MAX_LISTED_EVALS) lines.push(`- … and ${failingEvalCount - MAX_LISTED_EVALS} more`)
    lines.push('')
  }

  lines.push('## Where', '')
  if (links.prUrl) lines.push(`- Pull request: ${links.prUrl}`)
  lines.push(`- Commit: ${links.commitUrl}`)
  if (links.runUrl) lines.push(`- Workflow run: ${links.runUrl}`)
  lines.push('', issueKeyLine(key))
  return lines.join('\n')
}
