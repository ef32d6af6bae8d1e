/**
 * Every place a token lives, and every option, through the bundled action: environment and
 * organization secrets, GitHub Enterprise Server, the access-token secret, the site lookup, the
 * consent reminder and the dry run.
 */
import type { GitHubTokenGrant, Scope } from '../../emulators/github.js'
import { findLeaks } from '../support/leaks.js'
import { parseGhApi, recoveryCommandIn } from '../support/recovery-command.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
  type ScenarioOptions,
} from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

const ENVIRONMENT: Scope = {
  kind: 'environment',
  repository: REPOSITORY,
  environment: 'production eu',
}
const ORGANIZATION: Scope = { kind: 'organization', organization: 'octo-org' }
const status = (token: string | undefined): string => world.atlassian.authority.status(token ?? '')
const noLeaks = (
  run: Awaited<ReturnType<Scenario['run']>>,
  ...more: (string | undefined)[]
): void => {
  const values = [
    CLIENT_SECRET,
    GITHUB_TOKEN,
    WORKFLOW_TOKEN,
    run.outputs['access-token'],
    run.outputs['refresh-token'],
    ...more,
  ]
  expect(findLeaks(run, Object.fromEntries(values.map((v, i) => [`secret #${i}`, v])))).toEqual([])
}

async function start(options: ScenarioOptions): Promise<void> {
  world = await startScenario(options)
}

describe('an environment secret', () => {
  const envToken: GitHubTokenGrant = {
    kind: 'fine-grained-pat',
    repositories: [REPOSITORY],
    secrets: 'none',
    environments: 'write',
  }

  it('is rotated in place, with the environment name encoded in every path', async () => {
    await start({ store: ENVIRONMENT, githubToken: envToken })
    const oldToken = world.storedToken()

    const run = await world.run({ inputs: { environment: 'production eu' } })

    expect(run.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
    expect(world.storedToken()).not.toBe(oldToken)
    const base = `/repos/${REPOSITORY}/environments/production%20eu`
    expect(world.github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        `GET ${base}`,
        `GET ${base}/secrets/public-key`,
        `PUT ${base}/secrets/${SECRET_NAME}`,
      ]),
    )
    // Environment secrets are read when the job starts: the guard asks for the job, not the run.
    expect(world.github.requests.some((r) => /\/attempts\/1\/jobs/.test(r.path))).toBe(true)
    expect(run.summary).toContain('environment &quot;production eu&quot;')
    noLeaks(run, oldToken)
  })

  it('stops before the refresh when the environment does not exist', async () => {
    await start({ store: ENVIRONMENT, githubToken: envToken })
    const run = await world.run({ inputs: { environment: 'staging' } })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(run.errors.join('\n')).toContain(`${REPOSITORY} has no environment named "staging"`)
    expect(run.errors.join('\n')).toContain('Settings → Environments')
  })

  it('names the Environments permission when the token lacks it', async () => {
    await start({
      store: ENVIRONMENT,
      githubToken: { ...envToken, secrets: 'write', environments: 'none' },
    })
    const run = await world.run({ inputs: { environment: 'production eu' } })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(run.errors.join('\n')).toContain('"Environments: Read and write"')
  })
})

