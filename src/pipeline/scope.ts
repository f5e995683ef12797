import type { GateContext } from '../github/context.js'
import { buildScope, resolveWindow, type Scope, type Window } from '../judge/scope.js'
import type { GateDeps } from './deps.js'

export type ScopeDeps = Pick<GateDeps, 'config' | 'context' | 'avido' | 'github' | 'log' | 'now'>

/** Step 2: trigger the tasks and record the annotation (unless dry-run), then fix which tests count. */
export async function prepareScope(deps: ScopeDeps, startedAt: number): Promise<Scope> {
  return buildScope(deps.config, await resolveRunWindow(deps, startedAt))
}

/** The window's start: `since`, else the trigger time, else the workflow run's creation, else an hour ago. */
async function resolveRunWindow(deps: ScopeDeps, startedAt: number): Promise<Window> {
  const { config, log } = deps
  let triggeredAt: number | undefined
  if (config.trigger) {
    if (config.dryRun) {
      log.info(`Dry run: would trigger ${config.taskIds.length} Avido task(s).`)
    } else {
      triggeredAt = deps.now()
      await deps.avido.triggerTasks(config.taskIds)
      log.info(`Triggered ${config.taskIds.length} Avido task(s).`)
    }
  }

  if (config.annotationTitle) {
    if (config.dryRun) {
      log.info(`Dry run: would record the Avido annotation "${config.annotationTitle}".`)
    } else {
      const annotation = await deps.avido.createAnnotation({
        title: config.annotationTitle,
        description: annotationDescription(deps.context)
      })
      log.info(`Recorded Avido annotation ${annotation.id}.`)
    }
  }

  let workflowRunCreatedAt: string | undefined
  if (!config.since && triggeredAt === undefined) {
    workflowRunCreatedAt =
      deps.context.triggeringRun?.createdAt ?? (await deps.github?.workflowRunCreatedAt())
  }
  const window = resolveWindow({
    since: config.since,
    triggeredAt,
    workflowRunCreatedAt,
    startedAt
  })
  if (window.source === 'fallback') {
    log.warning(
      'Could not read when this workflow run was created, so the gate counts tests created in the last hour. ' +
        'Grant `actions: read` to the job (or set `since`) for an exact window.',
      'Avido test gate: window'
    )
  }
  log.info(
    `Counting tests created at or after ${window.start} (${describeSource(window, deps.context.triggeringRun !== undefined)}).`
  )
  return window
}

function describeSource(window: Window, triggeringRun: boolean): string {
  switch (window.source) {
    case 'since':
      return 'from the since input'
    case 'trigger':
      return 'the trigger time less 5 s of clock skew'
    case 'workflow-run':
      return triggeringRun
        ? 'the creation time of the workflow run that triggered this one'
        : "this workflow run's creation time"
    case 'fallback':
      return 'one hour before the gate started'
  }
}

function annotationDescription(context: GateContext): string {
  const parts = [`Commit ${context.sha} of ${context.owner}/${context.repo}`]
  if (context.prNumber !== undefined) parts.push(`pull request #${context.prNumber}`)
  if (context.runUrl) parts.push(`workflow run ${context.runUrl}`)
  return `${parts.join(', ')}.`
}
