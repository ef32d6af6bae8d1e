/**
 * The paths the action builds go out exactly as built: Octokit keeps %XX escapes as they are (its
 * URL template expansion re-encodes nothing already encoded), the HTTP client sends the path
 * unchanged, and the GitHub emulator decodes each name back and finds the right store. So the path
 * printed in the recovery command is the path the action used.
 */
import { createGitHubClient } from '../../src/github/client.js'
import { fetchPublicKey, storeSecret, type StoreAccess } from '../../src/github/secret-store.js'
import { checkEnvironmentExists } from '../../src/github/target-checks.js'
import { secretPath, secretTarget } from '../../src/github/targets.js'
import { openNetwork } from '../../src/common/network.js'
import type { TargetInput } from '../../src/github/targets.js'
import type { Clock } from '../../src/common/retry.js'
import { sealForGitHub } from '../../src/github/sealing.js'
import { SecretValues } from '../../src/common/secrets.js'
import { ManualClock } from '../../emulators/clock.js'
import { GitHubEmulator } from '../../emulators/github.js'
import { loadGitHubContract } from '../../emulators/openapi-contract.js'

const instantClock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() }

it.each([
  'prod (EU) – ‘ü’ $HOME `x` !x *?[a]',
  "{owner}:name/with/slashes it's %41 #?&=+@,;~",
  '日本 😀',
])('an environment named %j: every request reaches its store by the path built', async (name) => {
  const contract = await loadGitHubContract()
  const github = await new GitHubEmulator(() => new ManualClock().now(), {
    contract: (method, path, body) => contract.check(method, path, body),
    basePath: '/api/v3',
  }).start()
  try {
    github.addRepository('octo-org/sync').addEnvironment('octo-org/sync', name)
    github.addToken('ghp_environments', {
      kind: 'fine-grained-pat',
      repositories: ['octo-org/sync'],
      secrets: 'none',
      environments: 'write',
    })
    const input: Extract<TargetInput, { kind: 'environment' }> = {
      kind: 'environment',
      repository: { owner: 'octo-org', repo: 'sync' },
      environment: name,
    }
    const target = secretTarget(input)
    const access: StoreAccess = {
      github: createGitHubClient({
        token: 'ghp_environments',
        baseUrl: github.apiUrl,
        network: openNetwork({ env: {} }),
        timeoutMs: 5_000,
      }),
      target,
      secrets: new SecretValues(() => {}),
      retry: {
        clock: instantClock,
        deadline: Date.now() + 60_000,
        maxAttempts: 1,
        baseDelayMs: 1,
        maxDelayMs: 1,
        random: () => 0.5,
      },
    }

    await checkEnvironmentExists(access, input)
    const key = await fetchPublicKey(access, 'unchanged')
    const scope = { kind: 'environment', repository: 'octo-org/sync', environment: name } as const
    expect(key).toEqual(github.publicKey(scope))
    const sealed = { keyId: key.keyId, encryptedValue: await sealForGitHub('new-token', key.key) }
    expect(await storeSecret(access, 'REFRESH', sealed, undefined, 'rotated-not-stored')).toEqual({
      how: 'created',
      at: expect.any(Date) as unknown,
    })

    expect(github.secret(scope, 'REFRESH')?.value).toBe('new-token')
    const environmentPath = target.basePath.replace(/\/secrets$/, '')
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v3${environmentPath}`,
      `GET /api/v3${target.basePath}/public-key`,
      `PUT /api/v3${secretPath(target, 'REFRESH')}`,
    ])
    expect(environmentPath).toMatch(/^(?:\/(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})+)+$/)
    expect(github.contractViolations).toEqual([])
  } finally {
    await github.close()
  }
})
