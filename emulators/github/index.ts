export { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from './server.js'
export { primaryRateLimit, secondaryRateLimit } from './faults.js'
export { COMMENT_BODY_LIMIT, STATUS_DESCRIPTION_LIMIT } from './routes.js'
export { GITHUB_ROUTES } from './types.js'
export type {
  Fault,
  GitHubRoute,
  GitHubUser,
  RecordedRequest,
  SeedComment,
  SeedPull,
  SeedStatus,
  SeedWorkflowRun
} from './types.js'
