import { checkBaseUrl } from '../shared/base-url.js'
import { cleanServerText } from './errors.js'

/** The base URL without trailing slashes, held to the gate's one base-URL rule. */
export function normaliseBaseUrl(baseUrl: string): string {
  const { url, shown, problems } = checkBaseUrl(baseUrl)
  if (problems.length)
    throw new TypeError(`Avido base URL ${cleanServerText(shown, 200)} ${problems.join(', ')}`)
  return url
}
