import { checkBaseUrl } from '../shared/base-url.js'
import { quote, type Reader } from './readers.js'

/** The Avido API base URL without a trailing slash. */
export const baseUrl: Reader<string> = (text, fail) => {
  const checked = checkBaseUrl(text)
  for (const problem of checked.problems) fail(`${quote(checked.shown)} ${problem}`)
  return checked.url
}
