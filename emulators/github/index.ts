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
