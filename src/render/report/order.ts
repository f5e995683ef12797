import { changeSection } from './sections/change.js'
import { comparisonSection } from './sections/comparison.js'
import { evalDefinitionsSection } from './sections/eval-definitions.js'
import { failingEvalsSection } from './sections/failing-evals.js'
import { footerSection } from './sections/footer.js'
import { headingSection } from './sections/heading.js'
import { hiddenDataSection, markerSection } from './sections/hidden.js'
import { issueSection } from './sections/issue.js'
import { linksSection } from './sections/links.js'
import { noticeSection } from './sections/notice.js'
import { pendingSection } from './sections/pending.js'
import { tasksSection } from './sections/tasks.js'
import { trendSection } from './sections/trend.js'
import type { Section } from './types.js'

/**
 * The sections of the report, top to bottom. A section is one file under sections/ and one entry here; what it
 * gives up to fit the limit, and when, is its own (its steps and their priorities).
 */
export const REPORT_SECTIONS: readonly Section[] = [
  markerSection,
  headingSection,
  comparisonSection,
  changeSection,
  tasksSection,
  evalDefinitionsSection,
  failingEvalsSection,
  pendingSection,
  issueSection,
  linksSection,
  trendSection,
  noticeSection,
  footerSection,
  hiddenDataSection
]
