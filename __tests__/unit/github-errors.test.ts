import { describe, expect, it } from '@jest/globals'
import { describeGitHubError, missingPermissionMessage } from '../../src/github/errors.js'

const htmlPage =
  '<!DOCTYPE html><html><head><style>body { color: red }</style><title>502 Bad Gateway</title></head>' +
  `<body><h1>Unicorn!</h1><p>${'We are having trouble. '.repeat(40)}</p></body></html>`

const requestError = (status: number, data: unknown, message = 'failed') => ({
  status,
  message,
  request: { method: 'POST' },
  response: { data }
})

describe('GitHub error lines', () => {
  it.each([
    ['an HTML error page as the body', requestError(502, htmlPage)],
    ['an HTML error page as the message', requestError(502, undefined, htmlPage)]
  ])('quote %s as short plain text', (_name, error) => {
    const line = describeGitHubError(error, 'write the pull request comment')
    expect(line).toMatch(/^write the pull request comment failed: GitHub answered 502 /)
    expect(line).not.toMatch(/[<>]/)
    expect(line).not.toContain('color: red')
    expect(line.length).toBeLessThan(300)
  })

  it('keeps a short JSON message whole and hides tokens', () => {
    const error = requestError(422, {
      message: 'Validation Failed for ghs_abcdefghijklmnop',
      errors: [{ message: 'body is too long' }]
    })
    expect(describeGitHubError(error, 'write the comment')).toBe(
      'write the comment failed: GitHub answered 422 Validation Failed for *** (body is too long)'
    )
  })

  it('names the permission to add', () => {
    const error = requestError(403, { message: 'Resource not accessible by integration' })
    expect(missingPermissionMessage('status', error)).toContain('Add `statuses: write`')
  })
})
