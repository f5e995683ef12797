import { isUuid } from '../shared/uuid.js'

const EMPTY = -1
const FIRST_CAPACITY = 1024
/** Past this share of slots in use the table doubles. */
const MAX_LOAD = 0.8

/**
 * For each row id of a listing, the first page it was read on (a Map from id to page). Avido's ids are
 * lower-case UUIDs: each is held as its 16 bytes in one flat table, 20 to 40 bytes a row, where a string
 * key in a Map takes about 90; so the ids of a run of 100,000 tests take 2.5 MB rather than 9. Any other id
 * is held as it is.
 */
export class RowIds {
  /** Four 32-bit words per slot: the UUID's 128 bits. */
  private words = new Uint32Array(FIRST_CAPACITY * 4)
  /** The page of each slot, or EMPTY. */
  private pages = new Int32Array(FIRST_CAPACITY).fill(EMPTY)
  private used = 0
  private readonly others = new Map<string, number>()
  /** The UUID being looked up, parsed once per call. */
  private readonly key = new Uint32Array(4)

  get size(): number {
    return this.used + this.others.size
  }

  /** The bytes the table holds (not counting ids that are not UUIDs). */
  get tableBytes(): number {
    return this.words.byteLength + this.pages.byteLength
  }

  get(id: string): number | undefined {
    if (!this.parse(id)) return this.others.get(id)
    const page = this.pages[this.find(this.words, this.pages)]!
    return page === EMPTY ? undefined : page
  }

  set(id: string, page: number): void {
    if (!this.parse(id)) {
      this.others.set(id, page)
      return
    }
    const slot = this.find(this.words, this.pages)
    if (this.pages[slot] === EMPTY) {
      this.words.set(this.key, slot * 4)
      this.used++
    }
    this.pages[slot] = page
    if (this.used > this.pages.length * MAX_LOAD) this.grow()
  }

  /** Puts the UUID's 128 bits into `key`; false when `id` is not a lower-case UUID. */
  private parse(id: string): boolean {
    if (id.length !== 36 || !isUuid(id) || hasUpperCase(id)) return false
    const key = this.key
    key[0] = parseInt(id.slice(0, 8), 16)
    key[1] = parseInt(id.slice(9, 13) + id.slice(14, 18), 16)
    key[2] = parseInt(id.slice(19, 23) + id.slice(24, 28), 16)
    key[3] = parseInt(id.slice(28, 36), 16)
    return true
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private find(words: Uint32Array, pages: Int32Array): number {
    const [a, b, c, d] = this.key as unknown as [number, number, number, number]
    const mask = pages.length - 1
    let hash = Math.imul(
      a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77) ^ Math.imul(d, 0xc2b2ae3d),
      0x27d4eb2f
    )
    hash ^= hash >>> 15
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (pages[slot] === EMPTY) return slot
      const at = slot * 4
      if (words[at] === a && words[at + 1] === b && words[at + 2] === c && words[at + 3] === d) return slot
    }
  }

  private grow(): void {
    const { words: oldWords, pages: oldPages } = this
    const words = new Uint32Array(oldWords.length * 2)
    const pages = new Int32Array(oldPages.length * 2).fill(EMPTY)
    for (let slot = 0; slot < oldPages.length; slot++) {
      if (oldPages[slot] === EMPTY) continue
      this.key.set(oldWords.subarray(slot * 4, slot * 4 + 4))
      const to = this.find(words, pages)
      words.set(this.key, to * 4)
      pages[to] = oldPages[slot]!
    }
    this.words = words
    this.pages = pages
  }
}

/** Whether `id` holds a capital letter: "A1" and "a1" are two ids, and the table keeps only their bits. */
function hasUpperCase(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i)
    if (code >= 65 && code <= 90) return true
  }
  return false
}
