import type { Breakdown, Judgement } from '../../judge/types.js'
import type { TimeoutInfo, Verdict } from '../../judge/verdict.js'
import type { HiddenData } from '../hidden-data.js'
import type { Change } from '../trend.js'

/** Where a report goes: the pull request comment, the job summary, or a check run's output summary. */
export type Target = 'comment' | 'summary' | 'check-run'

/**
 * The 95 % interval of a pass rate, in points, as the report reads it (the judge's `interval`). Optional: without
 * a margin a rate shows as `82.5%`, with one as `82.5% ± 6.1`.
 */
export interface RateBounds {
  /** Half-width of the interval; undefined when there is none (fewer than 2 tests). */
  margin?: number
  low?: number
  high?: number
}

export interface Rated {
  interval?: RateBounds
}

/** What a table row reads of a breakdown (a task or an eval definition). */
export type RowData = Pick<
  Breakdown,
  'id' | 'name' | 'type' | 'passed' | 'total' | 'tests' | 'passRate' | 'badge'
> &
  Rated

/** A judgement as the report reads it: its overall rate may carry error bars. */
export type ReportJudgement = Judgement & Rated

/** The run against a baseline, in points (the shape of a stratified comparison, plus what the baseline was). */
export interface BaselineView {
  /** What the run is compared with, e.g. `base commit 1a2b3c4` (untrusted text is escaped). */
  label: string
  url?: string
  /** Pooled rates over the shared tasks, percent. */
  headRate?: number
  baseRate?: number
  /** head − base, points; undefined when no task is shared. */
  change?: number
  margin?: number
  significant: boolean
  /** Only when not significant: the drop this run could detect with 80 % power, points. */
  minimumDetectableDrop?: number
  /** The baseline was measured with other filters: only the shared tasks are compared. */
  scopeDiffers?: boolean
  /** Names of the tasks only in this run, and only in the baseline: listed, not compared. */
  onlyInRun?: string[]
  onlyInBaseline?: string[]
  /** Per task and per eval definition (by id): the baseline's rate and the change. */
  tasks?: ReadonlyMap<string, RowChange>
  evalDefinitions?: ReadonlyMap<string, RowChange>
}

/** One row's change against the baseline. */
export interface RowChange {
  baseRate: number
  change: number
  margin?: number
  /** After Holm's correction over the rows compared. */
  significant: boolean
}

export interface ReportInput {
  judgement: ReportJudgement
  commentKey: string
  repo: { owner: string; name: string }
  sha: string
  prNumber?: number
  links: { runUrl?: string; commitUrl: string; prUrl?: string }
  issue?: { id: string; status: 'filed' | 'existing' | 'dry-run' }
  /** The hidden data of the comment before this run (for the change since then). */
  previous?: HiddenData
  /** The state after this run: embedded in the comment, and the source of the trend. */
  hiddenData: HiddenData
  timedOut?: TimeoutInfo
  /** The gate's verdict, when a regression may have failed it; defaults to `verdictOf(judgement, timedOut)`. */
  verdict?: Verdict
  /** The comparison with a baseline; no comparison section without it. */
  baseline?: BaselineView
  dryRun: boolean
  /** ISO 8601 UTC; the renderer never reads the clock. */
  generatedAt: string
}

export interface RenderOptions {
  /** Comment and check run: UTF-16 code units (never less than GitHub's character count). Summary: UTF-8 bytes. */
  maxLength: number
  target: Target
}

/** What every section may read: the input and what is derived from it once per report. */
export interface SectionContext {
  input: ReportInput
  target: Target
  judgement: ReportJudgement
  verdict: Verdict
  change: Change | undefined
  /** Worst task first (see `byBreakdownOrder`), with the tasks whose tests are all pending last. */
  tasks: RowData[]
}

/**
 * One way a section gives up detail. Steps of all sections are taken in order of `priority` (lower first;
 * ties in the order of the sections). A step keeps at most `max` items; the report keeps the most that fit,
 * from `max` down to 0. A step that drops one thing (passing rows, explanations) has `max` 1.
 */
export interface ShrinkStep {
  id: string
  priority: number
  max: number
}

/** How many items each step of a section keeps: `keep(id)` is Infinity until the step is taken. */
export interface Budget {
  keep(stepId: string): number
}

export interface Rendered {
  /** Markdown blocks, joined with blank lines. */
  blocks: string[]
  /** What was left out, for the shortening notice (`3 passing tasks not listed`). */
  notes?: string[]
}

export interface SectionView {
  steps?: ShrinkStep[]
  /** `notes` are those of all other sections; only a `late` section gets them. */
  render(budget: Budget, notes: readonly string[]): Rendered
}

export interface Section {
  id: string
  /**
   * `never`: never cut (the marker and the hidden data). `minimal`: kept in the minimal report that is left when
   * every step was taken and the report still does not fit. Anything else goes first.
   */
  keep?: 'never' | 'minimal'
  /** Rendered after all other sections, with their notes (the shortening notice). */
  late?: boolean
  /** Builds what the section shows once per report; the view renders it within a budget. */
  prepare(ctx: SectionContext): SectionView
}
