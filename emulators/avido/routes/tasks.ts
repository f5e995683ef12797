import type { Task } from '../../../src/avido/schemas.js'
import type { TaskRecord } from '../records.js'
import type { Route } from '../router.js'
import type { DataSeeder } from '../seeder.js'
import type { EmulatorState } from '../state.js'
import { iso, isSettled, isVisible, serializeDefinition } from '../test-view.js'
import { triggerTasks } from '../trigger.js'
import { BodyReader, notFound, requireObjectBody } from '../validation.js'
import { pathId } from './paging.js'

const THIRTY_DAYS = 30 * 24 * 3600 * 1000

export function serializeTask(
  task: TaskRecord,
  state: EmulatorState,
  now: number
): Task & Record<string, unknown> {
  let passed = 0
  let total = 0
  let lastTest: number | null = null
  for (const test of state.store.tests.values()) {
    if (test.task !== task || !isVisible(test, now)) continue
    lastTest = Math.max(lastTest ?? 0, test.createdAt)
    if (isSettled(test, now) && test.counts !== null && test.createdAt >= now - THIRTY_DAYS) {
      passed += test.counts.passed
      total += test.counts.total
    }
  }
  const createdAt = iso(task.createdAt)
  return {
    id: task.id,
    createdAt,
    modifiedAt: createdAt,
    title: task.title,
    description: task.description,
    type: task.type,
    status: 'ACTIVE',
    passRate: total === 0 ? null : (passed / total) * 100,
    lastTest: lastTest === null ? null : iso(lastTest),
    topicId: task.topicId,
    metadata: task.metadata,
    inputExamples: [],
    evalDefinitions: task.definitions.map(definition => ({
      evalDefinition: serializeDefinition(definition)
    })),
    tags: task.tags
  }
}

export function taskRoutes(state: EmulatorState, seeder: DataSeeder): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v0/tasks',
      handle({ body, now }) {
        const reader = new BodyReader(requireObjectBody(body))
        const title = reader.requiredString('title')
        const description = reader.requiredString('description')
        const type = reader.enumValue('type', ['STATIC', 'NORMAL'])
        const topicId = reader.uuid('topicId')
        const metadata = reader.object('metadata')
        reader.object('simulatedPromptSchema')
        const { id } = seeder.task({ title, description, topicId: topicId ?? null, createdAt: now })
        const task = state.store.tasks.get(id) as TaskRecord
        task.type = type ?? 'NORMAL'
        task.metadata = metadata ?? null
        return { status: 201, body: { task: serializeTask(task, state, now) } }
      }
    },
    {
      method: 'GET',
      pattern: '/v0/tasks/:id',
      handle({ params, now }) {
        const task = state.store.tasks.get(pathId(params))
        if (task === undefined) throw notFound('Task not found')
        return { status: 200, body: { task: serializeTask(task, state, now) } }
      }
    },
    {
      method: 'POST',
      pattern: '/v0/tasks/trigger',
      handle({ body }) {
        const ids = new BodyReader(requireObjectBody(body)).uuidArray('taskIds')
        const tasks = [...new Set(ids.map(id => id.toLowerCase()))].map(id => {
          const task = state.store.tasks.get(id)
          if (task === undefined) throw notFound('Task not found')
          return task
        })
        triggerTasks(state, seeder, tasks)
        return { status: 204 }
      }
    }
  ]
}
