import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubContextError, readEventPayload, readGitHubContext } from '../../src/github/context.js'

const HEAD = '1'.repeat(40)
const MERGE = '2'.repeat(40)
const AFTER = '3'.repeat(40)
const QUEUE = '4'.repeat(40)

const ENV = {
  GITHUB_REPOSITORY: 'acme/bot',
  GITHUB_SHA: MERGE,
  GITHUB_RUN_ID: '1234',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_JOB: 'gate'
}

const pr = (n: number, repoUrl = 'https://api.github.com/repos/acme/bot') => ({
  number: n,
  head: { sha: HEAD, ref: `b${n}`, repo: { url: 'https://api.github.com/repos/forker/bot' } },
  base: { ref: 'main', repo: { url: repoUrl } }
})

describe('readGitHubContext: events', () => {
  it.each([
    ['pull_request', { pull_request: { number: 7, head: { sha: HEAD } } }, { sha: HEAD, prNumber: 7 }],
    ['pull_request_target', { pull_request: { number: 8, head: { sha: HEAD } } }, { sha: HEAD, prNumber: 8 }],
    ['push', { after: AFTER }, { sha: AFTER, prLookup: 'commit' }],
    ['push', { after: '0'.repeat(40) }, { sha: MERGE, prLookup: 'commit' }],
    [
      'workflow_run',
      { workflow_run: { head_sha: HEAD, pull_requests: [pr(7)] } },
      { sha: HEAD, prNumber: 7, prCandidatesFromPayload: [7] }
    ],
    [
      'workflow_run',
      { workflow_run: { head_sha: HEAD, pull_requests: [] } },
      { sha: HEAD, prCandidatesFromPayload: [], prLookup: 'head-sha' }
    ],
    [
      'workflow_run',
      { workflow_run: { head_sha: HEAD, pull_requests: [pr(3, 'https://api.github.com/repos/other/bot')] } },
      { sha: HEAD, prCandidatesFromPayload: [], prLookup: 'head-sha' }
    ],
    [
      'workflow_run',
      { workflow_run: { head_sha: HEAD, pull_requests: [pr(7), pr(9), pr(7)] } },
      { sha: HEAD, prCandidatesFromPayload: [7, 9] }
    ],
    [
      'workflow_run',
      { workflow_run: { head_sha: HEAD, pull_requests: [{ number: 'x' }, null, pr(5)] } },
      { sha: HEAD, prNumber: 5, prCandidatesFromPayload: [5] }
    ],
    [
      'merge_group',
      { merge_group: { head_sha: QUEUE, head_ref: 'gh-readonly-queue/main/pr-7' } },
      { sha: QUEUE }
    ],
    ['schedule', { schedule: '0 3 * * *' }, { sha: MERGE }],
    ['workflow_dispatch', {}, { sha: MERGE }],
    ['release', { release: { tag_name: 'v1' } }, { sha: MERGE }]
  ])('%s %#', (eventName, event, expected) => {
    const context = readGitHubContext({ ...ENV, GITHUB_EVENT_NAME: eventName }, event)
    const pullFields = ['prNumber', 'prCandidatesFromPayload', 'prLookup'] as const
    expect({
      sha: context.sha,
      ...Object.fromEntries(pullFields.filter(k => context[k] !== undefined).map(k => [k, context[k]]))
    }).toEqual(expected)
    expect(context.eventName).toBe(eventName)
    expect(context.commitUrl).toBe(`https://github.com/acme/bot/commit/${expected.sha}`)
  })

  it('reads the repository, run and URLs from the environment, with github.com defaults', () => {
    const context = readGitHubContext({ ...ENV, GITHUB_EVENT_NAME: 'push' }, { after: AFTER })
    expect(context).toEqual({
      eventName: 'push',
      owner: 'acme',
      repo: 'bot',
      sha: AFTER,
      prLookup: 'commit',
      runId: 1234,
      runAttempt: 1,
      workflow: 'CI',
      job: 'gate',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/acme/bot/actions/runs/1234',
      commitUrl: `https://github.com/acme/bot/commit/${AFTER}`
    })
  })

  it('uses GITHUB_SERVER_URL and GITHUB_API_URL on GitHub Enterprise Server, and links the run attempt', () => {
    const context = readGitHubContext(
      {
        ...ENV,
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_RUN_ATTEMPT: '3',
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3/'
      },
      {}
    )
    expect(context.apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(context.runUrl).toBe('https://ghe.example.com/acme/bot/actions/runs/1234/attempts/3')
    expect(context.commitUrl).toBe(`https://ghe.example.com/acme/bot/commit/${MERGE}`)
    expect(context.runAttempt).toBe(3)
  })

  it('has no run link without GITHUB_RUN_ID, and attempt 1 without GITHUB_RUN_ATTEMPT', () => {
    const env = { GITHUB_REPOSITORY: 'acme/bot', GITHUB_SHA: MERGE, GITHUB_EVENT_NAME: 'schedule' }
    const context = readGitHubContext(env, {})
    expect(context.runId).toBeUndefined()
    expect(context.runUrl).toBeUndefined()
    expect(context.runAttempt).toBe(1)
    expect(context.workflow).toBe('')
  })
})

describe('readGitHubContext: malformed payloads and environment', () => {
  it.each([
    ['pull_request', {}, 'has no `pull_request`.'],
    ['pull_request', null, 'has no `pull_request`.'],
    ['pull_request', { pull_request: { number: 7, head: {} } }, 'has no `pull_request.head.sha`.'],
    [
      'pull_request_target',
      { pull_request: { number: '7', head: { sha: HEAD } } },
      'has an invalid `pull_request.number` (expected a pull request number).'
    ],
    [
      'pull_request',
      { pull_request: { number: 7, head: { sha: 'main' } } },
      'has an invalid `pull_request.head.sha` (expected a commit SHA).'
    ],
    ['push', { ref: 'refs/heads/main' }, 'has no `after`.'],
    [
      'workflow_run',
      { workflow_run: { head_sha: 42 } },
      'has an invalid `workflow_run.head_sha` (expected a commit SHA).'
    ],
    [
      'workflow_run',
      { workflow_run: { head_sha: HEAD, pull_requests: {} } },
      'has an invalid `workflow_run.pull_requests` (expected a list).'
    ],
    ['merge_group', { merge_group: {} }, 'has no `merge_group.head_sha`.']
  ])('%s %# explains what is missing', (eventName, event, problem) => {
    const message = `The ${eventName} event payload ${problem}`
    expect(() => readGitHubContext({ ...ENV, GITHUB_EVENT_NAME: eventName }, event)).toThrow(message)
    expect(() => readGitHubContext({ ...ENV, GITHUB_EVENT_NAME: eventName }, event)).toThrow(
      GitHubContextError
    )
  })

  it.each([
    ['no GITHUB_EVENT_NAME', { ...ENV }, /^GITHUB_EVENT_NAME is not set/],
    [
      'no GITHUB_REPOSITORY',
      { ...ENV, GITHUB_REPOSITORY: undefined, GITHUB_EVENT_NAME: 'schedule' },
      /^GITHUB_REPOSITORY is not set/
    ],
    [
      'a GITHUB_REPOSITORY without owner',
      { ...ENV, GITHUB_REPOSITORY: 'bot', GITHUB_EVENT_NAME: 'schedule' },
      /"owner\/repo", not "bot"/
    ],
    [
      'no GITHUB_SHA on schedule',
      { ...ENV, GITHUB_SHA: '', GITHUB_EVENT_NAME: 'schedule' },
      /^GITHUB_SHA is not set; the schedule event/
    ],
    [
      'a GITHUB_SHA that is no SHA',
      { ...ENV, GITHUB_SHA: 'main', GITHUB_EVENT_NAME: 'schedule' },
      /GITHUB_SHA is not a commit SHA/
    ],
    [
      'a GITHUB_API_URL that is no URL',
      { ...ENV, GITHUB_EVENT_NAME: 'schedule', GITHUB_API_URL: 'ghe/api' },
      /GITHUB_API_URL is not a URL/
    ]
  ])('stops with a sentence for %s', (_name, env, message) => {
    expect(() => readGitHubContext(env, {})).toThrow(message)
  })
})

describe('readEventPayload', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gate-event-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('parses the JSON at GITHUB_EVENT_PATH', () => {
    const path = join(dir, 'event.json')
    writeFileSync(path, JSON.stringify({ after: AFTER }))
    expect(readEventPayload(path)).toEqual({ after: AFTER })
  })

  it('is {} when the path is unset or the file is missing', () => {
    expect(readEventPayload(undefined)).toEqual({})
    expect(readEventPayload(join(dir, 'missing.json'))).toEqual({})
  })

  it('stops on a file that is not JSON', () => {
    const path = join(dir, 'broken.json')
    writeFileSync(path, '{"after":')
    expect(() => readEventPayload(path)).toThrow(`The event payload at ${path} is not valid JSON.`)
  })
})
