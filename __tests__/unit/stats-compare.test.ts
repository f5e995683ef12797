import { describe, expect, it } from '@jest/globals'
import {
  type RateSums,
  compareStratified,
  pooledResidualVariance,
  studentT975,
  studentTQuantile,
  sumsOf,
  welchSatterthwaite
} from '../../src/stats/index.js'

type Pair = [number, number]
const repeat = (n: number, test: Pair): Pair[] => Array.from({ length: n }, () => test)
const tasks = (byKey: Record<string, Pair[]>): Map<string, RateSums> =>
  new Map(Object.entries(byKey).map(([key, tests]) => [key, sumsOf(tests)]))

describe('compareStratified: overall change', () => {
  it('finds a significant drop', () => {
    // One task of single-eval tests. Base 27/30 = 0.9: RSS = 30·0.9·0.1 = 2.7, Var = (30/29·2.7)/30² = 0.0031034.
    // Head 15/30 = 0.5: RSS = 7.5, Var = (30/29·7.5)/900 = 0.0086207. SE = √0.0117241 = 10.8278 points.
    // df = 0.0117241² / ((0.0031034² + 0.0086207²)/29) = 47.48; t = 2.0112 → margin 21.777 → [−61.78, −18.22].
    const result = compareStratified(
      tasks({ a: [...repeat(15, [1, 1]), ...repeat(15, [0, 1])] }),
      tasks({ a: [...repeat(27, [1, 1]), ...repeat(3, [0, 1])] })
    )
    expect(result.change).toBeCloseTo(-40, 10)
    expect(result.se).toBeCloseTo(10.827806, 5)
    expect(result.margin).toBeCloseTo(21.777, 2)
    expect(result.high).toBeCloseTo(-18.223, 2)
    expect(result).toMatchObject({ significant: true, direction: 'down', headRate: 50, baseRate: 90 })
    expect(result.minimumDetectableDrop).toBeUndefined()
    expect(result.sharedTasks[0]).toMatchObject({ key: 'a', significant: true, direction: 'down' })
  })

  it('calls a drop within noise and states the smallest drop it could detect', () => {
    // Base 8/10: Var = (10/9·1.6)/100 = 0.017778; head 7/10: Var = (10/9·2.1)/100 = 0.023333.
    // SE = √0.041111 = 20.2759 points; df = 0.041111²/((0.017778² + 0.023333²)/9) = 17.68.
    // Interval −10 ± 2.1035·20.2759 = −10 ± 42.65 contains 0. Detectable drop (t₀.₉₇₅ + t₀.₈)·SE ≈ 2.966·20.28 = 60.1.
    const result = compareStratified(
      tasks({ a: [...repeat(7, [1, 1]), ...repeat(3, [0, 1])] }),
      tasks({ a: [...repeat(8, [1, 1]), ...repeat(2, [0, 1])] })
    )
    expect(result.change).toBeCloseTo(-10, 10)
    expect(result.se).toBeCloseTo(20.275875, 5)
    expect(result.margin).toBeCloseTo(42.654, 2)
    expect(result).toMatchObject({ significant: false, direction: 'none' })
    expect(result.minimumDetectableDrop).toBeCloseTo(60.14, 1)
    const df = welchSatterthwaite([
      { variance: 0.16 / 9, df: 9 },
      { variance: 0.21 / 9, df: 9 }
    ])
    expect(df).toBeCloseTo(17.68, 2)
    expect(result.minimumDetectableDrop).toBeCloseTo(
      (studentT975(df) + studentTQuantile(0.8, df)) * 20.275875,
      6
    )
    expect(result.sharedTasks[0]).toMatchObject({ significant: false, direction: 'none' })
  })

  it('weights each task by the run’s evals, not by the pooled rates', () => {
    // Task a: head 5/10 (w = 10), base 6/8; task b: head 25/30 (w = 30), base 11/12.
    // change = (10·(0.5 − 0.75) + 30·(25/30 − 11/12)) / 40 = (−2.5 − 2.5)/40 = −12.5 points,
    // although the pooled rates 30/40 = 75 % and 17/20 = 85 % differ by 10.
    // Variances: head a (residuals 1,0,−1,0,0) (5/4·2)/100 = 0.025; base a (±0.5) (4/3·1)/64 = 0.0208333;
    // head b (RSS 4.5) (10/9·4.5)/900 = 0.0055556; base b (RSS 0.75) (4/3·0.75)/144 = 0.0069444.
    // Var = (1/4)²·0.0458333 + (3/4)²·0.0125 = 0.0098958 → SE 9.94778 points; df 13.33, t = 2.1550 → margin 21.437.
    const result = compareStratified(
      tasks({
        a: [
          [2, 2],
          [1, 2],
          [0, 2],
          [1, 2],
          [1, 2]
        ],
        b: [3, 2, 3, 1, 3, 3, 2, 3, 2, 3].map((x): Pair => [x, 3])
      }),
      tasks({
        a: [
          [2, 2],
          [2, 2],
          [1, 2],
          [1, 2]
        ],
        b: [
          [3, 3],
          [3, 3],
          [2, 3],
          [3, 3]
        ]
      })
    )
    expect(result.change).toBeCloseTo(-12.5, 10)
    expect(result.headRate).toBeCloseTo(75, 10)
    expect(result.baseRate).toBeCloseTo(85, 10)
    expect(result.se).toBeCloseTo(9.94778, 4)
    expect(result.margin).toBeCloseTo(21.437, 2)
    expect(result.significant).toBe(false)
    expect(result.sharedTasks.map(task => task.change)).toEqual([
      expect.closeTo(-25, 10),
      expect.closeTo(-8.3333, 3)
    ])
  })

  it('compares a run with itself as no change', () => {
    const run = tasks({
      a: [
        [2, 2],
        [1, 2],
        [0, 2]
      ],
      b: repeat(5, [3, 3])
    })
    const result = compareStratified(run, run)
    expect(result).toMatchObject({ change: 0, significant: false, direction: 'none' })
    expect(result.minimumDetectableDrop).toBeGreaterThan(0)
  })
})

