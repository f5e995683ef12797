import { HUMAN_ANNOTATION_SOURCES } from '../../../src/avido/schemas.js'
import { addIssue } from '../issue-factory.js'
import type { StoredAnnotation, StoredHumanAnnotation } from '../records.js'
import type { Route } from '../router.js'
import type { EmulatorState } from '../state.js'
import { iso } from '../test-view.js'
import { BodyReader, badRequest, requireObjectBody } from '../validation.js'

const MIN_NEGATIVE_CRITIQUE = 20

export function annotationRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v0/annotations',
      handle({ body, now }) {
        const reader = new BodyReader(requireObjectBody(body))
        const title = reader.requiredString('title')
        const description = reader.string('description', { nullable: true }) ?? null
        const createdAt = reader.dateTime('createdAt')
        const traceStepId = reader.uuid('traceStepId') ?? null
        const annotation: StoredAnnotation = {
          id: state.rng.uuid(),
          orgId: state.app.orgId,
          title,
          description,
          createdAt: createdAt === undefined ? iso(now) : iso(Date.parse(createdAt)),
          modifiedAt: iso(now),
          traceStepId
        }
        state.store.annotations.push(annotation)
        return { status: 201, body: { data: annotation } }
      }
    },
    {
      method: 'POST',
      pattern: '/v0/human-annotations',
      handle({ body, now }) {
        const reader = new BodyReader(requireObjectBody(body))
        const traceId = reader.uuid('traceId', true) as string
        const verdict = reader.requiredBoolean('verdict')
        const source = reader.enumValue(
          'source',
          HUMAN_ANNOTATION_SOURCES,
          true
        ) as StoredHumanAnnotation['source']
        const critique = reader.string('critique', { min: 1, max: 2048 }) ?? undefined
        if (!verdict && (critique === undefined || critique.length < MIN_NEGATIVE_CRITIQUE)) {
          throw badRequest(
            `Invalid body field critique: required (at least ${MIN_NEGATIVE_CRITIQUE} characters) when verdict is false`
          )
        }
        let queueItemId: string | undefined
        if (source === 'REVIEW_QUEUE') queueItemId = reader.uuid('queueItemId', true)
        else if (reader.has('queueItemId')) {
          throw badRequest(
            'Invalid body field queueItemId: must not be provided unless source is REVIEW_QUEUE'
          )
        }
        // A thumbs-down lands in the Inbox as an issue, as Avido does.
        const issue = verdict
          ? null
          : addIssue(state, {
              title: `Negative human annotation on trace ${traceId}`,
              description: critique ?? null,
              source: 'API',
              type: 'HUMAN_ANNOTATION',
              traceId,
              createdAt: now
            })
        const annotation: StoredHumanAnnotation = {
          id: state.rng.uuid(),
          orgId: state.app.orgId,
          applicationId: state.app.applicationId,
          traceId,
          verdict,
          source,
          createdAt: iso(now),
          modifiedAt: iso(now),
          critique: critique ?? null,
          annotatorId: 'api',
          queueItemId: queueItemId ?? null,
          issueId: issue?.id ?? null
        }
        state.store.humanAnnotations.push(annotation)
        return { status: 201, body: { data: annotation } }
      }
    }
  ]
}
