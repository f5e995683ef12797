import { plural } from '../../../shared/format.js'
import { trendText } from '../../trend.js'
import { fixed } from '../cells.js'
import type { Section } from '../types.js'

/** The pass rate over the runs kept in the hidden data (this pull request's, when there is one). */
export const trendSection: Section = {
  id: 'trend',
  prepare: ({ input }) => {
    const trend = trendText(input.hiddenData.history)
    const scope = input.prNumber !== undefined ? ' on this pull request' : ''
    const runs = plural(input.hiddenData.history.length, 'run')
    return fixed(trend && `📈 **Trend** over the last ${runs}${scope}: ${trend}`)
  }
}
