/** A string that JSON writes with escapes: quotes, backslashes, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/
const QUOTE = 0x22

/**
 * Writes JSON exactly as `JSON.stringify(value, null, 2)` lays it out (toJSON, boxed primitives and the
 * fields it leaves out included; cycles are not looked for), into a buffer that is handed to `drain` whenever
 * it fills and on `flush`. Only the escaped strings and numbers become strings on the way:
 * a run of 100,000 tests written this way leaves no string of its JSON behind for the collector.
 */
export class IndentedJsonWriter {
  private readonly buffer: Buffer
  private used = 0
  private readonly indents: string[] = ['']
  /** For each depth, each key's line start: newline, indent, quoted key, colon. */
  private readonly keyLines: Map<string, string>[] = []

  constructor(
    private readonly drain: (bytes: Uint8Array) => void,
    size = 65_536
  ) {
    this.buffer = Buffer.allocUnsafeSlow(size)
  }

  /** Writes text as it is. */
  raw(text: string): void {
    if (!this.ensure(text.length * 3)) return this.drain(Buffer.from(text))
    this.used += this.buffer.write(text, this.used, 'utf8')
  }

  /**
   * Writes `value` as it stands `depth` levels into the layout (its inner lines indented from there; its first
   * line is not indented, as it follows a key or an indent already written).
   */
  value(value: unknown, depth: number): void {
    this.write(plainOf(value, ''), depth)
  }

  /** Drops what is written and not yet drained. */
  clear(): void {
    this.used = 0
  }

  /** Hands everything written so far to `drain`. */
  flush(): void {
    if (this.used === 0) return
    this.drain(this.buffer.subarray(0, this.used))
    this.used = 0
  }

  private write(plain: unknown, depth: number): void {
    switch (typeof plain) {
      case 'string':
        return this.string(plain)
      case 'number':
        return this.raw(Number.isFinite(plain) ? String(plain) : 'null')
      case 'boolean':
        return this.raw(plain ? 'true' : 'false')
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt')
      case 'object':
        if (plain === null) return this.raw('null')
        return Array.isArray(plain) ? this.array(plain, depth) : this.object(plain, depth)
      default:
        // undefined, functions and symbols: null in an array; `object` leaves such fields out.
        return this.raw('null')
    }
  }

  private string(text: string): void {
    if (NEEDS_ESCAPES.test(text)) return this.raw(JSON.stringify(text))
    if (!this.ensure(text.length * 3 + 2)) return this.drain(Buffer.from(`"${text}"`))
    this.buffer[this.used++] = QUOTE
    this.used += this.buffer.write(text, this.used, 'utf8')
    this.buffer[this.used++] = QUOTE
  }

  private array(items: unknown[], depth: number): void {
    if (items.length === 0) return this.raw('[]')
    const inner = this.indent(depth + 1)
    for (let index = 0; index < items.length; index++) {
      this.raw(index === 0 ? `[\n${inner}` : `,\n${inner}`)
      this.write(plainOf(items[index], index), depth + 1)
    }
    this.raw(`\n${this.indent(depth)}]`)
  }

  private object(record: object, depth: number): void {
    let written = 0
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue
      const field = plainOf((record as Record<string, unknown>)[key], key)
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue
      this.raw(written++ === 0 ? '{' : ',')
      this.raw(this.keyLine(key, depth + 1))
      this.write(field, depth + 1)
    }
    this.raw(written === 0 ? '{}' : `\n${this.indent(depth)}}`)
  }

  private keyLine(key: string, depth: number): string {
    const lines = (this.keyLines[depth] ??= new Map())
    let line = lines.get(key)
    if (line === undefined) lines.set(key, (line = `\n${this.indent(depth)}${JSON.stringify(key)}: `))
    return line
  }

  private indent(depth: number): string {
    return (this.indents[depth] ??= '  '.repeat(depth))
  }

  /** Makes room for `bytes` more, draining what is written when needed; false when they can never fit. */
  private ensure(bytes: number): boolean {
    if (this.used + bytes <= this.buffer.length) return true
    this.flush()
    return bytes <= this.buffer.length
  }
}

/** What JSON.stringify writes for `value` under `key`: what its toJSON gives, a boxed primitive unboxed. */
function plainOf(value: unknown, key: string | number): unknown {
  let plain = value
  if (typeof (plain as { toJSON?: unknown } | null)?.toJSON === 'function') {
    plain = (plain as { toJSON: (key: string) => unknown }).toJSON(String(key))
  }
  if (plain instanceof Number || plain instanceof String || plain instanceof Boolean) return plain.valueOf()
  return plain
}
