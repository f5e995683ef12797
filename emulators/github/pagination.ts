export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100

export interface Page<T> {
  items: T[]
  /** The `Link` header value, or undefined when everything fits on one page. */
  link: string | undefined
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 ? n : fallback
}

/**
 * One page of a list the way GitHub pages it: `per_page` (default 30, at most 100) and `page` (from 1), with a
 * `Link` header whose absolute URLs keep the request's path (prefix included) and its other query parameters.
 */
export function paginate<T>(
  items: readonly T[],
  query: Record<string, string>,
  absolutePath: string
): Page<T> {
  const perPage = Math.min(positiveInt(query['per_page'], DEFAULT_PER_PAGE), MAX_PER_PAGE)
  const page = positiveInt(query['page'], 1)
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const pageItems = items.slice((page - 1) * perPage, page * perPage)
  if (lastPage === 1) return { items: pageItems, link: undefined }

  const urlFor = (n: number): string => {
    const params = new URLSearchParams({ ...query, page: String(n) })
    return `${absolutePath}?${params.toString()}`
  }
  const links: string[] = []
  if (page > 1) links.push(`<${urlFor(Math.min(page - 1, lastPage))}>; rel="prev"`)
  if (page < lastPage) {
    links.push(`<${urlFor(page + 1)}>; rel="next"`)
    links.push(`<${urlFor(lastPage)}>; rel="last"`)
  }
  if (page > 1) links.push(`<${urlFor(1)}>; rel="first"`)
  return { items: pageItems, link: links.join(', ') }
}
