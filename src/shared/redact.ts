// The one rule for what counts as a secret in text the gate writes anywhere (logs, errors, comments,
// reports, input messages):
//
// - each secret value it was given (the Avido API key, the GitHub token), trimmed, when it is at least
//   MIN_SECRET_LENGTH characters long: hiding every "a" would garble the text and hide nothing;
// - anything shaped like a GitHub token (`ghp_…`, `ghs_…`, `github_pat_…`), whether or not its value is
//   known: GitHub's error answers may echo a token where only the error is at hand, and a token that is
//   not the job's own (pasted into a description, say) is no less a secret.
//
// Each becomes `***`, as the runner's log masking writes it.

export const MIN_SECRET_LENGTH = 6

export const MASK = '***'

const GITHUB_TOKEN_SHAPE = /\b(?:gh[opsur]_[A-Za-z0-9_]+|github_pat_[A-Za-z0-9_]+)/g

/** A function that hides `secrets` and GitHub-token-shaped text; `redactor([])` hides the shapes only. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is hidden whole.
  const hidden = [...new Set(secrets.map(secret => secret.trim()))]
    .filter(secret => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
  return text =>
    hidden.reduce((clean, secret) => clean.split(secret).join(MASK), text).replace(GITHUB_TOKEN_SHAPE, MASK)
}
