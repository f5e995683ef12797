// A loopback emulator of the GitHub REST API routes the action calls, answering as GitHub's OpenAPI description
// says (the conformance test holds it to @octokit/openapi): workflow runs; pull requests (list, get, by commit);
// issue comments (list, create, update); commit statuses (create, list); GET /user; check runs (create, update,
// get, list for a ref with check_name / status / filter=latest|all / paging); commits (list from `sha` newest
// first with paging, get one by SHA, short SHA or branch).
//
// It enforces what GitHub enforces: comment bodies up to 65,536 characters; status descriptions up to 140 and
// contexts up to 255 characters and http(s) target URLs; check run output summary and text up to 65,535
// characters and UTF-8 bytes, a conclusion once completed, and check run writes only from GitHub App tokens.
// Tokens: `readOnly` refuses every write, `permissions: { checks: 'read' }` (or `setPermission`) only those
// that need that permission, `selfLogin` makes the token a person's.
//
// Tests seed data through `seed` (workflow runs, pulls, comments, statuses, commits, commit chains, branches,
// check runs) and inspect what the action wrote through `comments`, `statuses`, `checkRuns`, `checkRunHistory`
// and `requests`; `inject` arms faults per route.

export { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from './server.js'
export { primaryRateLimit, secondaryRateLimit } from './faults.js'
export { COMMENT_BODY_LIMIT, STATUS_CONTEXT_LIMIT, STATUS_DESCRIPTION_LIMIT } from './routes.js'
export { CHECK_RUN_OUTPUT_LIMIT } from './check-runs.js'
export { GITHUB_ROUTES } from './types.js'
export type {
  Fault,
  GitHubRoute,
  GitHubUser,
  RecordedRequest,
  SeedComment,
  SeedCommit,
  SeedPull,
  SeedStatus,
  SeedWorkflowRun,
  WriteScope
} from './types.js'
