import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  describeGitHubError,
  GITHUB_PERMISSIONS,
  missingPermissionMessage,
  requiredPermission,
  type GitHubOperation
} from '../../src/github/errors.js'

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

const validationFailed = (errors: unknown) => requestError(422, { message: 'Validation Failed', errors })

describe('GitHub validation failures', () => {
  it.each([
    [
      'field and code of each item',
      [
        { resource: 'Status', field: 'context', code: 'too_long' },
        { field: 'target_url', code: 'invalid' }
      ],
      'Validation Failed (Status.context too_long; target_url invalid)'
    ],
    [
      "GitHub's message after them",
      [{ resource: 'IssueComment', field: 'body', code: 'missing_field', message: 'body is missing' }],
      'Validation Failed (IssueComment.body missing_field: body is missing)'
    ],
    [
      'the message alone in place of the code custom',
      [{ resource: 'Status', field: 'description', code: 'custom', message: 'description is too long' }],
      'Validation Failed (Status.description: description is too long)'
    ],
    ['items given as text', ['Body is empty', ''], 'Validation Failed (Body is empty)'],
    ['nothing for items with nothing to say', [{}, null, { value: 'x' }], 'Validation Failed'],
    ['nothing for an errors field that is not a list', 'oops', 'Validation Failed'],
    [
      'at most four items, counting the rest',
      ['a', 'b', 'c', 'd', 'e', 'f'].map(field => ({ field, code: 'invalid' })),
      'Validation Failed (a invalid; b invalid; c invalid; d invalid; 2 more)'
    ],
    [
      'a long message shortened',
      [{ field: 'body', code: 'invalid', message: 'x'.repeat(300) }],
      `Validation Failed (body invalid: ${'x'.repeat(99)}…)`
    ]
  ])('name %s', (_name, errors, expected) => {
    expect(describeGitHubError(validationFailed(errors), 'post the commit status')).toBe(
      `post the commit status failed: GitHub answered 422 ${expected}`
    )
  })

  it('stay one short line without the token, whatever GitHub sends', () => {
    const text = fc.string({ unit: 'binary', maxLength: 300 })
    const item = fc.oneof(
      text,
      fc.record({ resource: text, field: text, code: text, message: text }, { requiredKeys: [] })
    )
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), errors => {
        const line = describeGitHubError(
          validationFailed([...errors, { message: 'ghs_abcdefSECRET' }]),
          'post the commit status'
        )
        expect(line).not.toMatch(/[\r\n]/)
        expect(line.length).toBeLessThanOrEqual(200)
        expect(line).not.toContain('ghs_abcdefSECRET')
      })
    )
  })
})

describe('GITHUB_PERMISSIONS', () => {
  it.each([
    ['comment', 'pull-requests: write'],
    ['pulls', 'pull-requests: write'],
    ['status', 'statuses: write'],
    ['check-run', 'checks: write'],
    ['workflow-run', 'actions: read']
  ] as Array<[GitHubOperation, string]>)('name for %s the permission %s', (operation, permission) => {
    expect(requiredPermission(operation)).toBe(permission)
    expect(GITHUB_PERMISSIONS.filter(p => p.operations.includes(operation))).toHaveLength(1)
    expect(missingPermissionMessage(operation)).toContain(
      `Add \`${permission}\` to the job's \`permissions\``
    )
  })

  it('lists each permission once, with what it is for', () => {
    const names = GITHUB_PERMISSIONS.map(p => p.name)
    expect(names).toEqual(['pull-requests: write', 'statuses: write', 'checks: write', 'actions: read'])
    for (const permission of GITHUB_PERMISSIONS) {
      expect(permission.name).toMatch(/^[a-z-]+: (read|write)$/)
      expect(permission.for.length).toBeGreaterThan(5)
    }
  })

  it('warns about a refused check run as about the commit status', () => {
    const error = requestError(403, { message: 'Resource not accessible by integration' })
    expect(missingPermissionMessage('check-run', error)).toBe(
      'The GitHub token may not create or update the check run (GitHub answered 403 Resource not accessible by integration). ' +
        "Add `checks: write` to the job's `permissions`. Pull requests from forks always get a read-only token; there the check run is skipped."
    )
  })
})
