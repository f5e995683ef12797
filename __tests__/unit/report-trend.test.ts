import { describe, expect, it } from '@jest/globals'
import type { HiddenData } from '../../src/render/hidden-data.js'
import { changeSincePrevious, deltaText, sparkline, trendText } from '../../src/render/trend.js'
import { makeJudgement } from './report-fixtures.js'

const entry = (passRate: number) => ({ sha: 's', passRate, result: 'success' as const, at: 't' })

describe('trend', () => {
  it('draws one bar per run on the range of the runs, widened to whole tens', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█')
    expect(sparkline([70, 77.5, 82.5, 71.4])).toBe('▁▄▆▁')
    expect(sparkline([80, 80, 81])).toBe('▁▁▁')
    expect(sparkline([100, 100])).toBe('██')
    expect(sparkline([0, 0])).toBe('▁▁')
    expect(sparkline([-5, 150, NaN])).toBe('▁█▁')
    expect(sparkline([])).toBe('')
  })

  it('shows first → last', () => {
    expect(trendText([entry(40), entry(62.5), entry(82.5)])).toBe('▁▄▇ 40.0% → 82.5%')
    expect(trendText([entry(40)])).toBe('')
  })

  it('shows the change in points with one decimal', () => {
    expect(deltaText(77.5, 82.5)).toBe('▲ 5.0 points')
    expect(deltaText(82.5, 80)).toBe('▼ 2.5 points')
    expect(deltaText(82.5, 82.54)).toBe('no change')
    expect(deltaText(66.666, 66.7)).toBe('no change')
    expect(deltaText(0, 100)).toBe('▲ 100.0 points')
  })

  it('lists the tasks whose badge changed', () => {
    const j = makeJudgement([
      { title: 'Refunds', tests: [{ evals: [{ name: 'a', passed: false }] }] },
      { title: 'Greeting', tests: [{ evals: [{ name: 'a', passed: true }] }] },
      { title: 'New task', tests: [{ evals: [{ name: 'a', passed: true }] }] }
    ])
    const [refunds, greeting] = j.tasks
    const previous: HiddenData = {
      v: 1,
      key: 'k',
      lastPassRate: 100,
      lastResult: 'success',
      taskBadges: { [refunds.id]: 'success', [greeting.id]: 'success', gone: 'error' },
      history: [entry(100)]
    }
    expect(changeSincePrevious(previous, j)).toEqual({
      previousRate: 100,
      previousResult: 'success',
      text: '▼ 33.3 points',
      tasks: [{ id: refunds.id, name: 'Refunds', from: 'success', to: 'error' }]
    })
  })

  it('falls back to the history and needs a previous run', () => {
    const j = makeJudgement([{ title: 'A', tests: [{ evals: [{ name: 'a', passed: true }] }] }])
    expect(changeSincePrevious(undefined, j)).toBeUndefined()
    expect(changeSincePrevious({ v: 1, key: 'k', history: [] }, j)).toBeUndefined()
    expect(changeSincePrevious({ v: 1, key: 'k', history: [entry(90)] }, j)?.text).toBe('▲ 10.0 points')
  })

  it('does not read inherited properties as badges', () => {
    const j = makeJudgement([
      { title: 'A', id: 'toString', tests: [{ evals: [{ name: 'a', passed: true }] }] }
    ])
    expect(
      changeSincePrevious({ v: 1, key: 'k', lastPassRate: 100, taskBadges: {}, history: [] }, j)?.tasks
    ).toEqual([])
  })
})
