// Node's own modules that undici (web streams for its fetch) and Octokit load, loaded here before the flags
// are set: Node compiles its modules afresh, without their code cache, once the flags have changed (about
// 15 ms).
import 'node:assert'
import 'node:crypto'
import 'node:http'
import 'node:http2'
import 'node:https'
import 'node:perf_hooks'
import 'node:timers/promises'
import 'node:tls'
import 'node:util/types'
import 'node:stream/web'
import { setFlagsFromString } from 'node:v8'
import 'node:worker_threads'
import 'node:zlib'

// Memory settings for large runs: they change heuristics of V8's collector and compilers, never behaviour.
// This module must be evaluated before undici, which compiles its WebAssembly HTTP parser as it loads:
// main/step.ts (loaded once the inputs are valid) imports it first. `npm run bench` shows their effect on the
// peak memory of large runs.
const FLAGS = [
  // The young generation keeps its first size. Grown (up to 2 × 32 MiB) it would stay mostly empty.
  '--semi-space-growth-factor=1',
  // The old generation may grow by 30 % between full collections, not by V8's up to fourfold: each page of
  // tests is garbage once judged, and is collected before it piles up.
  '--heap-growing-percent=30',
  // The HTTP parser stays on the baseline WebAssembly compiler. Optimising it takes about 10 MiB that is
  // never given back, and parsing headers is not what a run waits for.
  '--liftoff-only',
  '--no-wasm-tier-up',
  '--no-wasm-dynamic-tiering'
]

for (const flag of FLAGS) setFlagsFromString(flag)
