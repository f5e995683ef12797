import type { Readable } from 'node:stream'

export interface BodyRead {
  text: string
  truncated: boolean
}

/** The first size of a body buffer: a page of 100 tests with one eval each is about 120 KB. */
const FIRST_BUFFER_BYTES = 256 * 1024
/** Buffers up to this size are kept for the next responses; a larger one is let go once read. */
const KEPT_BUFFER_BYTES = 1024 * 1024

/**
 * Buffers that response bodies are read into, kept for the responses that follow (one per response in
 * flight, up to `keep`). Each chunk is copied in as it arrives and let go: a body gathered as a list of
 * chunks keeps each one alive until the last arrives, long enough for the collector to move them to the old
 * generation, where each holds its 64 KB outside the heap until a full collection. The body itself then
 * costs no new memory outside the heap; the socket's chunks still come and go, each let go at once.
 */
export class BodyBuffers {
  private readonly free: Buffer[] = []

  constructor(private readonly keep = 4) {}

  /** A kept buffer, else a new one of the first size (or `atMost`, when smaller). */
  take(atMost = FIRST_BUFFER_BYTES): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(Math.min(FIRST_BUFFER_BYTES, atMost))
  }

  give(buffer: Buffer): void {
    if (this.free.length < this.keep && buffer.length <= KEPT_BUFFER_BYTES) this.free.push(buffer)
  }
}

/**
 * Reads a response body up to `maxBytes`, into a buffer of `buffers`. Past the cap the stream is destroyed
 * (which closes the connection) and `truncated` is set, so a hostile server cannot make the client buffer
 * without end. The text of a cut body is empty: half a JSON document is of no use, and decoding it would
 * double the memory.
 */
export async function readBodyCapped(
  body: Readable,
  maxBytes: number,
  buffers: BodyBuffers = new BodyBuffers(0)
): Promise<BodyRead> {
  let target = buffers.take(maxBytes)
  let size = 0
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
      if (size + buffer.length > maxBytes) {
        body.on('error', () => undefined).destroy()
        return { text: '', truncated: true }
      }
      if (size + buffer.length > target.length) {
        const larger = Buffer.allocUnsafeSlow(
          Math.min(maxBytes, Math.max(2 * target.length, size + buffer.length))
        )
        target.copy(larger, 0, 0, size)
        target = larger
      }
      buffer.copy(target, size)
      size += buffer.length
    }
    return { text: target.toString('utf8', 0, size), truncated: false }
  } finally {
    buffers.give(target)
  }
}

/** The declared length, when the server sent a usable one. */
export function declaredLength(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim())
}
