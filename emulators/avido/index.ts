import { createClock } from './clock.js'
import { LIST_ONLY_FAULTS, FaultQueues } from './faults.js'
import { routeKey } from './router.js'
import { annotationRoutes } from './routes/annotations.js'
import { issueRoutes } from './routes/issues.js'
import { runRoutes } from './routes/runs.js'
import { serializeTask, taskRoutes } from './routes/tasks.js'
import { testRoutes } from './routes/tests.js'
import { SCENARIOS, type Scenario } from './scenarios.js'
import { DataSeeder } from './seeder.js'
import { startServer, type RecordedRequest } from './server.js'
import { EmulatorState } from './state.js'
import type { AvidoEmulator, AvidoEmulatorOptions } from './types.js'

export { createClock, toEpochMs, type ClockOptions, type EmulatorClock, type TimeInput } from './clock.js'
export { DEMO_TASKS } from './demo.js'
export { DEFINITIONS } from './definitions.js'
export type { EnvelopeShape, Fault, FaultKind } from './faults.js'
export type {
  EvalType,
  StoredAnnotation,
  StoredHumanAnnotation,
  StoredIssue,
  TriggerRecord
} from './records.js'
export { SCENARIOS, bucketOf, type Scenario } from './scenarios.js'
export type * from './seed-types.js'
export type { RecordedRequest } from './server.js'
export type { AvidoEmulator, AvidoEmulatorOptions, InjectOptions } from './types.js'

/** Application id in responses when none is configured. */
export const DEFAULT_APPLICATION_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
export const DEFAULT_ORG_ID = 'org_emulator'

/** Starts a strict Avido API emulator on loopback. */
export async function startAvidoEmulator(options: AvidoEmulatorOptions = {}): Promise<AvidoEmulator> {
  const scenario = options.scenario ?? 'pass'
  if (!SCENARIOS.includes(scenario)) throw new Error(`Unknown scenario: ${scenario}`)
  const settleMs = options.settleMs ?? 3000
  if (!(settleMs >= 0)) throw new Error(`settleMs must be ≥ 0, got ${settleMs}`)
  const clock = options.clock ?? createClock()
  const app = { applicationId: options.applicationId ?? DEFAULT_APPLICATION_ID, orgId: DEFAULT_ORG_ID }
  const state = new EmulatorState(clock, app, scenario, settleMs)
  const seeder = new DataSeeder(state)
  const routes = [
    ...testRoutes(state),
    ...runRoutes(state),
    ...taskRoutes(state, seeder),
    ...issueRoutes(state),
    ...annotationRoutes(state)
  ]
  const routeByKey = new Map(routes.map(route => [routeKey(route), route]))
  const faults = new FaultQueues()
  const requests: RecordedRequest[] = []
  const server = await startServer(
    { state, routes, faults, requests, apiKey: options.apiKey, applicationId: options.applicationId },
    options.host ?? '127.0.0.1',
    options.port ?? 0
  )

  return {
    url: server.url,
    clock,
    seed: seeder,
    requests,
    get issues() {
      return state.store.issues
    },
    get annotations() {
      return state.store.annotations
    },
    get humanAnnotations() {
      return state.store.humanAnnotations
    },
    get tasks() {
      const now = clock.now()
      return [...state.store.tasks.values()].map(task => serializeTask(task, state, now))
    },
    get triggers() {
      return state.store.triggers
    },
    get scenario() {
      return state.scenario
    },
    set scenario(next: Scenario) {
      if (!SCENARIOS.includes(next)) throw new Error(`Unknown scenario: ${next}`)
      state.scenario = next
    },
    inject(route, fault, opts = {}) {
      const target = routeByKey.get(route)
      if (route !== '*' && target === undefined) {
        throw new Error(`Unknown route ${JSON.stringify(route)}; known: ${[...routeByKey.keys()].join(', ')}`)
      }
      if (LIST_ONLY_FAULTS.includes(fault.kind) && !target?.list) {
        throw new Error(`A ${fault.kind} fault needs a list route, not ${route}`)
      }
      faults.add(route, fault, opts.times ?? 1)
    },
    clearFaults() {
      faults.clear()
    },
    reset() {
      state.reset()
      requests.length = 0
      faults.clear()
    },
    close: server.close
  }
}
