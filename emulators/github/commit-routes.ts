import { paginate } from './pagination.js'
import { DOCS, errorBody, notFound, type RouteDefinition } from './route-kit.js'

export const COMMIT_ROUTES: RouteDefinition[] = [
  {
    route: 'GET /repos/{owner}/{repo}/commits',
    docs: `${DOCS}/commits/commits#list-commits`,
    handle(req, store) {
      const { owner = '', repo = '' } = req.params
      if (store.commits.isEmpty(owner, repo)) {
        return { status: 409, body: errorBody('Git Repository is empty.', 409, this.docs) }
      }
      const sha = store.commits.resolve(owner, repo, req.query['sha'] ?? 'main')
      if (!sha) return notFound(this.docs)
      const page = paginate(store.commits.history(owner, repo, sha), req.query, req.absolutePath)
      return {
        status: 200,
        body: page.items.map(c => store.commits.renderCommit(owner, repo, c)),
        headers: page.link ? { link: page.link } : {}
      }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/commits/{ref}',
    docs: `${DOCS}/commits/commits#get-a-commit`,
    handle(req, store) {
      const { owner = '', repo = '', ref = '' } = req.params
      if (store.commits.isEmpty(owner, repo)) {
        return { status: 409, body: errorBody('Git Repository is empty.', 409, this.docs) }
      }
      const sha = store.commits.resolve(owner, repo, ref)
      const commit = sha && store.commits.find(owner, repo, sha)
      if (!commit) return { status: 422, body: errorBody(`No commit found for SHA: ${ref}`, 422, this.docs) }
      return { status: 200, body: store.commits.renderCommit(owner, repo, commit, true) }
    }
  }
]
