import type { EvalDefinitionRecord, EvalType } from './records.js'

// Eval definitions with fixed ids, shared by the demo application and by tests seeded without their own.

const CREATED = Date.parse('2025-01-06T09:00:00.000Z')

export const STYLE_GUIDE_ID = '5c1e9a7b-3f4d-4e21-9b6a-2d8f0c4e7a13'

const define = (
  id: string,
  name: string,
  type: EvalType,
  extra: Partial<EvalDefinitionRecord> = {}
): EvalDefinitionRecord => ({ id, name, type, createdAt: CREATED, ...extra })

export const DEFINITIONS = {
  naturalness: define('d1a7c0de-0001-4a00-8000-000000000001', 'Naturalness', 'NATURALNESS'),
  brandVoice: define('d1a7c0de-0002-4a00-8000-000000000002', 'Brand voice', 'STYLE', {
    styleGuideId: STYLE_GUIDE_ID
  }),
  recall: define('d1a7c0de-0003-4a00-8000-000000000003', 'Knowledge base recall', 'RECALL'),
  facts: define('d1a7c0de-0004-4a00-8000-000000000004', 'Policy facts', 'FACT', {
    globalConfig: { groundTruth: 'The answer must agree with the current card, refund and fee policies.' }
  }),
  identity: define('d1a7c0de-0005-4a00-8000-000000000005', 'Verifies identity before blocking', 'CUSTOM', {
    globalConfig: { criterion: 'The assistant verifies two identity factors before blocking a card.' }
  }),
  refundPolicy: define('d1a7c0de-0006-4a00-8000-000000000006', 'Follows the refund policy', 'CUSTOM', {
    globalConfig: {
      criterion: 'Only the duplicate of a posted charge is disputed; pending charges are explained.'
    }
  }),
  handoff: define('d1a7c0de-0007-4a00-8000-000000000007', 'Hands off with full context', 'CUSTOM', {
    globalConfig: { criterion: 'When asked for a person, hand off at once with a summary of the issue.' }
  }),
  bankingAction: define(
    'd1a7c0de-0008-4a00-8000-000000000008',
    'Calls the right banking action',
    'OUTPUT_MATCH',
    {
      globalConfig: { type: 'string', extract: { pattern: '([a-z_]+\\(.*\\))', flags: 's', group: 1 } }
    }
  ),
  criterion: define('d1a7c0de-0009-4a00-8000-000000000009', 'Meets the task criterion', 'CUSTOM', {
    globalConfig: { criterion: 'The response completes the task without inventing facts.' }
  })
} satisfies Record<string, EvalDefinitionRecord>

export const DEFAULT_DEFINITION_BY_TYPE: Record<EvalType, EvalDefinitionRecord> = {
  NATURALNESS: DEFINITIONS.naturalness,
  STYLE: DEFINITIONS.brandVoice,
  RECALL: DEFINITIONS.recall,
  FACT: DEFINITIONS.facts,
  CUSTOM: DEFINITIONS.criterion,
  OUTPUT_MATCH: DEFINITIONS.bankingAction
}

/** Evals of a task seeded without its own list. */
export const DEFAULT_TASK_EVALS: EvalType[] = ['NATURALNESS', 'STYLE', 'CUSTOM', 'FACT']

export const EVAL_TYPES: readonly EvalType[] = [
  'NATURALNESS',
  'STYLE',
  'RECALL',
  'CUSTOM',
  'FACT',
  'OUTPUT_MATCH'
]
