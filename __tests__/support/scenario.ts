/**
 * A world for one test: both emulators on loopback, an OAuth app with a consented user, a repository
 * holding the refresh token in a secret, and a GitHub token that may write it.
 */
import { AtlassianEmulator } from '../../emulators/atlassian.js'
import { ManualClock } from '../../emulators/clock.js'
import { GitHubEmulator, type GitHubTokenGrant } from '../../emulators/github.js'
import { runAction, type ActionRun } from '../../emulators/actions-runner.js'

export const REPOSITORY = 'octo-org/confluence-sync'
export const SECRET_NAME = 'ATLASSIAN_REFRESH_TOKEN'
export const CLIENT_ID = 'emulated-client-id'
export const CLIENT_SECRET = 'emulated-client-secret-4f9d2c7a1b'
export const GITHUB_TOKEN = 'github_pat_11EMULATED0secrets0write0token'

export interface Scenario {
  clock: ManualClock
  atlassian: AtlassianEmulator
  github: GitHubEmulator
  /** "METHOD path" of every request to either emulator, in the order they arrived. */
  timeline: string[]
  /** The refresh token the repository secret holds now. */
  storedToken(): string | undefined
  /** Runs the bundled action with the standard inputs, the stored token and `overrides`. */
  run(overrides?: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>
  close(): Promise<void>
}

export async function startScenario(
  options: { rotate?: boolean; githubToken?: GitHubTokenGrant } = {},
): Promise<Scenario> {
  // The action reads the real clock; the emulators start from it and move only when a test says so.
  const clock = new ManualClock(Date.now())
  const timeline: string[] = []
  const atlassian = await new AtlassianEmulator({
    now: () => clock.now(),
    rotate: options.rotate ?? true,
    timeline,
  }).start()
  const github = await new GitHubEmulator(() => clock.now(), { timeline }).start()
  github.addRepository(REPOSITORY)
  github.addToken(
    GITHUB_TOKEN,
    options.githubToken ?? {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
    },
  )
  github.setSecret(REPOSITORY, SECRET_NAME, atlassian.registerApp(CLIENT_ID, CLIENT_SECRET))

  const storedToken = (): string | undefined => github.secret(REPOSITORY, SECRET_NAME)?.value
  return {
    clock,
    atlassian,
    github,
    timeline,
    storedToken,
    run: (overrides = {}, env = {}) =>
      runAction({
        inputs: {
          'client-id': CLIENT_ID,
          'client-secret': CLIENT_SECRET,
          'refresh-token': storedToken() ?? '',
          'secret-name': SECRET_NAME,
          'github-token': GITHUB_TOKEN,
          'token-url': atlassian.tokenUrl,
          ...overrides,
        },
        context: { repository: REPOSITORY, apiUrl: github.apiUrl },
        env,
      }),
    close: async () => {
      await Promise.all([atlassian.close(), github.close()])
    },
  }
}
