import { describe, expect, it } from '@jest/globals'
import { splitList } from '../../src/inputs/lists.js'

describe('splitList', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['  ', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a, b ,c', ['a', 'b', 'c']],
    ['a\nb\n', ['a', 'b']],
    ['a\r\nb', ['a', 'b']],
    ['a,\n,b,,', ['a', 'b']],
    ['b,a,b,a', ['b', 'a']],
    ['- a', ['- a']]
  ])('%j → %j', (text, items) => {
    expect(splitList(text)).toEqual(items)
  })

  it('dedupes after normalising, keeping the first position', () => {
    expect(splitList('B, a, b', item => item.toLowerCase())).toEqual(['b', 'a'])
  })
})
