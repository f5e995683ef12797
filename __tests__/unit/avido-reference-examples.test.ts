import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import {
  AnnotationResponseSchema,
  CreateAnnotationBodySchema,
  CreateHumanAnnotationBodySchema,
  CreateTaskBodySchema,
  ErrorResponseSchema,
  HumanAnnotationResponseSchema,
  TaskResponseSchema,
  TestListResponseSchema
} from '../../src/avido/schemas.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'avido-reference')

interface Example {
  role: 'request' | 'response'
  json: unknown
}

/**
 * Every JSON object in a reference page that starts a line (a response example) or follows curl's
 * `--data '` (a request example). Objects are cut by balancing braces outside strings.
 */
function extractExamples(text: string): Example[] {
  const examples: Example[] = []
  let index = 0
  while (index < text.length) {
    const start = text.indexOf('{', index)
    if (start < 0) break
    const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start)
    const afterData = /--data\s+'\s*$/.test(text.slice(Math.max(0, start - 20), start))
    if (before.trim() !== '' && !afterData) {
      index = start + 1
      continue
    }
    const end = matchingBrace(text, start)
    examples.push({ role: afterData ? 'request' : 'response', json: JSON.parse(text.slice(start, end + 1)) })
    index = end + 1
  }
  return examples
}

function matchingBrace(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i
  }
  throw new Error(`unbalanced JSON example at ${start}`)
}

interface PageCase {
  file: string
  requests: number
  responses: number
  requestSchema?: z.ZodType
  responseSchema: z.ZodType
}

const pages: PageCase[] = [
  { file: 'get-tests.txt', requests: 0, responses: 1, responseSchema: TestListResponseSchema },
  {
    file: 'post-annotations.txt',
    requests: 1,
    responses: 1,
    requestSchema: CreateAnnotationBodySchema,
    responseSchema: AnnotationResponseSchema
  },
  {
    file: 'post-human-annotations.txt',
    requests: 1,
    responses: 1,
    requestSchema: CreateHumanAnnotationBodySchema,
    responseSchema: HumanAnnotationResponseSchema
  },
  { file: 'post-issues.txt', requests: 0, responses: 1, responseSchema: ErrorResponseSchema },
  // The tasks page repeats its example; its request carries the legacy applicationId, which is stripped.
  {
    file: 'post-tasks.txt',
    requests: 2,
    responses: 2,
    requestSchema: CreateTaskBodySchema,
    responseSchema: TaskResponseSchema
  }
]

describe('Avido reference page examples', () => {
  describe.each(pages)('$file', ({ file, requests, responses, requestSchema, responseSchema }) => {
    const examples = extractExamples(readFileSync(join(FIXTURES, file), 'utf8'))

    it('holds the expected number of examples', () => {
      expect(examples.filter(e => e.role === 'request')).toHaveLength(requests)
      expect(examples.filter(e => e.role === 'response')).toHaveLength(responses)
    })

    it('parses every response example with the matching schema', () => {
      for (const example of examples.filter(e => e.role === 'response')) {
        const result = responseSchema.safeParse(example.json)
        expect(result.error?.issues ?? []).toEqual([])
      }
    })

    if (requestSchema) {
      it('parses every request example with the matching body schema', () => {
        for (const example of examples.filter(e => e.role === 'request')) {
          expect(requestSchema.safeParse(example.json).error?.issues ?? []).toEqual([])
        }
      })
    }
  })

  it('reads the documented values out of the tests list example', () => {
    const [example] = extractExamples(readFileSync(join(FIXTURES, 'get-tests.txt'), 'utf8'))
    const list = TestListResponseSchema.parse(example?.json)
    expect(list.pagination).toEqual({ skip: 0, limit: 25, total: 100, totalPages: 4, totalCount: 100 })
    const [test] = list.data
    expect(test?.status).toBe('COMPLETED')
    expect(test?.runType).toBe('MANUAL')
    expect(test?.result?.passRate).toBe(50)
    expect(test?.evals[0]?.definition.type).toBe('NATURALNESS')
    expect(test?.evals[0]?.results).toMatchObject({ naturalness: 3, analysis: '<string>' })
    expect(test?.task).toEqual({
      id: '123e4567-e89b-12d3-a456-426614174000',
      title: 'Credit Card Block',
      topicId: '789e4567-e89b-12d3-a456-426614174000'
    })
  })

  it('reads the error body of the issues page', () => {
    const [example] = extractExamples(readFileSync(join(FIXTURES, 'post-issues.txt'), 'utf8'))
    expect(ErrorResponseSchema.parse(example?.json)).toEqual({ message: 'Resource not found' })
  })

  it('keeps the task identity from the legacy-shaped task example', () => {
    const example = extractExamples(readFileSync(join(FIXTURES, 'post-tasks.txt'), 'utf8')).find(
      e => e.role === 'response'
    )
    const { task } = TaskResponseSchema.parse(example?.json)
    expect(task).toMatchObject({
      id: '123e4567-e89b-12d3-a456-426614174000',
      title: 'Credit Card Block',
      passRate: 66
    })
  })
})
