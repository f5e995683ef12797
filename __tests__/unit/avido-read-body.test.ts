import { describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { BodyBuffers, readBodyCapped } from '../../src/avido/read-body.js'

// Reading a response body into a buffer kept for the next one, chunk by chunk, up to a cap.

const body = (...chunks: (string | Buffer)[]) =>
  Readable.from(chunks.map(chunk => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)))

describe('readBodyCapped', () => {
  it('joins the chunks, a character split between two of them included', async () => {
    const euro = Buffer.from('€')
    const read = await readBodyCapped(body('{"a":"', euro.subarray(0, 1), euro.subarray(1), '"}'), 100)
    expect(read).toEqual({ text: '{"a":"€"}', truncated: false })
  })

  it('grows the buffer for a body larger than its first size, and keeps every byte', async () => {
    const chunk = 'x'.repeat(65_536)
    const read = await readBodyCapped(
      body(...Array.from({ length: 9 }, () => chunk), 'end'),
      10 * 1024 * 1024
    )
    expect(read.text).toHaveLength(9 * 65_536 + 3)
    expect(read.text.endsWith('xend')).toBe(true)
  })

  it('reads the next body into the buffer the last one was read into', async () => {
    const buffers = new BodyBuffers()
    const first = buffers.take()
    buffers.give(first)
    expect((await readBodyCapped(body('{"page":1}'), 1000, buffers)).text).toBe('{"page":1}')
    expect((await readBodyCapped(body('{"page":2}'), 1000, buffers)).text).toBe('{"page":2}')
    expect(buffers.take()).toBe(first)
  })

  it('keeps no more buffers than responses in flight, and none over 1 MiB', () => {
    const buffers = new BodyBuffers(2)
    const kept = [buffers.take(), buffers.take(), buffers.take()]
    for (const buffer of kept) buffers.give(buffer)
    buffers.give(Buffer.allocUnsafeSlow(2 * 1024 * 1024))
    expect([buffers.take(), buffers.take()]).toEqual(expect.arrayContaining([kept[0], kept[1]]))
    expect(kept).not.toContain(buffers.take())
  })

  it('stops past the cap with no text, and gives its buffer back', async () => {
    const buffers = new BodyBuffers()
    const first = buffers.take()
    buffers.give(first)
    const stream = body('x'.repeat(600), 'y'.repeat(600))
    expect(await readBodyCapped(stream, 1000, buffers)).toEqual({ text: '', truncated: true })
    expect(stream.destroyed).toBe(true)
    expect(buffers.take()).toBe(first)
  })

  it('takes a first buffer no larger than the cap', () => {
    expect(new BodyBuffers().take(4096).length).toBe(4096)
  })
})
