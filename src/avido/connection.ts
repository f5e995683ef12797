import type { Dispatcher } from 'undici'
import { proxyAwareDispatcher } from '../proxy.js'
import { cleanServerText } from './errors.js'

export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new TypeError(`Avido base URL is not a URL: "${cleanServerText(baseUrl, 200)}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Avido base URL must use https or http (got ${url.protocol})`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function defaultDispatcher(): Dispatcher {
  return proxyAwareDispatcher()
}
