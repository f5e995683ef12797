import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startScene, type Scene } from '../../emulators/scene.js'
import { startProxy, startTlsFront, type LocalProxy, type TlsFront } from './local-proxy.js'
import { NODE20, NODE24, expectJudged, runGate, seedTests } from './support.js'

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured for the Avido calls, as the runner's own tools do.

/** Resolves nowhere: only a proxy that knows it can reach it. */
const HIDDEN_HOST = 'avido.internal.test'

let scene: Scene
let proxy: LocalProxy
let front: TlsFront
beforeEach(async () => {
  scene = await startScene()
  seedTests(scene, 5)
  front = await startTlsFront(HIDDEN_HOST, scene.avido.url)
  proxy = await startProxy({ [`${HIDDEN_HOST}:443`]: front.address })
})
afterEach(async () => {
  await Promise.all([proxy.close(), front.close(), scene.close()])
})

const avidoHost = () => new URL(scene.avido.url).host

describe('an https base URL', () => {
  it.each([
    ['HTTPS_PROXY', NODE24],
    ['https_proxy', NODE24],
    ['HTTPS_PROXY', NODE20]
  ])('reaches Avido through %s on %s', async (variable, runtime) => {
    const run = await runGate(scene, {
      runtime,
      inputs: { 'base-url': `https://${HIDDEN_HOST}` },
      env: { [variable]: proxy.url, NODE_EXTRA_CA_CERTS: front.caFile }
    })
    expectJudged(scene, run)
    expect(run.outputs.tests).toBe('5')
    expect(proxy.seen).toContain(`CONNECT ${HIDDEN_HOST}:443`)
    expect(proxy.seen.every(line => line === `CONNECT ${HIDDEN_HOST}:443`)).toBe(true)
  })

  it('goes direct for a host in NO_PROXY (which here cannot resolve): one clear line', async () => {
    const run = await runGate(scene, {
      inputs: { 'base-url': `https://${HIDDEN_HOST}` },
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: `localhost,.internal.test`, NODE_EXTRA_CA_CERTS: front.caFile }
    })
    expect(run.code).toBe(1)
    expect(run.lines.filter(line => line.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::Avido GET \/v0\/tests .*could not be reached: host not found/)
    ])
    expect(proxy.seen).toEqual([])
  })
})

describe('an http loopback base URL', () => {
  it('goes through HTTP_PROXY', async () => {
    const run = await runGate(scene, { env: { HTTP_PROXY: proxy.url } })
    expectJudged(scene, run)
    expect(proxy.seen.filter(line => line.includes(avidoHost())).length).toBeGreaterThan(0)
  })

  it('goes direct when NO_PROXY lists it', async () => {
    const run = await runGate(scene, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
    expectJudged(scene, run)
    expect(proxy.seen).toEqual([])
  })
})
