import { commentMarker, encodeHiddenData } from '../../hidden-data.js'
import { fixed } from '../cells.js'
import { TARGETS } from '../targets.js'
import type { Section } from '../types.js'

/** The comment's marker, by which the next run finds it; never cut. */
export const markerSection: Section = {
  id: 'marker',
  keep: 'never',
  prepare: ({ input, target }) => fixed(TARGETS[target].hidden && commentMarker(input.commentKey))
}

/** The comment's hidden data (history, badges), read by the next run; never cut. */
export const hiddenDataSection: Section = {
  id: 'hidden-data',
  keep: 'never',
  prepare: ({ input, target }) => fixed(TARGETS[target].hidden && encodeHiddenData(input.hiddenData))
}
