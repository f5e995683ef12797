import type { RunType, Test } from '../avido/schemas.js'
import type { TestFilters } from '../avido/query.js'

/** Clock skew allowed between the runner and Avido when the window starts at our own trigger. */
export const TRIGGER_SKEW_MS = 5_000
/** Window used when the workflow run's creation time cannot be read. */
export const FALLBACK_WINDOW_MS = 60 * 60 * 1000

export type WindowSource = 'since' | 'trigger' | 'workflow-run' | 'fallback'

export interface Window {
  start: string
  source: WindowSource
}

export interface WindowInputs {
  since?: string
  triggeredAt?: number
  workflowRunCreatedAt?: string
  startedAt: number
}

/** The time window: `since`, else the trigger time minus skew, else the workflow run's created_at, else start − 1 h. */
export function resolveWindow(inputs: WindowInputs): Window {
  if (inputs.since) return { start: inputs.since, source: 'since' }
  if (inputs.triggeredAt !== undefined) {
    return { start: new Date(inputs.triggeredAt - TRIGGER_SKEW_MS).toISOString(), source: 'trigger' }
  }
  if (inputs.workflowRunCreatedAt) {
    return { start: new Date(inputs.workflowRunCreatedAt).toISOString(), source: 'workflow-run' }
  }
  return { start: new Date(inputs.startedAt - FALLBACK_WINDOW_MS).toISOString(), source: 'fallback' }
}

export interface ScopeConfig {
  runIds: string[]
  taskIds: string[]
  evalDefinitionIds: string[]
  experimentVariantIds: string[]
  runTypes: RunType[]
}

export interface Scope {
  filters: TestFilters
  /** Avido has no run filter on GET /v0/tests, so run ids are matched here. */
  runIds: ReadonlySet<string>
  windowStart: string
  windowSource: WindowSource
}

export function buildScope(config: ScopeConfig, window: Window): Scope {
  const filters: TestFilters = { startDate: window.start, orderBy: 'createdAt', orderDir: 'asc' }
  if (config.taskIds.length) filters.taskId = config.taskIds
  if (config.evalDefinitionIds.length) filters.evalDefinitionId = config.evalDefinitionIds
  if (config.experimentVariantIds.length) filters.experimentVariantId = config.experimentVariantIds
  if (config.runTypes.length) filters.runType = config.runTypes
  return { filters, runIds: new Set(config.runIds), windowStart: window.start, windowSource: window.source }
}

/** The client-side half of the scope: run ids, and the window again in case a server ignores startDate. */
export function inScope(test: Test, scope: Scope): boolean {
  if (scope.runIds.size > 0 && !scope.runIds.has(test.runId)) return false
  return Date.parse(test.createdAt) >= Date.parse(scope.windowStart)
}
