import { quote, type Reader } from './readers.js'

const LOOPBACK_HOSTS = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/

/**
 * The Avido API base URL without a trailing slash. Messages show the URL without anything that could be
 * secret (user info, query string).
 */
export const baseUrl: Reader<string> = (text, fail) => {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    fail(`${quote(text.replace(/\/\/[^/@]*@/, '//***@').replace(/[?#].*$/, ''))} is not a valid URL`)
    return ''
  }
  const shown = quote(`${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, ''))
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.test(url.hostname)) {
      fail(`${shown} must use https (plain http is allowed only for 127.0.0.1, localhost and ::1)`)
    }
  } else if (url.protocol !== 'https:') {
    fail(`${shown} must use https`)
  }
  if (url.username || url.password) fail(`${shown} must not contain a user name or password`)
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    fail(`${shown} must not have a query string or fragment`)
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (/\/v0$/i.test(path)) fail(`${shown} must not end in /v0: the action adds the API version itself`)
  return `${url.protocol}//${url.host}${path}`
}
