const EMPTY = -1
/** A forgotten slot: a lookup probes on past it, an insert may take it. */
const FORGOTTEN = -2
const FIRST_CAPACITY = 1024
/** Past this share of slots in use or forgotten, the table is rebuilt (see `rebuild`). */
const MAX_FILL = 0.5

/**
 * The ids of the rows of a listing's recent pages, each with the first page it came on. Pages that fall far
 * enough behind the reading are forgotten (`forgetBefore`), so what is held depends on the pages kept, not
 * on the number of rows read.
 *
 * Avido's ids are lower-case UUIDs: each is held as its 128 bits in a table of typed arrays that is reused as
 * pages come and go, so that reading a long listing makes no garbage here (a Map of strings would be rebuilt
 * again and again as it fills and empties, and keep each id's string a while: both pile up in the old
 * generation). Any other id is held in a Map.
 */
export class RecentRowIds {
  private capacity = FIRST_CAPACITY
  /** Four 32-bit words a slot: the UUID's 128 bits. */
  private words: Uint32Array = new Uint32Array(FIRST_CAPACITY * 4)
  /** The first page of each slot's id, or EMPTY or FORGOTTEN. */
  private pages: Int32Array = new Int32Array(FIRST_CAPACITY).fill(EMPTY)
  /** The arrays of the last rebuild, reused by the next one. */
  private spare: { words: Uint32Array; pages: Int32Array } | undefined
  private used = 0
  private forgotten = 0
  private readonly others = new Map<string, number>()
  /** The highest sort key of each page remembered, and of all the pages forgotten. */
  private readonly highestOfPage = new Map<number, number>()
  private highestForgotten = -Infinity
  /** The UUID being looked up, parsed once a call. */
  private readonly key = new Uint32Array(4)
  private distinct = 0

  /** Ids noted that were not remembered at the time: every distinct row, when none came back after forgotten. */
  get noted(): number {
    return this.distinct
  }

  /** Ids remembered now. */
  get held(): number {
    return this.used + this.others.size
  }

  /** The first page `id` came on, when it is remembered. */
  pageOf(id: string): number | undefined {
    if (!this.parse(id)) return this.others.get(id)
    const slot = this.find()
    return slot >= 0 ? this.pages[slot] : undefined
  }

  /** Notes that `id` came on `page`; true when it was not remembered. */
  note(id: string, page: number): boolean {
    if (!this.parse(id)) {
      const first = this.others.get(id)
      if (first !== undefined && first <= page) return false
      this.others.set(id, page)
      if (first !== undefined) return false
      this.distinct++
      return true
    }
    const slot = this.find()
    if (slot >= 0) {
      if (page < this.pages[slot]!) this.pages[slot] = page
      return false
    }
    const free = ~slot
    if (this.pages[free] === FORGOTTEN) this.forgotten--
    this.words.set(this.key, free * 4)
    this.pages[free] = page
    this.used++
    this.distinct++
    if (this.used + this.forgotten > this.capacity * MAX_FILL) this.rebuild()
    return true
  }

  /** Notes the highest sort key among the rows `page` brought (-Infinity when none had one). */
  noteHighest(page: number, order: number): void {
    this.highestOfPage.set(page, order)
  }

  /** Whether a row with this sort key sorts before a row of a page forgotten: one read already. */
  sortsBeforeForgotten(order: number): boolean {
    return order < this.highestForgotten
  }

  /** Forgets the ids of every page before `page`, keeping only the highest sort key among them. */
  forgetBefore(page: number): void {
    for (const [earlier, highest] of this.highestOfPage) {
      if (earlier >= page) continue
      if (highest > this.highestForgotten) this.highestForgotten = highest
      this.highestOfPage.delete(earlier)
    }
    const pages = this.pages
    for (let slot = 0; slot < pages.length; slot++) {
      const first = pages[slot]!
      if (first < 0 || first >= page) continue
      pages[slot] = FORGOTTEN
      this.used--
      this.forgotten++
    }
    for (const [id, first] of this.others) if (first < page) this.others.delete(id)
  }

  /** Puts the UUID's 128 bits into `key`; false when `id` is not a lower-case UUID. */
  private parse(id: string): boolean {
    if (id.length !== 36) return false
    const key = this.key
    let word = 0
    let digits = 0
    for (let at = 0; at < 36; at++) {
      const char = id.charCodeAt(at)
      if (at === 8 || at === 13 || at === 18 || at === 23) {
        if (char !== 0x2d) return false
        continue
      }
      const value =
        char >= 0x30 && char <= 0x39 ? char - 0x30 : char >= 0x61 && char <= 0x66 ? char - 0x57 : -1
      if (value < 0) return false
      word = (word << 4) | value
      if (++digits % 8 === 0) key[digits / 8 - 1] = word
    }
    return true
  }

  /** The slot holding `key`; else `~slot` of the slot where it would go (linear probing). */
  private find(): number {
    const { key, words, pages } = this
    const a = key[0]!
    const b = key[1]!
    const c = key[2]!
    const d = key[3]!
    const mask = pages.length - 1
    const hash = mix(mix(mix(mix(0x811c9dc5, a), b), c), d)
    let free = -1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const page = pages[slot]!
      if (page === EMPTY) return ~(free >= 0 ? free : slot)
      if (page === FORGOTTEN) {
        if (free < 0) free = slot
        continue
      }
      const at = slot * 4
      if (words[at] === a && words[at + 1] === b && words[at + 2] === c && words[at + 3] === d) return slot
    }
  }

  /**
   * Drops the forgotten slots, into a table twice the size when those in use fill more than a quarter of it:
   * so at least a quarter of the slots is free for inserts until the next rebuild.
   */
  private rebuild(): void {
    const { words: oldWords, pages: oldPages } = this
    if (this.used > this.capacity / 4) {
      this.capacity *= 2
      this.spare = undefined
    }
    const reused = this.spare
    this.words = reused?.words ?? new Uint32Array(this.capacity * 4)
    this.pages = reused ? reused.pages.fill(EMPTY) : new Int32Array(this.capacity).fill(EMPTY)
    this.spare = oldPages.length === this.capacity ? { words: oldWords, pages: oldPages } : undefined
    this.forgotten = 0
    for (let slot = 0; slot < oldPages.length; slot++) {
      if (oldPages[slot]! < 0) continue
      for (let word = 0; word < 4; word++) this.key[word] = oldWords[slot * 4 + word]!
      const free = ~this.find()
      this.words.set(this.key, free * 4)
      this.pages[free] = oldPages[slot]!
    }
  }
}

/** Mixes a word into a hash, its high bits folded down: every bit of an id reaches the slot. */
function mix(hash: number, word: number): number {
  const mixed = Math.imul(hash ^ word, 0x01000193)
  return mixed ^ (mixed >>> 16)
}
