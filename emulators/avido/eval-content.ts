import { DEMO_CONTENT, EVAL_ERRORS, genericContent, type TaskContent } from './content.js'
import { Prng } from './random.js'
import type { EvalOutcome, EvalRecord, TaskRecord } from './records.js'

// Results per eval type follow the documented shapes per eval type; eval.score is always on a 0–1 scale.

const round2 = (value: number): number => Math.round(value * 100) / 100
const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length

const contentCache = new Map<string, TaskContent>()

function contentOf(task: TaskRecord): TaskContent {
  if (task.contentKey !== undefined && DEMO_CONTENT[task.contentKey]) return DEMO_CONTENT[task.contentKey]
  let content = contentCache.get(task.title)
  if (content === undefined) {
    content = genericContent(task.title)
    if (contentCache.size > 1000) contentCache.clear()
    contentCache.set(task.title, content)
  }
  return content
}

export function outcomeOf(evalRecord: EvalRecord, task: TaskRecord): EvalOutcome {
  if (evalRecord.outcome === undefined) {
    evalRecord.outcome = { ...buildOutcome(evalRecord, contentOf(task)), ...evalRecord.override }
  }
  return evalRecord.outcome
}

function buildOutcome(evalRecord: EvalRecord, content: TaskContent): EvalOutcome {
  const rng = new Prng(evalRecord.contentSeed)
  if (evalRecord.status === 'FAILED') return { score: null, results: { error: rng.pick(EVAL_ERRORS) } }
  const passed = evalRecord.passed === true
  switch (evalRecord.definition.type) {
    case 'NATURALNESS':
      return naturalness(rng, passed, content)
    case 'STYLE': {
      const score = passed ? rng.int(4, 5) : rng.int(1, 3)
      const analysis = rng.pick(passed ? content.style.pass : content.style.fail)
      return { score: round2(score / 5), results: { analysis, score } }
    }
    case 'CUSTOM': {
      const rationale = rng.pick(passed ? content.custom.pass : content.custom.fail)
      const score = passed ? 1 : 0
      return { score, results: { name: evalRecord.definition.name, score, metadata: { rationale } } }
    }
    case 'FACT':
      return fact(rng, passed, content)
    case 'OUTPUT_MATCH': {
      const { expected, wrong } = content.outputMatch
      const got = passed ? expected : rng.pick(wrong)
      const reason = passed
        ? 'The extracted output matches the expected value exactly.'
        : `Expected ${expected} but the response produced ${got}.`
      const score = passed ? 1 : 0
      return { score, results: { reason, expected, got, score } }
    }
    case 'RECALL':
      return recall(rng, passed, content)
  }
}

const DIMENSIONS = ['clarity', 'coherence', 'engagingness', 'naturalness', 'relevance'] as const

function naturalness(rng: Prng, passed: boolean, content: TaskContent): EvalOutcome {
  const scores = DIMENSIONS.map(() => (passed ? rng.int(4, 5) : rng.int(3, 5)))
  if (!passed) {
    const weak = rng.int(1, 2)
    for (let i = 0; i < weak; i++) scores[rng.int(0, DIMENSIONS.length - 1)] = rng.int(1, 3)
  }
  const results: Record<string, unknown> = {
    analysis: rng.pick(passed ? content.naturalness.pass : content.naturalness.fail)
  }
  DIMENSIONS.forEach((dimension, i) => (results[dimension] = scores[i]))
  return { score: round2(mean(scores) / 5), results }
}

function fact(rng: Prng, passed: boolean, content: TaskContent): EvalOutcome {
  const { correct, wrong, missed } = content.facts
  const TP = passed ? correct : correct.slice(0, 1)
  const FP = passed ? [] : [rng.pick(wrong)]
  const FN = passed ? (rng.float() < 0.3 && TP.length >= 3 ? missed.slice(0, 1) : []) : missed.slice(0, 2)
  const score = round2((2 * TP.length) / (2 * TP.length + FP.length + FN.length))
  return { score, results: { classification: { TP, FP, FN }, score } }
}

function recall(rng: Prng, passed: boolean, content: TaskContent): EvalOutcome {
  const { question, context, statements, unsupported } = content.recall
  const metric = (): number => round2(passed ? 0.7 + rng.float() * 0.3 : 0.1 + rng.float() * 0.35)
  const [relevancy, precision, contextRelevancy, faithfulness] = [metric(), metric(), metric(), metric()]
  const verdicts = statements.map(statement => ({
    statement,
    verdict: 1,
    reason: 'Supported by the retrieved context.'
  }))
  const claims = passed
    ? verdicts
    : [
        ...verdicts,
        {
          statement: unsupported,
          verdict: 0,
          reason: 'The retrieved context does not support this claim.',
          classification: 'UNSUPPORTED_CLAIM'
        }
      ]
  const results = {
    AnswerRelevancy: {
      name: 'AnswerRelevancy',
      score: relevancy,
      metadata: { questions: [{ question }], similarity: [{ question, score: relevancy }] }
    },
    ContextPrecision: {
      name: 'ContextPrecision',
      score: precision,
      metadata: {
        reason: passed
          ? 'The retrieved passage answers the question directly.'
          : 'The top retrieved passage is about a different product.',
        verdict: passed ? 1 : 0
      }
    },
    ContextRelevancy: {
      name: 'ContextRelevancy',
      score: contextRelevancy,
      metadata: {
        relevantSentences: [{ sentence: context, reasons: ['Mentions what the user asked about.'] }]
      }
    },
    Faithfulness: {
      name: 'Faithfulness',
      score: faithfulness,
      metadata: { faithfulness: claims, statements: claims.map(claim => claim.statement) }
    }
  }
  return { score: round2(mean([relevancy, precision, contextRelevancy, faithfulness])), results }
}
