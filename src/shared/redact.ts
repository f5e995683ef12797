// Values shorter than this are not replaced: hiding every "a" would garble the text.
const MIN_SECRET_LENGTH = 6

/** Replaces each secret in a text with `***`, as the runner's log masking does. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const hidden = [...new Set(secrets.map(secret => secret.trim()))].filter(
    secret => secret.length >= MIN_SECRET_LENGTH
  )
  return text => hidden.reduce((clean, secret) => clean.split(secret).join('***'), text)
}
