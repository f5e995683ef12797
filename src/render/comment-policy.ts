import { formatRate } from '../shared/format.js'
import type { Result } from '../shared/vocabulary.js'
import type { HiddenData } from './hidden-data.js'

export type CommentMode = 'always' | 'failure' | 'changes' | 'off'
export type CommentAction = 'create' | 'update' | 'skip'

export interface CommentSituation {
  mode: CommentMode
  result: Result
  passRate: number
  timedOut: boolean
  /** The gate's earlier comment on this pull request exists. */
  existing: boolean
  previous?: HiddenData
}

/**
 * What the `comment` input does to the sticky comment. An existing comment is brought up to date in every mode but `off` (and, under
 * `changes`, whenever what it shows would change), so a stale red comment never stays on a fixed PR.
 */
export function commentAction(situation: CommentSituation): CommentAction {
  const { mode, existing } = situation
  if (mode === 'off') return 'skip'
  if (existing) {
    if (mode === 'changes' && !changedSince(situation)) return 'skip'
    return 'update'
  }
  if (mode === 'failure') {
    const bad = situation.result === 'warning' || situation.result === 'error' || situation.timedOut
    return bad ? 'create' : 'skip'
  }
  return 'create'
}

function changedSince({ previous, result, passRate }: CommentSituation): boolean {
  if (!previous || previous.lastResult === undefined || previous.lastPassRate === undefined) return true
  return previous.lastResult !== result || formatRate(previous.lastPassRate) !== formatRate(passRate)
}
