import type { Readable } from 'node:stream'

export interface BodyRead {
  text: string
  truncated: boolean
}

/**
 * Reads a response body up to `maxBytes`. Past the cap the stream is destroyed (which closes the
 * connection) and `truncated` is set, so a hostile server cannot make the client buffer without end. The
 * text of a cut body is empty: half a JSON document is of no use, and decoding it would double the memory.
 */
export async function readBodyCapped(body: Readable, maxBytes: number): Promise<BodyRead> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
    if (size + buffer.length > maxBytes) {
      chunks.length = 0
      body.on('error', () => undefined).destroy()
      return { text: '', truncated: true }
    }
    chunks.push(buffer)
    size += buffer.length
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false }
}

/** The declared length, when the server sent a usable one. */
export function declaredLength(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim())
}
