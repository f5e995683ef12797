import type { Task } from '../../src/avido/schemas.js'
import type { EmulatorClock } from './clock.js'
import type { Fault } from './faults.js'
import type { StoredAnnotation, StoredHumanAnnotation, StoredIssue, TriggerRecord } from './records.js'
import type { Scenario } from './scenarios.js'
import type { Seeder } from './seed-types.js'
import type { RecordedRequest } from './server.js'

export interface AvidoEmulatorOptions {
  /** 0 = a free port (default). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** When set, x-api-key must equal it; otherwise any non-empty value is accepted. */
  apiKey?: string
  /** When set, x-application-id must equal it (and responses carry it); otherwise any non-empty value. */
  applicationId?: string
  /** Default: a new clock ticking in real time. */
  clock?: EmulatorClock
  /** Pass rates of triggered runs and of the demo application (default 'pass'). */
  scenario?: Scenario
  /** How long triggered tests take from PENDING to settled, in ms of the emulator clock (default 3000). */
  settleMs?: number
}

export interface InjectOptions {
  /** How many requests the fault applies to (default 1; Infinity = always). */
  times?: number
}

export interface AvidoEmulator {
  /** e.g. http://127.0.0.1:43123 (no trailing slash) */
  url: string
  clock: EmulatorClock
  seed: Seeder
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  readonly issues: StoredIssue[]
  readonly annotations: StoredAnnotation[]
  readonly humanAnnotations: StoredHumanAnnotation[]
  /** Every task, as GET /v0/tasks/:id would show it now. */
  readonly tasks: Task[]
  readonly triggers: TriggerRecord[]
  /** Scenario of later triggers of tasks that have no pass rate or scenario of their own. */
  scenario: Scenario
  /**
   * Queues a fault for a route such as 'GET /v0/tests' or 'GET /v0/tests/:id' ('*' = any route). Faults of a
   * route are consumed in order; they act before authentication, as a proxy or load balancer would.
   */
  inject(route: string, fault: Fault, opts?: InjectOptions): void
  clearFaults(): void
  /** Forgets data, recorded requests, triggers and faults (the clock is left alone). */
  reset(): void
  /** Stops the server and ends every open connection, hung ones included. */
  close(): Promise<void>
}
