// The one rule for the Avido API base URL: https, or plain http only to this machine (loopback), where the
// API key cannot be read on the wire.

const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/

/** A host name as `URL.hostname` gives it (lower case, IPv6 in brackets, IPv4 normalised). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname)
}

export interface BaseUrlCheck {
  /** The URL without trailing slashes; '' when the text is not a URL. */
  url: string
  /** The URL as a message may show it: without user info, query string or fragment, which may hold secrets. */
  shown: string
  /** Each problem, worded to follow the shown URL (`must use https`); empty when the URL is fine. */
  problems: string[]
}

export function checkBaseUrl(text: string): BaseUrlCheck {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    const shown = text.replace(/\/\/[^/@]*@/, '//***@').replace(/[?#].*$/, '')
    return { url: '', shown, problems: ['is not a valid URL'] }
  }
  const path = url.pathname.replace(/\/+$/, '')
  const shown = `${url.protocol}//${url.host}${path}`
  const problems: string[] = []
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      problems.push('must use https (plain http is allowed only for 127.0.0.1, localhost and ::1)')
    }
  } else if (url.protocol !== 'https:') {
    problems.push('must use https')
  }
  if (url.username || url.password) problems.push('must not contain a user name or password')
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    problems.push('must not have a query string or fragment')
  }
  if (/\/v0$/i.test(path)) problems.push('must not end in /v0: the action adds the API version itself')
  return { url: shown, shown, problems }
}
