import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { MIN_SECRET_LENGTH, redactor } from '../../src/shared/redact.js'

describe('redactor', () => {
  it.each([
    ['a secret, wherever it appears', ['s3cr3t-key'], 'key s3cr3t-key and s3cr3t-key.', 'key *** and ***.'],
    ['a secret given with spaces around it', ['  s3cr3t-key\n'], 'x s3cr3t-key', 'x ***'],
    ['the longer of two overlapping secrets whole', ['abcdef', 'abcdefghij'], '<abcdefghij>', '<***>'],
    ['no secret shorter than the minimum', ['abcde'], 'abcde', 'abcde'],
    ['a secret of exactly the minimum', ['abcdef'], 'abcdef', '***'],
    ['a GitHub token it was not given', [], 'token ghs_0123456789abcdef here', 'token *** here'],
    ['a personal access token', [], 'ghp_AbC123 and github_pat_11AB_cd', '*** and ***'],
    ['words that only look alike', [], 'ghost_town gh_x ghs-1', 'ghost_town gh_x ghs-1']
  ])('hides %s', (_name, secrets, text, expected) => {
    expect(redactor(secrets)(text)).toBe(expected)
  })

  it('never lets a secret of the minimum length or more through', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: MIN_SECRET_LENGTH, maxLength: 20 })
          .filter(s => s.trim() === s && !s.includes('*')),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (secret, before, after) => {
          expect(redactor([secret])(`${before}${secret}${after}`)).not.toContain(secret)
        }
      )
    )
  })
})
