import type { BaselineComparison } from '../judge/baseline.js'
import type { Judgement } from '../judge/types.js'
import { formatTimestamp, shortSha } from '../shared/format.js'
import type { TaskChange } from '../stats/index.js'
import type { BaselineView, RowChange } from './report/types.js'

/** Where the repository lives on GitHub, for the link to the base commit. */
export interface RepositoryLinks {
  serverUrl: string
  owner: string
  repo: string
}

function rowChanges(changes: TaskChange[]): Map<string, RowChange> {
  return new Map(
    changes.map(c => [
      c.key,
      {
        baseRate: c.base.rate,
        change: c.change,
        ...(c.se > 0 ? { margin: c.margin } : {}),
        significant: c.significant
      }
    ])
  )
}

/** What the report shows of the comparison: the baseline named and linked, the change, the rows. */
export function baselineView(
  compared: BaselineComparison,
  judgement: Judgement,
  context: RepositoryLinks
): BaselineView {
  const { baseline, comparison: c } = compared
  const when = formatTimestamp(baseline.measuredAt)
  const label =
    baseline.source === 'base-commit'
      ? `base commit ${shortSha(baseline.sha ?? '')}`
      : `scheduled Avido run${(baseline.runIds?.length ?? 0) > 1 ? 's' : ''}${when ? ` of ${when}` : ''}`
  const names = new Map(judgement.tasks.map(task => [task.id, task.name]))
  return {
    label,
    ...(baseline.source === 'base-commit' && baseline.sha
      ? { url: `${context.serverUrl}/${context.owner}/${context.repo}/commit/${baseline.sha}` }
      : {}),
    ...(c.headRate !== undefined ? { headRate: c.headRate } : {}),
    ...(c.baseRate !== undefined ? { baseRate: c.baseRate } : {}),
    ...(c.change !== undefined ? { change: c.change } : {}),
    ...(c.margin !== undefined ? { margin: c.margin } : {}),
    significant: c.significant,
    ...(c.minimumDetectableDrop !== undefined ? { minimumDetectableDrop: c.minimumDetectableDrop } : {}),
    scopeDiffers: compared.scopeDiffers,
    onlyInRun: c.onlyInHead.map(id => names.get(id) ?? id),
    onlyInBaseline: c.onlyInBase,
    tasks: rowChanges(c.sharedTasks),
    evalDefinitions: rowChanges(compared.evalDefinitions)
  }
}