describe('compareStratified: tasks on one side', () => {
  const base = tasks({
    a: [
      [4, 4],
      [3, 4],
      [2, 4],
      [3, 4]
    ]
  })

  it('gives a single-test task the pooled variance of its side', () => {
    // Head task b (4,4),(2,4),(3,4): residuals 1, −1, 0 → RSS 2 over 2 df → s² = 1; head a has one test (3,4):
    // Var = 1·1/4² = 0.0625. Base a (residuals 1,0,−1,0): (4/3·2)/16² = 0.0104167.
    // SE = √0.0729167 = 27.0031 points; df = 0.0729167²/(0.0625²/2 + 0.0104167²/3) = 2.673.
    const result = compareStratified(
      tasks({
        a: [[3, 4]],
        b: [
          [4, 4],
          [2, 4],
          [3, 4]
        ]
      }),
      base
    )
    expect(result.se).toBeCloseTo(27.003086, 5)
    expect(result.margin).toBeCloseTo(studentT975(2.6727) * 27.003086, 2)
    expect(result.onlyInHead).toEqual(['b'])
    expect(result.sharedTasks).toHaveLength(1)
    expect(result.sharedTasks[0]).toMatchObject({ key: 'a', change: 0, pValue: 1, significant: false })
    expect(result.sharedTasks[0].head).toEqual({ rate: 75, tests: 1, method: 'none' })
  })

  it('takes the largest variance a rate can have when its side has nothing to pool', () => {
    // Head has one test in all: Var = 1/4 (50 points SE). SE = √(0.25 + 0.0104167) = 51.0310 points.
    const result = compareStratified(tasks({ a: [[3, 4]] }), base)
    expect(result.se).toBeCloseTo(51.031036, 5)
    expect(result.significant).toBe(false)
  })

  it('pools single-test tasks through the side’s overall spread', () => {
    // (3,4) and (1,4) in two tasks: overall p = 0.5, residuals 1 and −1 → s² = 2/1 = 2 with 1 df.
    expect(pooledResidualVariance(tasks({ a: [[3, 4]], c: [[1, 4]] }))).toEqual({ variance: 2, df: 1 })
    expect(pooledResidualVariance(tasks({ a: [[3, 4]] }))).toBeUndefined()
    // only tasks with ≥ 2 tests pool: b gives RSS 2 over 2 df, a's single test is left out
    expect(
      pooledResidualVariance(
        tasks({
          a: [[0, 4]],
          b: [
            [4, 4],
            [2, 4],
            [3, 4]
          ]
        })
      )
    ).toEqual({ variance: 1, df: 2 })
  })

  it('lists tasks only in one side and treats a task without evals as absent', () => {
    const result = compareStratified(
      tasks({
        a: [
          [1, 2],
          [2, 2]
        ],
        b: [[1, 1]],
        c: [[0, 0]]
      }),
      tasks({
        a: [
          [1, 2],
          [2, 2]
        ],
        c: [[1, 1]],
        d: [[1, 1]]
      })
    )
    expect(result.sharedTasks.map(task => task.key)).toEqual(['a'])
    expect(result.onlyInHead).toEqual(['b'])
    expect(result.onlyInBase).toEqual(['c', 'd'])
  })

  it('has no change when no task is shared', () => {
    expect(compareStratified(tasks({ a: [[1, 1]] }), tasks({ b: [[1, 1]] }))).toEqual({
      significant: false,
      direction: 'none',
      sharedTasks: [],
      onlyInHead: ['a'],
      onlyInBase: ['b']
    })
    const empty = compareStratified(new Map(), new Map())
    expect(empty.change).toBeUndefined()
    expect(empty.sharedTasks).toEqual([])
  })
})

