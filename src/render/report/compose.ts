import { largestFitting } from '../search.js'
import { TARGETS } from './targets.js'
import type { Budget, Section, SectionContext, SectionView } from './types.js'

// Lays the sections out within a size limit. The full report when it fits; otherwise the steps of all sections
// are taken in order of priority, each keeping the most items that still let the report fit. When every step
// is taken and the report is still too long (only a tiny limit), what is left is the minimal report (the
// `keep` sections and a notice), and at last only the sections that are never cut.

type Mode = 'full' | 'minimal' | 'bare'

const NONE: Budget = { keep: () => 0 }
const MINIMAL_NOTES = ['details left out']

export function composeReport(sections: readonly Section[], ctx: SectionContext, maxLength: number): string {
  const measure = TARGETS[ctx.target].measure
  const fits = (text: string) => measure(text) <= maxLength
  const parts = sections.map(section => ({
    section,
    view: section.prepare(ctx),
    kept: new Map<string, number>()
  }))
  const budgets: Budget[] = parts.map(({ kept }) => ({
    keep: id => kept.get(id) ?? Number.POSITIVE_INFINITY
  }))

  const inMode = (section: Section, mode: Mode) =>
    mode === 'full' || section.keep === 'never' || (mode === 'minimal' && section.keep === 'minimal')

  const compose = (mode: Mode): string => {
    const render = (view: SectionView, i: number, notes: readonly string[]) =>
      view.render(mode === 'full' ? budgets[i] : NONE, notes)
    const rendered = parts.map(({ section, view }, i) =>
      inMode(section, mode) && !section.late ? render(view, i, []) : undefined
    )
    const notes = mode === 'full' ? rendered.flatMap(r => r?.notes ?? []) : MINIMAL_NOTES
    const blocks = parts.flatMap(({ section, view }, i) => {
      if (!inMode(section, mode)) return []
      return (section.late ? render(view, i, notes) : rendered[i])?.blocks ?? []
    })
    return blocks.join('\n\n') + '\n'
  }

  const full = compose('full')
  if (fits(full)) return full

  // Array.prototype.sort is stable: equal priorities keep the order of the sections.
  const steps = parts
    .flatMap(({ view, kept }) => (view.steps ?? []).map(step => ({ step, kept })))
    .sort((a, b) => a.step.priority - b.step.priority)
  for (const { step, kept } of steps) {
    const n = largestFitting(step.max, k => {
      kept.set(step.id, k)
      return fits(compose('full'))
    })
    kept.set(step.id, Math.max(0, n))
    if (n >= 0) return compose('full')
  }

  const minimal = compose('minimal')
  return fits(minimal) ? minimal : compose('bare')
}
