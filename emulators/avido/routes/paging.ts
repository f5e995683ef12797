import { MAX_SKIP, UUID_PATTERN, badRequest, type QueryReader } from '../validation.js'

export type OrderDir = 'asc' | 'desc'

export function readPaging(query: QueryReader): { skip: number; limit: number; orderDir: OrderDir } {
  return {
    skip: query.integer('skip', 0, MAX_SKIP, 0),
    limit: query.integer('limit', 1, 100, 25),
    orderDir: query.enumValue('orderDir', ['asc', 'desc'], 'desc')
  }
}

export function page<T, R>(items: readonly T[], skip: number, limit: number, serialize: (item: T) => R) {
  return {
    data: items.slice(skip, skip + limit).map(serialize),
    pagination: { skip, limit, total: items.length, totalPages: Math.ceil(items.length / limit) }
  }
}

/** Sorts by a key, then by insertion order so that pages stay stable. */
export function sortBy<T>(
  items: T[],
  key: (item: T) => number | string,
  dir: OrderDir,
  tie: (item: T) => number
): T[] {
  const sign = dir === 'asc' ? 1 : -1
  return items.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka < kb) return -sign
    if (ka > kb) return sign
    return (tie(a) - tie(b)) * sign
  })
}

export function pathId(params: Record<string, string>): string {
  const id = params.id ?? ''
  if (!UUID_PATTERN.test(id))
    throw badRequest(`Invalid path parameter id: ${JSON.stringify(id)} is not a UUID`)
  return id.toLowerCase()
}
