const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** A small deterministic PRNG (mulberry32), so seeded data and triggered runs repeat exactly. */
export class Prng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list')
    return items[Math.floor(this.float() * items.length)] as T
  }

  /** A version-4 UUID that matches Avido's documented id pattern. */
  uuid(): string {
    const a = this.uint32()
    const b = this.uint32()
    const c = this.uint32()
    const d = this.uint32()
    const x = (n: number, shift: number): string => HEX[(n >>> shift) & 255] as string
    return (
      x(a, 24) +
      x(a, 16) +
      x(a, 8) +
      x(a, 0) +
      '-' +
      x(b, 24) +
      x(b, 16) +
      '-' +
      x(0x40 | ((b >>> 8) & 0x0f), 0) +
      x(b, 0) +
      '-' +
      x(0x80 | ((c >>> 24) & 0x3f), 0) +
      x(c, 16) +
      '-' +
      x(c, 8) +
      x(c, 0) +
      x(d, 24) +
      x(d, 16) +
      x(d, 8) +
      x(d, 0)
    )
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1))
      const tmp = items[i] as T
      items[i] = items[j] as T
      items[j] = tmp
    }
    return items
  }
}

/** FNV-1a: a stable 32-bit hash used to derive per-task and per-eval variety from ids. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
