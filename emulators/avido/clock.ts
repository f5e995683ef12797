/** A time the emulator accepts: epoch milliseconds, a Date, or an ISO 8601 string. */
export type TimeInput = number | Date | string

/**
 * The emulator's notion of "now". Every timeline (when a test starts, when it settles) is read from it when a
 * request arrives, so tests can drive time with set/advance instead of sleeping.
 */
export interface EmulatorClock {
  now(): number
  /** Moves the clock to `t`; a ticking clock keeps ticking from there. */
  set(t: TimeInput): void
  advance(ms: number): void
  /** Stops the clock at its current reading. */
  freeze(): void
  /** Lets the clock tick at wall-clock speed again, from its current reading (time never jumps). */
  useRealTime(): void
}

export function toEpochMs(t: TimeInput): number {
  const ms = typeof t === 'number' ? t : t instanceof Date ? t.getTime() : Date.parse(t)
  if (!Number.isFinite(ms)) throw new Error(`Not a valid time: ${String(t)}`)
  return ms
}

export interface ClockOptions {
  start?: TimeInput
  frozen?: boolean
}

export function createClock(options: ClockOptions = {}): EmulatorClock {
  let frozen = options.frozen ?? false
  let frozenAt = options.start === undefined ? Date.now() : toEpochMs(options.start)
  let offset = frozenAt - Date.now()

  const now = (): number => (frozen ? frozenAt : Date.now() + offset)

  return {
    now,
    set(t) {
      const target = toEpochMs(t)
      if (frozen) frozenAt = target
      else offset = target - Date.now()
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new Error(`Cannot advance the clock by ${ms}`)
      if (frozen) frozenAt += ms
      else offset += ms
    },
    freeze() {
      frozenAt = now()
      frozen = true
    },
    useRealTime() {
      offset = now() - Date.now()
      frozen = false
    }
  }
}
