import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import {
  startAvidoEmulator,
  type AvidoEmulator,
  type AvidoEmulatorOptions,
  type RecordedRequest
} from '../../emulators/avido/index.js'
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

export interface EmulatorClients {
  /** The emulator of the current file (started once, reset before each test). */
  emu: () => AvidoEmulator
  /** A fake-clock client of the emulator with its key and application id, closed after the test. */
  setup: (extra?: Partial<AvidoClientOptions>, start?: number) => FakeClockClient
  /** The requests the emulator recorded for one route. */
  calls: (method: string, path: string) => RecordedRequest[]
}

/** Registers jest hooks that start an Avido emulator for the file and close every client made. */
export function useEmulatorClients(
  key: string,
  applicationId: string,
  start: number,
  options: AvidoEmulatorOptions = {}
): EmulatorClients {
  let emulator: AvidoEmulator | undefined
  const clients: AvidoClient[] = []
  const emu = (): AvidoEmulator => {
    if (emulator === undefined) throw new Error('The emulator has not started')
    return emulator
  }
  beforeAll(async () => {
    emulator = await startAvidoEmulator({ apiKey: key, applicationId, ...options })
  })
  beforeEach(() => emu().reset())
  afterEach(async () => {
    await Promise.all(clients.splice(0).map(client => client.close()))
  })
  afterAll(() => emu().close())
  return {
    emu,
    setup: (extra = {}, at = start) => {
      const made = fakeClockClient(at, { baseUrl: emu().url, apiKey: key, applicationId, ...extra })
      clients.push(made.client)
      return made
    },
    calls: (method, path) => emu().requests.filter(r => r.method === method && r.path === path)
  }
}
