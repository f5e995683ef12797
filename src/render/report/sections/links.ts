import { shortSha } from '../../../shared/format.js'
import { fixed, link, safeUrl } from '../cells.js'
import { TARGETS } from '../targets.js'
import type { Section } from '../types.js'

/** The workflow run, the commit, and the pull request where the reader is not on it already. */
export const linksSection: Section = {
  id: 'links',
  prepare: ({ input, target }) => {
    const links = [
      safeUrl(input.links.runUrl) ? link('Workflow run', input.links.runUrl) : '',
      `Commit ${link(`\`${shortSha(input.sha) || 'unknown'}\``, input.links.commitUrl)}`,
      TARGETS[target].prLink && input.links.prUrl ? link('Pull request', input.links.prUrl) : ''
    ].filter(Boolean)
    return fixed(`🔗 ${links.join(' · ')}`)
  }
}
