import type { EmulatorClock } from './clock.js'
import { Prng } from './random.js'
import type { Scenario } from './scenarios.js'
import { Store } from './store.js'
import type { AppIdentity } from './test-view.js'

const SEED = 0x5eed

/** Everything the routes and the seeder share. */
export class EmulatorState {
  readonly store = new Store()
  rng = new Prng(SEED)

  constructor(
    readonly clock: EmulatorClock,
    readonly app: AppIdentity,
    public scenario: Scenario,
    readonly settleMs: number
  ) {}

  /** Forgets all data and restarts the PRNG, so a reset emulator repeats a fresh one exactly. */
  reset(): void {
    this.store.clear()
    this.rng = new Prng(SEED)
  }
}
