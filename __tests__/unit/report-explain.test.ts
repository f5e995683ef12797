import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Eval } from '../../src/avido/schemas.js'
import { explainEval } from '../../src/judge/explain.js'

const evalOf = (type: string, results: unknown): Eval =>
  ({
    id: 'e1',
    status: 'COMPLETED',
    definition: { id: 'd1', name: 'x', type },
    results: results as Eval['results']
  }) as Eval

const metric = (name: string, score: unknown, error?: string) => ({
  name,
  score,
  ...(error ? { error } : {})
})

describe('explainEval', () => {
  it.each([
    ['NATURALNESS', { analysis: ' Reads naturally. ', clarity: 4, coherence: 5 }, 'Reads naturally.'],
    ['STYLE', { analysis: 'Too formal for the style guide.', score: 2 }, 'Too formal for the style guide.'],
    [
      'CUSTOM',
      { name: 'c', score: 0, metadata: { rationale: 'Did not offer a refund.' } },
      'Did not offer a refund.'
    ],
    ['CUSTOM', { name: 'c', score: 0, error: 'judge timed out' }, 'Error: judge timed out'],
    [
      'OUTPUT_MATCH',
      { reason: 'Value differs', score: 0, expected: '42', got: '41' },
      'Value differs · expected "42", got "41"'
    ],
    [
      'OUTPUT_MATCH',
      { reason: 'Value differs', score: 0, expected: 'x'.repeat(200), got: '41' },
      'Value differs'
    ],
    [
      'RECALL',
      {
        Faithfulness: metric('Faithfulness', 0.421),
        AnswerRelevancy: metric('AnswerRelevancy', 0.91),
        ContextPrecision: metric('ContextPrecision', 1),
        ContextRelevancy: metric('ContextRelevancy', 'bad', 'no context retrieved')
      },
      'Faithfulness 0.42 · AnswerRelevancy 0.91 · ContextPrecision 1 · ContextRelevancy error: no context retrieved'
    ],
    [
      'FACT',
      { classification: { TP: ['a'], FP: ['b'], FN: ['c', 'd'] }, score: 0.5 },
      'F1 0.5 · 2 missed (FN), 1 unsupported (FP)'
    ],
    ['FACT', { score: 0.25, error: 'no ground truth' }, 'F1 0.25 · Error: no ground truth']
  ])('%s %j', (type, results, expected) => {
    expect(explainEval(evalOf(type, results))).toBe(expected)
  })

  it.each([
    ['unknown type', 'GEVAL', { analysis: 'legacy' }],
    ['null results', 'STYLE', null],
    ['missing results', 'STYLE', undefined],
    ['array results', 'STYLE', ['analysis']],
    ['wrong field type', 'STYLE', { analysis: 42 }],
    ['CUSTOM without metadata', 'CUSTOM', { name: 'c', score: 1 }],
    ['RECALL with garbage metrics', 'RECALL', { Faithfulness: 'high', AnswerRelevancy: null }],
    ['FACT with nothing', 'FACT', { classification: 'x' }]
  ])('%s → empty', (_name, type, results) => {
    expect(explainEval(evalOf(type, results))).toBe('')
  })

  it('never throws on arbitrary results', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('NATURALNESS', 'STYLE', 'RECALL', 'CUSTOM', 'FACT', 'OUTPUT_MATCH', 'OTHER'),
        fc.anything(),
        (type, results) => {
          expect(typeof explainEval(evalOf(type, results))).toBe('string')
        }
      )
    )
  })
})