describe('compareStratified: per task', () => {
  it('marks only the tasks that stay significant after Holm', () => {
    // x: the significant drop above (p = 0.00057); y: unchanged (p = 1); z: 8/10 → 5/10 (p ≈ 0.17).
    const result = compareStratified(
      tasks({
        x: [...repeat(15, [1, 1]), ...repeat(15, [0, 1])],
        y: [
          [2, 2],
          [1, 2],
          [0, 2]
        ],
        z: [...repeat(5, [1, 1]), ...repeat(5, [0, 1])]
      }),
      tasks({
        x: [...repeat(27, [1, 1]), ...repeat(3, [0, 1])],
        y: [
          [2, 2],
          [1, 2],
          [0, 2]
        ],
        z: [...repeat(8, [1, 1]), ...repeat(2, [0, 1])]
      })
    )
    const [x, y, z] = result.sharedTasks
    expect(x.pValue).toBeLessThan(0.05 / 3)
    expect(x).toMatchObject({ significant: true, direction: 'down' })
    expect(y).toMatchObject({ change: 0, pValue: 1, significant: false, direction: 'none' })
    expect(z.pValue).toBeGreaterThan(0.05)
    expect(z).toMatchObject({ significant: false, direction: 'none' })
  })

  it('marks a rise as up', () => {
    const result = compareStratified(
      tasks({ a: [...repeat(27, [1, 1]), ...repeat(3, [0, 1])] }),
      tasks({ a: [...repeat(15, [1, 1]), ...repeat(15, [0, 1])] })
    )
    expect(result).toMatchObject({ significant: true, direction: 'up' })
    expect(result.sharedTasks[0].direction).toBe('up')
  })
})

describe('welchSatterthwaite', () => {
  it.each([
    // equal parts with 9 df each: (2v)²/(2v²/9) = 18
    [
      [
        { variance: 1, df: 9 },
        { variance: 1, df: 9 }
      ],
      18
    ],
    [[{ variance: 1, df: Infinity }], Infinity],
    [[{ variance: 0, df: 3 }], Infinity],
    // a bound with infinite df adds variance but no uncertainty about it: (1 + 1)²/(1/4) = 16
    [
      [
        { variance: 1, df: 4 },
        { variance: 1, df: Infinity }
      ],
      16
    ]
  ])('%j → %d', (parts, df) => {
    expect(welchSatterthwaite(parts)).toBeCloseTo(df, 10)
  })
})
