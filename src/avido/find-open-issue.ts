import type { Page } from './paging.js'
import { statedTotal } from './paging.js'
import { MAX_PAGE_LIMIT, type IssueListParams } from './query.js'
import type { Issue } from './schemas.js'

/** Pages of open issues searched at most: a bound, so a huge inbox cannot stall the caller. */
export const MAX_ISSUE_SEARCH_PAGES = 50

export interface IssueLister {
  listIssues(params: IssueListParams): Promise<Page<Issue>>
}

export interface OpenIssueSearch {
  matches: (issue: Issue) => boolean
  /** Default `TEST`, the source the gate files its issues with. */
  source?: IssueListParams['source']
  /** Default MAX_ISSUE_SEARCH_PAGES. */
  maxPages?: number
}

/**
 * The newest OPEN issue that `matches`, read 100 at a time, newest first (an issue filed meanwhile pushes
 * the others to later pages, so none is skipped). Paging goes on while pages come back full: a missing or
 * wrong total never stops it early, though a stated total that the pages have reached does. A page holding
 * only issues already seen (a server repeating itself) ends the search, as does `maxPages`.
 */
export async function findOpenIssue(
  client: IssueLister,
  { matches, source = 'TEST', maxPages = MAX_ISSUE_SEARCH_PAGES }: OpenIssueSearch
): Promise<Issue | undefined> {
  const seen = new Set<string>()
  for (let page = 0; page < maxPages; page++) {
    const skip = page * MAX_PAGE_LIMIT
    const { data, pagination } = await client.listIssues({
      status: 'OPEN',
      source,
      orderBy: 'createdAt',
      orderDir: 'desc',
      skip,
      limit: MAX_PAGE_LIMIT
    })
    const found = data.find(issue => issue.status === 'OPEN' && matches(issue))
    if (found) return found
    const fresh = data.filter(issue => !seen.has(issue.id))
    for (const issue of fresh) seen.add(issue.id)
    if (data.length < MAX_PAGE_LIMIT || fresh.length === 0) return undefined
    const total = statedTotal(pagination)
    if (total !== undefined && skip + data.length >= total) return undefined
  }
  return undefined
}
