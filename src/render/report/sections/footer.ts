import { formatThreshold, formatTimestamp } from '../../../shared/format.js'
import { escapeCode } from '../../escape.js'
import { fixed } from '../cells.js'
import { TARGETS } from '../targets.js'
import type { Section } from '../types.js'

/** The settings the run was judged with, the comment key and when the report was made. */
export const footerSection: Section = {
  id: 'footer',
  prepare: ({ input, target, judgement: j }) => {
    const parts = [
      'Avido test gate',
      `success above ${formatThreshold(j.thresholds.warning)}%, error at or below ${formatThreshold(j.thresholds.error)}%`,
      `fail-on ${j.failOn}`,
      TARGETS[target].keyInFooter ? `key ${escapeCode(input.commentKey, 120)}` : '',
      formatTimestamp(input.generatedAt)
    ].filter(Boolean)
    return fixed(`<sub>${parts.join(' · ')}</sub>`)
  }
}
