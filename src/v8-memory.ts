// Node's own modules that the step loads, loaded here before the flags are set: Node compiles its
// modules afresh, without their code cache, once the flags have changed. (undici, used only behind a proxy,
// loads more of them after.)
import 'node:http'
import 'node:https'
import 'node:perf_hooks'
import 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'

// Memory settings for large runs: they change heuristics of V8's collector and compilers, never behaviour.
// main/step.ts imports it first, once the inputs are valid; it must also be evaluated before undici, which
// compiles its WebAssembly HTTP parser as it loads (http/load.ts loads it first). `npm run bench` shows their
// effect on the peak memory of large runs.
const FLAGS = [
  // The young generation keeps its first size. Grown (up to 2 × 32 MiB) it would stay mostly empty.
  '--semi-space-growth-factor=1',
  // The old generation may grow by 30 % between full collections, not by V8's up to fourfold: each page of
  // tests is garbage once judged, and is collected before it piles up.
  '--heap-growing-percent=30',
  // Behind a proxy, undici's WebAssembly HTTP parser stays on the baseline compiler. Optimising it takes
  // about 10 MiB that is never given back, and parsing headers is not what a run waits for.
  '--liftoff-only',
  '--no-wasm-tier-up',
  '--no-wasm-dynamic-tiering'
]

for (const flag of FLAGS) setFlagsFromString(flag)
