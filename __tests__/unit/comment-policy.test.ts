import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { commentAction, type CommentSituation } from '../../src/render/comment-policy.js'

const base = { passRate: 80, timedOut: false }
const prev = (lastResult: 'success' | 'warning' | 'error', lastPassRate: number) =>
  ({ lastResult, lastPassRate }) as unknown as CommentSituation['previous']

describe('commentAction', () => {
  it.each<[string, Partial<CommentSituation>, string]>([
    ['off, existing', { mode: 'off', result: 'error', existing: true }, 'skip'],
    ['off, none', { mode: 'off', result: 'error', existing: false }, 'skip'],
    ['always, none', { mode: 'always', result: 'success', existing: false }, 'create'],
    ['always, existing', { mode: 'always', result: 'success', existing: true }, 'update'],
    ['failure, success, none', { mode: 'failure', result: 'success', existing: false }, 'skip'],
    ['failure, none result, none', { mode: 'failure', result: 'none', existing: false }, 'skip'],
    ['failure, warning, none', { mode: 'failure', result: 'warning', existing: false }, 'create'],
    ['failure, error, none', { mode: 'failure', result: 'error', existing: false }, 'create'],
    [
      'failure, timed out, none',
      { mode: 'failure', result: 'success', timedOut: true, existing: false },
      'create'
    ],
    [
      'failure, success, existing (a fixed PR)',
      { mode: 'failure', result: 'success', existing: true },
      'update'
    ],
    ['changes, none', { mode: 'changes', result: 'success', existing: false }, 'create'],
    ['changes, no record', { mode: 'changes', result: 'success', existing: true }, 'update'],
    [
      'changes, same',
      { mode: 'changes', result: 'warning', existing: true, previous: prev('warning', 80) },
      'skip'
    ],
    [
      'changes, rate moved',
      { mode: 'changes', result: 'warning', existing: true, previous: prev('warning', 70) },
      'update'
    ],
    [
      'changes, result moved',
      { mode: 'changes', result: 'error', existing: true, previous: prev('warning', 80) },
      'update'
    ]
  ])('%s → %s', (_name, situation, expected) => {
    expect(commentAction({ ...base, ...situation } as CommentSituation)).toBe(expected)
  })

  it('brings an existing comment up to date in every mode but off and unchanged `changes`', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('always', 'failure', 'changes' as const),
        fc.constantFrom('success', 'warning', 'error', 'none' as const),
        fc.boolean(),
        (mode, result, timedOut) => {
          const action = commentAction({ mode, result, passRate: 50, timedOut, existing: true })
          expect(action).toBe('update')
        }
      )
    )
  })
})
