import type { RunRecord } from '../records.js'
import type { Route } from '../router.js'
import type { EmulatorState } from '../state.js'
import { isRunVisible, runModifiedAt, serializeRun } from '../test-view.js'
import { QueryReader, notFound } from '../validation.js'
import { page, pathId, readPaging, sortBy } from './paging.js'

export function runRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v0/runs',
      list: true,
      handle({ query, now }) {
        const reader = new QueryReader(query)
        const { skip, limit, orderDir } = readPaging(reader)
        const orderBy = reader.enumValue('orderBy', ['createdAt', 'modifiedAt', 'type', 'id'], 'createdAt')
        const startDate = reader.dateTime('startDate')
        const endDate = reader.dateTime('endDate')
        const order = [...state.store.runs.values()]
        const runs = order.filter(
          run =>
            isRunVisible(run, now) &&
            (startDate === undefined || run.createdAt >= startDate) &&
            (endDate === undefined || run.createdAt <= endDate)
        )
        const position = new Map(order.map((run, i) => [run, i]))
        const key = (run: RunRecord): number | string =>
          orderBy === 'createdAt'
            ? run.createdAt
            : orderBy === 'modifiedAt'
              ? runModifiedAt(run, now)
              : orderBy === 'type'
                ? run.type
                : run.id
        sortBy(runs, key, orderDir, run => position.get(run) ?? 0)
        return { status: 200, body: page(runs, skip, limit, run => serializeRun(run, now, state.app)) }
      }
    },
    {
      method: 'GET',
      pattern: '/v0/runs/:id',
      handle({ params, now }) {
        const run = state.store.runs.get(pathId(params))
        if (run === undefined || !isRunVisible(run, now)) throw notFound('Run not found')
        return { status: 200, body: { run: serializeRun(run, now, state.app) } }
      }
    }
  ]
}
