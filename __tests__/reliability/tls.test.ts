import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startScene, type Scene } from '../../emulators/scene.js'
import { startTlsFront, type TlsFront } from './local-proxy.js'
import { NODE20, NODE24, errorLines, expectJudged, runGate, seedTests } from './support.js'

// Without a proxy, the calls go out over Node's own https: the certificate is checked against Node's CAs
// and NODE_EXTRA_CA_CERTS, and a certificate that is not trusted is one clear line.

let scene: Scene
let front: TlsFront
beforeEach(async () => {
  scene = await startScene()
  seedTests(scene, 4)
  front = await startTlsFront('localhost', scene.avido.url)
})
afterEach(async () => {
  await Promise.all([front.close(), scene.close()])
})

const baseUrl = () => `https://localhost:${front.address.split(':')[1]}`

describe('an https base URL without a proxy', () => {
  it.each([
    ['Node 24', NODE24],
    ['Node 20', NODE20]
  ])('reaches Avido when NODE_EXTRA_CA_CERTS trusts its certificate (%s)', async (_name, runtime) => {
    const run = await runGate(scene, {
      runtime,
      inputs: { 'base-url': baseUrl() },
      env: { NODE_EXTRA_CA_CERTS: front.caFile }
    })
    expectJudged(scene, run)
    expect(run.outputs.tests).toBe('4')
  })

  it('stops with one line naming the untrusted certificate, and never sends the key elsewhere', async () => {
    const run = await runGate(scene, { inputs: { 'base-url': baseUrl() } })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::Avido GET \/v0\/tests .*could not be reached: self-signed TLS certificate/
      )
    ])
    expect(scene.avido.requests).toEqual([])
  })
})