describe('an organization secret', () => {
  const orgToken: GitHubTokenGrant = {
    kind: 'app-installation',
    repositories: 'all',
    secrets: 'none',
    organizationSecrets: { organizations: ['octo-org'], access: 'write' },
  }
  /** The writes of the secret `name` (not of its lock), as sent. */
  const orgWrites = (name = SECRET_NAME): Record<string, unknown>[] =>
    world.github.requests
      .filter((r) => r.method === 'PUT' && r.path === `/orgs/octo-org/actions/secrets/${name}`)
      .map((r) => r.body as Record<string, unknown>)

  it('is written as private when new and no visibility is given', async () => {
    await start({ store: ORGANIZATION, githubToken: orgToken })
    const run = await world.run({
      inputs: { organization: 'octo-org', 'secret-name': 'FRESH_TOKEN' },
    })

    expect(run.exitCode).toBe(0)
    expect(world.github.secret(ORGANIZATION, 'FRESH_TOKEN')?.visibility).toBe('private')
    expect(orgWrites('FRESH_TOKEN')[0]).toMatchObject({ visibility: 'private' })
    expect(orgWrites('FRESH_TOKEN')[0]).not.toHaveProperty('selected_repository_ids')
  })

  it('resolves selected repository names to ids', async () => {
    await start({ store: ORGANIZATION, githubToken: orgToken })
    world.github.addRepository('octo-org/sync-a').addRepository('octo-org/sync-b')
    const run = await world.run({
      inputs: {
        organization: 'octo-org',
        visibility: 'selected',
        'selected-repositories': 'sync-a,\nsync-b',
      },
    })

    expect(run.exitCode).toBe(0)
    const ids = [
      world.github.repositoryId('octo-org/sync-a'),
      world.github.repositoryId('octo-org/sync-b'),
    ]
    expect(world.github.secret(ORGANIZATION, SECRET_NAME)).toMatchObject({
      visibility: 'selected',
      selectedRepositoryIds: ids,
    })
    expect(status(world.storedToken())).toBe('newest')
  })

  it('keeps the visibility and the selection of an existing secret when none is given', async () => {
    await start({ store: ORGANIZATION, githubToken: orgToken })
    world.github.addRepository('octo-org/sync-a').addRepository('octo-org/sync-b')
    const ids = [
      world.github.repositoryId('octo-org/sync-a'),
      world.github.repositoryId('octo-org/sync-b'),
    ]
    world.github.setSecret(ORGANIZATION, SECRET_NAME, world.storedToken() ?? '', {
      visibility: 'selected',
      selectedRepositoryIds: ids,
    })

    const run = await world.run({ inputs: { organization: 'octo-org' } })

    expect(run.exitCode).toBe(0)
    expect(orgWrites()[0]).toMatchObject({ visibility: 'selected', selected_repository_ids: ids })
    expect(world.github.secret(ORGANIZATION, SECRET_NAME)?.selectedRepositoryIds).toEqual(ids)
  })

  it('stops before the refresh when a selected repository is not found', async () => {
    await start({ store: ORGANIZATION, githubToken: orgToken })
    const run = await world.run({
      inputs: {
        organization: 'octo-org',
        visibility: 'selected',
        'selected-repositories': 'missing-repo',
      },
    })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(run.errors.join('\n')).toContain('look up the selected repository octo-org/missing-repo')
  })

  it('names the organization Secrets permission when the token lacks it, before the refresh', async () => {
    await start({
      store: ORGANIZATION,
      githubToken: {
        ...orgToken,
        organizationSecrets: { organizations: ['octo-org'], access: 'read' },
      },
    })
    const oldToken = world.storedToken()
    const run = await world.run({ inputs: { organization: 'octo-org' } })

    // Taking the lock is the first write: it fails while the token is still unspent.
    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(world.storedToken()).toBe(oldToken)
    expect(status(oldToken)).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain(
      `Could not write the secret ${SECRET_NAME}_LOCK of organization octo-org`,
    )
    expect(error).toContain('the organization permission "Secrets: Read and write" on octo-org')
    expect(error).toContain('admin:org')
    expect(run.outputs['recovery-encrypted-value']).toBeUndefined()
  })

  it('names the organization Secrets permission when the write of the new token is refused', async () => {
    await start({ store: ORGANIZATION, githubToken: orgToken })
    // GitHub's answer to an organization write without the permission, to the token's write only.
    world.github.injectFaults({
      on: 'put',
      secret: SECRET_NAME,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      headers: { 'x-accepted-github-permissions': 'organization_secrets=write' },
    })
    const run = await world.run({ inputs: { organization: 'octo-org' } })

    expect(run.exitCode).toBe(1)
    const error = run.errors.join('\n')
    expect(error).toContain('the organization permission "Secrets: Read and write" on octo-org')
    expect(error).toContain('admin:org')
    // The recovery command repeats the visibility, as every organization write must.
    const command = parseGhApi(recoveryCommandIn(error))
    expect(command.endpoint).toMatch(/\/orgs\/octo-org\/actions\/secrets\/ATLASSIAN_REFRESH_TOKEN$/)
    expect(command.strings).toContainEqual(['visibility', 'private'])
  })

  it('refuses conflicting targets before any request', async () => {
    await start({ store: ORGANIZATION, githubToken: orgToken })
    const run = await world.run({ inputs: { organization: 'octo-org', environment: 'prod' } })

    expect(run.exitCode).toBe(1)
    expect(world.github.requests).toEqual([])
    expect(run.stdout).toMatch(/^::error title=Input "environment"::.*two different targets/m)
  })
})

