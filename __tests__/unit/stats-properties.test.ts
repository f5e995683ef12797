import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  type RateSums,
  compareStratified,
  emptySums,
  mergeSums,
  rateInterval,
  residualSumOfSquares,
  sumsOf
} from '../../src/stats/index.js'

type Pair = [number, number]
const test = fc
  .integer({ min: 0, max: 12 })
  .chain(evals => fc.integer({ min: 0, max: evals }).map((passed): Pair => [passed, evals]))
const tests = fc.array(test, { maxLength: 60 })
const run = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  fc.array(test, { minLength: 1, maxLength: 15 })
)
const toMap = (byKey: Record<string, Pair[]>): Map<string, RateSums> =>
  new Map(Object.entries(byKey).map(([key, list]) => [key, sumsOf(list)]))

describe('rateInterval properties', () => {
  it('contains the rate, stays within [0, 100], and is never of zero width', () => {
    fc.assert(
      fc.property(tests, list => {
        const interval = rateInterval(sumsOf(list))
        expect(interval.rate).toBeGreaterThanOrEqual(0)
        expect(interval.rate).toBeLessThanOrEqual(100)
        if (interval.method === 'none') {
          expect(interval.margin).toBeUndefined()
          return
        }
        const { low, high, margin } = interval as Required<typeof interval>
        expect(low).toBeGreaterThanOrEqual(0)
        expect(high).toBeLessThanOrEqual(100)
        expect(low).toBeLessThanOrEqual(interval.rate)
        expect(high).toBeGreaterThanOrEqual(interval.rate)
        expect(high - low).toBeGreaterThan(0)
        expect(margin).toBeGreaterThan(0)
      })
    )
  })

  it('has the margin exactly when there are 2 tests and some evals', () => {
    fc.assert(
      fc.property(tests, list => {
        const sums = sumsOf(list)
        expect(rateInterval(sums).margin !== undefined).toBe(sums.tests >= 2 && sums.evals > 0)
      })
    )
  })

  it('gets the residuals from the sums as from the tests themselves', () => {
    fc.assert(
      fc.property(tests, list => {
        const sums = sumsOf(list)
        const p = sums.evals > 0 ? sums.passed / sums.evals : 0
        const direct = list.reduce((sum, [x, e]) => sum + (x - p * e) ** 2, 0)
        expect(residualSumOfSquares(sums)).toBeCloseTo(direct, 8)
      })
    )
  })
})

describe('accumulation properties', () => {
  it('does not depend on the order of the tests', () => {
    fc.assert(
      fc.property(
        tests.chain(list =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))
        ),
        ([list, shuffled]) => {
          expect(sumsOf(shuffled)).toEqual(sumsOf(list))
        }
      )
    )
  })

  it('merges two pages into the sums of their union', () => {
    fc.assert(
      fc.property(tests, tests, (first, second) => {
        expect(mergeSums(sumsOf(first), sumsOf(second))).toEqual(sumsOf([...first, ...second]))
        expect(mergeSums(emptySums(), sumsOf(first))).toEqual(sumsOf(first))
      })
    )
  })
})

describe('compareStratified properties', () => {
  it('finds no change between a run and itself', () => {
    fc.assert(
      fc.property(run, byKey => {
        const result = compareStratified(toMap(byKey), toMap(byKey))
        if (result.sharedTasks.length === 0) {
          expect(result.change).toBeUndefined()
          return
        }
        expect(result.change).toBe(0)
        expect(result.significant).toBe(false)
        expect(result.direction).toBe('none')
        expect(result.minimumDetectableDrop).toBeGreaterThan(0)
        expect(result.sharedTasks.every(task => !task.significant && task.direction === 'none')).toBe(true)
      })
    )
  })

  it('keeps the change within ±100 points with an interval around it, and a detectable drop only when not significant', () => {
    fc.assert(
      fc.property(run, run, (head, base) => {
        const result = compareStratified(toMap(head), toMap(base))
        if (result.change === undefined) return
        const { change, low, high, se } = result as Required<typeof result>
        expect(Math.abs(change)).toBeLessThanOrEqual(100 + 1e-9)
        expect(low).toBeLessThanOrEqual(change)
        expect(high).toBeGreaterThanOrEqual(change)
        expect(se).toBeGreaterThan(0)
        expect(result.significant).toBe(low > 0 || high < 0)
        expect(result.minimumDetectableDrop === undefined).toBe(result.significant)
        const keys = new Set([
          ...result.sharedTasks.map(task => task.key),
          ...result.onlyInHead,
          ...result.onlyInBase
        ])
        expect(keys.size).toBe(
          result.sharedTasks.length + result.onlyInHead.length + result.onlyInBase.length
        )
      })
    )
  })
})
