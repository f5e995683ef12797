import { AvidoClient, type AvidoClientOptions } from '../../src/avido/client.js'

export interface FakeClockClient {
  client: AvidoClient
  /** Every wait the client asked for, in ms. */
  slept: number[]
  /** The client's debug lines. */
  lines: string[]
  now: () => number
}

/**
 * An Avido client whose waits advance a fake clock starting at `start` instead of passing real time, with
 * no jitter. `options` may replace any of these.
 */
export function fakeClockClient(start: number, options: AvidoClientOptions): FakeClockClient {
  let clock = start
  const slept: number[] = []
  const lines: string[] = []
  const client = new AvidoClient({
    now: () => clock,
    sleep: async ms => {
      slept.push(ms)
      clock += ms
    },
    random: () => 0,
    debug: line => lines.push(line),
    ...options
  })
  return { client, slept, lines, now: () => clock }
}
