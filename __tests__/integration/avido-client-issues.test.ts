import { useEmulatorClients } from '../support/fake-clock-client.js'
import { describe, expect, it } from '@jest/globals'
import { findOpenIssue, MAX_ISSUE_SEARCH_PAGES } from '../../src/avido/find-open-issue.js'

// The one search for an open issue, against the Avido emulator in every list envelope shape Avido's SDK
// allows: with 150 open TEST issues the one sought sits on the second page.

const KEY = 'avido_test_0123456789abcdef'
const APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const START = Date.UTC(2025, 4, 1, 12)
const SOUGHT = 'test-gate-key: acme/bot#pr-7'

const { emu, setup, calls } = useEmulatorClients(KEY, APP, START)

/** 150 open TEST issues, newest last; the oldest carries the key, so newest-first it is on page 2. */
function seedInbox(): string {
  const at = (i: number) => new Date(START - (200 - i) * 60_000)
  const sought = emu().seed.issue({ title: 'Gate', description: SOUGHT, createdAt: at(0) })
  for (let i = 1; i < 150; i++) {
    emu().seed.issue({ title: `Other ${i}`, description: `test-gate-key: other#${i}`, createdAt: at(i) })
  }
  emu().seed.issue({ title: 'Resolved', description: SOUGHT, status: 'RESOLVED', createdAt: at(160) })
  emu().seed.issue({ title: 'From a task', description: SOUGHT, source: 'TASK', createdAt: at(161) })
  return sought.id
}

const matches = (issue: { description?: string | null }) => issue.description === SOUGHT

describe('findOpenIssue', () => {
  it.each([
    ['the full envelope', undefined],
    ['pagination with only totalCount', 'totalCount'],
    ['pagination without totals', 'noTotals'],
    ['an empty pagination object', 'empty'],
    ['no pagination object', 'absent']
  ] as const)('finds the issue on page 2 with %s', async (_name, shape) => {
    const id = seedInbox()
    if (shape) emu().inject('GET /v0/issues', { kind: 'envelope', shape }, { times: Infinity })
    const { client } = setup()
    expect((await findOpenIssue(client, { matches }))?.id).toBe(id)
    const pages = calls('GET', '/v0/issues')
    expect(pages.map(p => p.query.skip)).toEqual([['0'], ['100']])
    expect(pages[0]?.query).toMatchObject({
      status: ['OPEN'],
      source: ['TEST'],
      limit: ['100'],
      orderBy: ['createdAt'],
      orderDir: ['desc']
    })
  })

  it.each([
    ['a stated total', undefined, 2],
    ['no pagination object', 'absent', 2]
  ] as const)('returns undefined after the last page with %s', async (_name, shape, requests) => {
    seedInbox()
    if (shape) emu().inject('GET /v0/issues', { kind: 'envelope', shape }, { times: Infinity })
    const { client } = setup()
    expect(await findOpenIssue(client, { matches: () => false })).toBeUndefined()
    expect(calls('GET', '/v0/issues')).toHaveLength(requests)
  })

  it('stops at the stated total when the last page is full', async () => {
    for (let i = 0; i < 200; i++) emu().seed.issue({ title: `Other ${i}` })
    const { client } = setup()
    expect(await findOpenIssue(client, { matches })).toBeUndefined()
    expect(calls('GET', '/v0/issues')).toHaveLength(2)
  })

  it('stops when a page repeats issues already seen', async () => {
    seedInbox()
    emu().inject('GET /v0/issues', { kind: 'repeatPage' }, { times: Infinity })
    const { client } = setup()
    expect(await findOpenIssue(client, { matches })).toBeUndefined()
    expect(calls('GET', '/v0/issues')).toHaveLength(2)
  })

  it(`reads at most ${MAX_ISSUE_SEARCH_PAGES} pages (or maxPages) of an endless inbox`, async () => {
    for (let i = 0; i < 400; i++) emu().seed.issue({ title: `Other ${i}` })
    emu().inject('GET /v0/issues', { kind: 'lieTotal', total: 1_000_000 }, { times: Infinity })
    const { client } = setup()
    expect(await findOpenIssue(client, { matches, maxPages: 3 })).toBeUndefined()
    expect(calls('GET', '/v0/issues')).toHaveLength(3)
  })

  it('searches another source when asked', async () => {
    const id = emu().seed.issue({ title: 'Task issue', description: SOUGHT, source: 'TASK' }).id
    const { client } = setup()
    expect((await findOpenIssue(client, { matches, source: 'TASK' }))?.id).toBe(id)
  })
})