describe('GitHub Enterprise Server', () => {
  it('rotates against an API under /api/v3, and the recovery command names the whole URL', async () => {
    await start({ basePath: '/api/v3' })
    const run = await world.run({ inputs: { 'github-api-url': '' } }) // from github.api_url, as on GHES

    expect(run.exitCode).toBe(0)
    expect(world.github.apiUrl).toMatch(/\/api\/v3$/)
    expect(world.github.requests.every((r) => r.path.startsWith('/api/v3/'))).toBe(true)
    expect(status(world.storedToken())).toBe('newest')
    // The emulator listens on a port, which gh's --hostname refuses: the URL is given in full.
    expect(parseGhApi(recoveryCommandIn(run.stdout))).toMatchObject({
      hostname: undefined,
      endpoint: `${world.github.apiUrl}/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
    })
  })
})

describe('the access-token secret', () => {
  it('stores the new access token, sealed, next to the refresh token', async () => {
    await start({})
    const run = await world.run({
      inputs: { 'access-token-secret-name': 'ATLASSIAN_ACCESS_TOKEN' },
    })

    expect(run.exitCode).toBe(0)
    expect(world.github.secret(REPOSITORY, 'ATLASSIAN_ACCESS_TOKEN')?.value).toBe(
      run.outputs['access-token'],
    )
    expect(status(world.storedToken())).toBe('newest')
    expect(run.summary).toContain('ATLASSIAN_ACCESS_TOKEN')
    noLeaks(run)
  })

  it('fails when the access token cannot be written, and says the refresh token is safe', async () => {
    await start({})
    world.github.injectFaults({
      on: 'put',
      secret: 'ATLASSIAN_ACCESS_TOKEN',
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    })
    const run = await world.run({
      inputs: { 'access-token-secret-name': 'ATLASSIAN_ACCESS_TOKEN' },
    })

    expect(run.exitCode).toBe(1)
    expect(status(world.storedToken())).toBe('newest')
    expect(run.errors.join('\n')).toContain(
      'the new one is stored in the secret ATLASSIAN_REFRESH_TOKEN',
    )
    expect(run.outputs['recovery-encrypted-value']).toBeUndefined()
  })
})

describe('the site lookup', () => {
  it('outputs the cloud id and the API base of the site', async () => {
    await start({})
    world.atlassian.addSite(CLIENT_ID, {
      id: 'cloud-1',
      name: 'Other',
      url: 'https://other.atlassian.net',
    })
    world.atlassian.addSite(CLIENT_ID, {
      id: 'cloud-2',
      name: 'Example',
      url: 'https://example.atlassian.net',
    })
    const run = await world.run({
      inputs: {
        'site-url': 'https://Example.atlassian.net/wiki',
        'atlassian-api-url': world.atlassian.tokenUrl.replace('/oauth/token', ''),
      },
    })

    expect(run.exitCode).toBe(0)
    expect(run.outputs['cloud-id']).toBe('cloud-2')
    const gateway = world.atlassian.tokenUrl.replace('/oauth/token', '')
    // api-base-url keeps its first meaning, the Confluence base; each product has its own too.
    expect(run.outputs['api-base-url']).toBe(`${gateway}/ex/confluence/cloud-2`)
    expect(run.outputs['confluence-api-base-url']).toBe(`${gateway}/ex/confluence/cloud-2`)
    expect(run.outputs['jira-api-base-url']).toBe(`${gateway}/ex/jira/cloud-2`)
    const lookup = world.atlassian.requests.find(
      (r) => r.path === '/oauth/token/accessible-resources',
    )
    expect(lookup?.headers['authorization']).toBe(`Bearer ${run.outputs['access-token'] ?? ''}`)
  })

  it('fails listing the sites the token reaches when the site is not among them; the token is stored', async () => {
    await start({})
    world.atlassian.addSite(CLIENT_ID, {
      id: 'cloud-1',
      name: 'Other',
      url: 'https://other.atlassian.net',
    })
    const run = await world.run({
      inputs: {
        'site-url': 'https://example.atlassian.net',
        'atlassian-api-url': world.atlassian.tokenUrl.replace('/oauth/token', ''),
      },
    })

    expect(run.exitCode).toBe(1)
    expect(status(world.storedToken())).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain(
      'The token does not reach https://example.atlassian.net. Sites it reaches: Other (https://other.atlassian.net).',
    )
    expect(error).toContain('integration is safe')
    expect(error).not.toContain('cloud-1')
  })
})

describe('the consent reminder', () => {
  it('outputs the re-consent date and warns within 30 days of it', async () => {
    await start({})
    const consentedAt = new Date(Date.now() - 350 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
    const run = await world.run({ inputs: { 'consented-at': consentedAt } })

    expect(run.exitCode).toBe(0)
    const reconsentBy = new Date(Date.parse(`${consentedAt}T00:00:00Z`) + 365 * 24 * 60 * 60 * 1000)
    expect(run.outputs['reconsent-by']).toBe(reconsentBy.toISOString())
    expect(run.warnings.join('\n')).toMatch(/ends on \d{4}-\d\d-\d\d \(1[45] days left\)/)
    expect(run.summary).toContain('Consent again by')
  })

  it('stays quiet when the limit is far', async () => {
    await start({})
    const run = await world.run({
      inputs: { 'consented-at': new Date().toISOString().slice(0, 10) },
    })

    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual([])
    expect(run.outputs['reconsent-by']).toBeDefined()
  })
})

describe('a dry run', () => {
  it('checks everything and reports, without calling the token endpoint or writing', async () => {
    await start({})
    const token = world.storedToken()
    const run = await world.run({
      inputs: { 'dry-run': 'true', 'access-token-secret-name': 'ATLASSIAN_ACCESS_TOKEN' },
    })

    expect(run.exitCode).toBe(0)
    expect(world.atlassian.requests).toEqual([])
    expect(world.github.requests.some((r) => r.method === 'PUT')).toBe(false)
    expect(world.storedToken()).toBe(token)
    expect(run.stdout).toContain('Dry run: nothing was sent to the token endpoint')
    expect(run.stdout).toContain('would also store the access token in ATLASSIAN_ACCESS_TOKEN')
    expect(run.summary).toContain('dry run')
    expect(run.outputs).toMatchObject({ rotated: 'false', 'secret-updated': 'false' })
    expect(run.outputs['access-token']).toBeUndefined()
  })

  it('fails as a real run would when the GitHub token cannot write', async () => {
    await start({ githubToken: { kind: 'workflow', repositories: [REPOSITORY], secrets: 'none' } })
    const run = await world.run({ inputs: { 'dry-run': 'true' } })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(run.errors.join('\n')).toContain('GITHUB_TOKEN')
  })
})
