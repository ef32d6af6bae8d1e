/**
 * The contract checker against GitHub's published OpenAPI description (@octokit/openapi): it
 * accepts every request the action sends, and names what is wrong with requests it must not send.
 */
import { request } from 'undici'
import { ManualClock } from '../../emulators/clock.js'
import { GitHubEmulator } from '../../emulators/github.js'
import { loadGitHubContract, type GitHubContract } from '../../emulators/openapi-contract.js'

/** Stands in for a sealed box: the message + 48 bytes, in standard base64 with padding. */
function sealedValue(messageBytes: number): string {
  return Buffer.alloc(messageBytes + 48, 0xfb).toString('base64')
}

const KEY_ID = '568250167242549743'
const SECRET = { encrypted_value: sealedValue(60), key_id: KEY_ID }

/** Every request the action sends, relative to the API base, as the action sends it. */
const ACTION_REQUESTS: [method: string, path: string, body: unknown][] = [
  // Repository secrets
  ['GET', '/repos/acme/app/actions/secrets/public-key', undefined],
  ['GET', '/repos/acme/app/actions/secrets/ATLASSIAN_TOKEN', undefined],
  ['PUT', '/repos/acme/app/actions/secrets/ATLASSIAN_TOKEN', SECRET],
  // Environment secrets: the environment name is URL-encoded
  ['GET', '/repos/acme/app/environments/production%20eu', undefined],
  ['GET', '/repos/acme/app/environments/production%20eu/secrets/public-key', undefined],
  ['GET', '/repos/acme/app/environments/production%20eu/secrets/ATLASSIAN_TOKEN', undefined],
  ['PUT', '/repos/acme/app/environments/production%20eu/secrets/ATLASSIAN_TOKEN', SECRET],
  ['GET', '/repos/acme/app/environments/team%2Fprod/secrets/public-key', undefined],
  // Organization secrets
  ['GET', '/orgs/acme/actions/secrets/public-key', undefined],
  ['GET', '/orgs/acme/actions/secrets/ATLASSIAN_TOKEN', undefined],
  ['PUT', '/orgs/acme/actions/secrets/ATLASSIAN_TOKEN', { ...SECRET, visibility: 'all' }],
  ['PUT', '/orgs/acme/actions/secrets/ATLASSIAN_TOKEN', { ...SECRET, visibility: 'private' }],
  [
    'PUT',
    '/orgs/acme/actions/secrets/ATLASSIAN_TOKEN',
    { ...SECRET, visibility: 'selected', selected_repository_ids: [123, 456] },
  ],
  ['GET', '/orgs/acme/actions/secrets/ATLASSIAN_TOKEN/repositories', undefined],
  ['GET', '/orgs/acme/actions/secrets/ATLASSIAN_TOKEN/repositories?per_page=100&page=2', undefined],
  ['GET', '/repos/acme/app', undefined],
  // The stale-token guard reads the run attempt
  ['GET', '/repos/acme/app/actions/runs/9876543210/attempts/2', undefined],
  // `status` reads the rotation workflow, by file name or id, and its recent runs
  ['GET', '/repos/acme/app/actions/workflows/rotate-atlassian-token.yml', undefined],
  ['GET', '/repos/acme/app/actions/workflows/161335', undefined],
  ['GET', '/repos/acme/app/actions/workflows/161335/runs?per_page=10', undefined],
]

let contract: GitHubContract

beforeAll(async () => {
  contract = await loadGitHubContract()
})

describe('GitHub contract: what the action sends', () => {
  /** Names the body's properties (and the visibility) in the test title, not the sealed value. */
  const titled = ACTION_REQUESTS.map(([method, path, body]) => {
    const fields = Object.entries(body ?? {}).map(([name, value]) =>
      name === 'visibility' ? `visibility: ${String(value)}` : name,
    )
    const title = `${method} ${path}${fields.length > 0 ? ` {${fields.join(', ')}}` : ''}`
    return [title, method, path, body] as const
  })

  it.each(titled)('accepts %s', (_title, method, path, body) => {
    expect(contract.check(method, path, body)).toEqual([])
  })

  it('accepts sealed values of every base64 padding, and rejects the URL-safe alphabet', () => {
    const put = (value: string) =>
      contract.check('PUT', '/repos/acme/app/actions/secrets/X', {
        ...SECRET,
        encrypted_value: value,
      })
    // 108, 109 and 110 bytes end in no padding, "==" and "=".
    for (const bytes of [60, 61, 62]) expect(put(sealedValue(bytes))).toEqual([])
    // libsodium's default base64 variant is URL-safe without padding: GitHub's pattern refuses it.
    const urlSafe = Buffer.alloc(109, 0xfb).toString('base64url')
    expect(put(urlSafe)).toEqual([expect.stringContaining('body.encrypted_value must match')])
    expect(put('')).toEqual([expect.stringContaining('body.encrypted_value must match')])
  })

  it('takes the method case-insensitively, as HTTP clients send it either way', () => {
    expect(contract.check('put', '/repos/acme/app/actions/secrets/X', SECRET)).toEqual([])
  })
})

describe('GitHub contract: request bodies', () => {
  it('rejects a repository or environment secret PUT without key_id or encrypted_value', () => {
    for (const path of [
      '/repos/acme/app/actions/secrets/X',
      '/repos/acme/app/environments/production%20eu/secrets/X',
    ]) {
      expect(contract.check('PUT', path, { encrypted_value: SECRET.encrypted_value })).toEqual([
        expect.stringContaining('body lacks the required property key_id.'),
      ])
      expect(contract.check('PUT', path, { key_id: KEY_ID })).toEqual([
        expect.stringContaining('body lacks the required property encrypted_value.'),
      ])
    }
  })

  it('requires visibility on an organization secret PUT, but not key_id (a visibility-only update)', () => {
    const path = '/orgs/acme/actions/secrets/X'
    expect(contract.check('PUT', path, SECRET)).toEqual([
      expect.stringContaining('body lacks the required property visibility.'),
    ])
    // GitHub's description lists only `visibility` as required here: the checker follows it.
    expect(
      contract.check('PUT', path, { encrypted_value: SECRET.encrypted_value, visibility: 'all' }),
    ).toEqual([])
  })

  it('rejects visibility "public" on an organization secret', () => {
    expect(
      contract.check('PUT', '/orgs/acme/actions/secrets/X', { ...SECRET, visibility: 'public' }),
    ).toEqual([
      expect.stringContaining(
        'body.visibility must be one of "all", "private", "selected"; got string "public".',
      ),
    ])
  })

  it('rejects selected_repository_ids that are not a list of integers', () => {
    const put = (ids: unknown) =>
      contract.check('PUT', '/orgs/acme/actions/secrets/X', {
        ...SECRET,
        visibility: 'selected',
        selected_repository_ids: ids,
      })
    expect(put('123,456')).toEqual([
      expect.stringContaining(
        'body.selected_repository_ids must be an array; got string "123,456".',
      ),
    ])
    expect(put([123, 4.5])).toEqual([
      expect.stringContaining('body.selected_repository_ids[1] matches none of the anyOf'),
    ])
    expect(put([true])).toEqual([expect.stringContaining('body.selected_repository_ids[0]')])
    // The description types each id as integer *or string* here (anyOf): string ids pass. If
    // GitHub tightens that, this fails and the report should say so.
    expect(put(['123', '456'])).toEqual([])
  })

  it('rejects string repository ids where the description wants integers only', () => {
    // PUT .../repositories declares `items: {type: integer}`, unlike the secret PUT above.
    const path = '/orgs/acme/actions/secrets/X/repositories'
    expect(contract.check('PUT', path, { selected_repository_ids: [123, 456] })).toEqual([])
    expect(contract.check('PUT', path, { selected_repository_ids: ['123', '456'] })).toEqual([
      expect.stringContaining(
        'body.selected_repository_ids[0] must be an integer; got string "123".',
      ),
      expect.stringContaining(
        'body.selected_repository_ids[1] must be an integer; got string "456".',
      ),
    ])
  })

  it('rejects unknown properties only where the description says additionalProperties: false', () => {
    // The secret PUT bodies do not say it: GitHub's description lets extra properties through.
    expect(
      contract.check('PUT', '/repos/acme/app/actions/secrets/X', { ...SECRET, visibility: 'all' }),
    ).toEqual([])
    // Creating an environment does say it.
    const path = '/repos/acme/app/environments/production%20eu'
    expect(contract.check('PUT', path, { wait_timer: 30 })).toEqual([])
    expect(contract.check('PUT', path, { wait_timer: 30, wait_timeout: 30 })).toEqual([
      expect.stringContaining(
        'body has the property wait_timeout, which the operation does not take.',
      ),
    ])
  })

  it('rejects wrong JSON types, including a number where an integer is due', () => {
    expect(
      contract.check('PUT', '/repos/acme/app/actions/secrets/X', { ...SECRET, key_id: 568250167 }),
    ).toEqual([expect.stringContaining('body.key_id must be a string; got integer 568250167.')])
    expect(contract.check('PUT', '/repos/acme/app/actions/secrets/X', 'c2VjcmV0')).toEqual([
      expect.stringContaining('body must be an object; got string "c2VjcmV0".'),
    ])
    expect(
      contract.check('PUT', '/repos/acme/app/environments/production', { wait_timer: 1.5 }),
    ).toEqual([expect.stringContaining('body.wait_timer must be an integer; got number 1.5.')])
  })

  it('rejects a body sent to an operation that takes none, and a missing required body', () => {
    expect(contract.check('GET', '/repos/acme/app/actions/secrets/public-key', {})).toEqual([
      expect.stringContaining('the operation takes no request body, but one was sent.'),
    ])
    expect(contract.check('PUT', '/repos/acme/app/actions/secrets/X', undefined)).toEqual([
      expect.stringContaining('the operation requires a JSON body.'),
    ])
  })
})

describe('GitHub contract: operations and paths', () => {
  it('rejects a wrong method: POST to the PUT route', () => {
    expect(contract.check('POST', '/repos/acme/app/actions/secrets/X', SECRET)).toEqual([
      'POST /repos/acme/app/actions/secrets/X: no such operation: /repos/{owner}/{repo}/actions/secrets/{secret_name} takes GET, PUT, DELETE, not POST.',
    ])
  })

  it('rejects a path that does not exist', () => {
    expect(contract.check('GET', '/repos/o/r/actions/secret/X', undefined)).toEqual([
      "GET /repos/o/r/actions/secret/X: no such operation (no path in GitHub's description matches).",
    ])
    // A path under the Enterprise Server prefix is not relative to the API base.
    expect(
      contract.check('GET', '/api/v3/repos/o/r/actions/secrets/public-key', undefined),
    ).toEqual([expect.stringContaining('no such operation')])
  })

  it('matches the concrete template before the templated one (public-key is not a secret name)', () => {
    // PUT would fit .../secrets/{secret_name}, but .../secrets/public-key is its own path: GET only.
    expect(contract.check('PUT', '/repos/acme/app/actions/secrets/public-key', SECRET)).toEqual([
      expect.stringContaining(
        '/repos/{owner}/{repo}/actions/secrets/public-key takes GET, not PUT.',
      ),
    ])
  })

  it('rejects empty path parameters', () => {
    expect(contract.check('GET', '/repos/acme/app/actions/secrets/', undefined)).toEqual([
      expect.stringContaining('path parameter secret_name is empty.'),
    ])
    expect(contract.check('GET', '/repos//app/environments/%20', undefined)).toEqual([
      expect.stringContaining('path parameter owner is empty.'),
    ])
  })

  it('decodes path segments, and rejects unencoded or malformed ones', () => {
    // An environment named "production eu" must be sent encoded.
    expect(
      contract.check(
        'GET',
        '/repos/acme/app/environments/production eu/secrets/public-key',
        undefined,
      ),
    ).toEqual([expect.stringContaining('path segment(s) "production eu" hold characters')])
    expect(contract.check('GET', '/repos/acme/app/environments/prod%2', undefined)).toEqual([
      expect.stringContaining('path segment(s) "prod%2" hold characters'),
    ])
    // Well-formed escapes that are not UTF-8.
    expect(contract.check('GET', '/repos/acme/app/environments/prod%FF', undefined)).toEqual([
      expect.stringContaining(
        'path parameter environment_name "prod%FF" is not valid percent-encoding.',
      ),
    ])
  })

  it('checks integer path parameters', () => {
    expect(contract.check('GET', '/repos/acme/app/actions/runs/12a/attempts/1', undefined)).toEqual(
      [expect.stringContaining('path parameter run_id must be an integer; got "12a".')],
    )
    expect(contract.check('GET', '/repos/acme/app/actions/runs/1/attempts/1.0', undefined)).toEqual(
      [expect.stringContaining('path parameter attempt_number must be an integer; got "1.0".')],
    )
  })

  it('checks path parameters against the pattern the description gives', () => {
    // None of the action's routes has one; a custom runner image's {version} must match ^\d+\.\d+\.\d+$.
    const path = '/orgs/acme/actions/hosted-runners/images/custom/7/versions/'
    expect(contract.check('GET', `${path}1.2.3`, undefined)).toEqual([])
    expect(contract.check('GET', `${path}latest`, undefined)).toEqual([
      expect.stringContaining('path parameter version must match'),
    ])
  })
})

describe('loadGitHubContract', () => {
  it('parses the description once and hands every caller the same contract', async () => {
    await expect(loadGitHubContract()).resolves.toBe(contract)
    await expect(loadGitHubContract('api.github.com')).resolves.toBe(contract)
  })

  it('loads a GitHub Enterprise Server description, which takes the same requests', async () => {
    const ghes = await loadGitHubContract('ghes-3.19')
    expect(ghes).not.toBe(contract)
    for (const [method, path, body] of ACTION_REQUESTS) {
      expect(ghes.check(method, path, body)).toEqual([])
    }
  })

  it('fails for a description the package does not ship, and does not remember the failure', async () => {
    const first = loadGitHubContract('ghes-1.0')
    await expect(first).rejects.toThrow('ghes-1.0')
    const second = loadGitHubContract('ghes-1.0')
    expect(second).not.toBe(first)
    await expect(second).rejects.toThrow('ghes-1.0')
  })
})

describe("GitHub contract: the emulator's workflow answers", () => {
  const REPO = 'acme/app'
  const TOKEN = 'github_pat_actions_read'
  let github: GitHubEmulator

  beforeAll(async () => {
    const clock = new ManualClock()
    github = await new GitHubEmulator(() => clock.now()).start()
    github.addRepository(REPO)
    github.addToken(TOKEN, {
      kind: 'fine-grained-pat',
      repositories: [REPO],
      secrets: 'none',
      actions: 'read',
    })
    const workflow = github.addWorkflow(REPO, 'rotate-atlassian-token.yml', {
      name: 'Rotate Atlassian token',
      state: 'disabled_inactivity',
    })
    const day = 24 * 60 * 60 * 1000
    github.addWorkflowRun(REPO, workflow.id, { createdAt: new Date(clock.now() - 3 * day) })
    github.addWorkflowRun(REPO, workflow.id, {
      event: 'workflow_dispatch',
      conclusion: 'failure',
      createdAt: new Date(clock.now() - day),
    })
    github.addWorkflowRun(REPO, workflow.id, {
      status: 'in_progress',
      createdAt: new Date(clock.now()),
    })
  })
  afterAll(() => github.close())

  async function get(path: string): Promise<{ status: number; body: unknown }> {
    const answer = await request(`${github.apiUrl}${path}`, {
      headers: { authorization: `token ${TOKEN}`, 'user-agent': 'test' },
    })
    return { status: answer.statusCode, body: await answer.body.json() }
  }

  it.each([
    '/repos/acme/app/actions/workflows/rotate-atlassian-token.yml',
    '/repos/acme/app/actions/workflows/rotate-atlassian-token.yml/runs?per_page=10',
  ])('answers %s as the description documents it', async (path) => {
    const { status, body } = await get(path)
    expect(status).toBe(200)
    expect(contract.checkAnswer('GET', path, status, body)).toEqual([])
  })

  it('gives the state and the runs newest first, per_page at a time', async () => {
    const byId = github.workflow(REPO, 'rotate-atlassian-token.yml')?.id ?? 0
    const workflow = await get(`/repos/acme/app/actions/workflows/${byId}`)
    expect(workflow.body).toMatchObject({ id: byId, state: 'disabled_inactivity' })
    const { body } = await get(`/repos/acme/app/actions/workflows/${byId}/runs?per_page=2`)
    expect(body).toMatchObject({
      total_count: 3,
      workflow_runs: [
        { status: 'in_progress', conclusion: null, event: 'schedule' },
        { status: 'completed', conclusion: 'failure', event: 'workflow_dispatch' },
      ],
    })
    expect(await get('/repos/acme/app/actions/workflows/other.yml')).toMatchObject({
      status: 404,
    })
  })

  it('answers the state an enable (PUT …/enable) left, from the same store', async () => {
    const repository = 'acme/enabled'
    github.addRepository(repository)
    github.addToken('github_pat_actions_write', {
      kind: 'fine-grained-pat',
      repositories: [repository],
      secrets: 'none',
      actions: 'write',
    })
    github.addWorkflow(repository, '.github/workflows/rotate.yml', 'disabled_inactivity')
    const enable = await request(
      `${github.apiUrl}/repos/${repository}/actions/workflows/rotate.yml/enable`,
      {
        method: 'PUT',
        headers: { authorization: 'token github_pat_actions_write', 'user-agent': 'test' },
      },
    )
    await enable.body.dump()
    expect(enable.statusCode).toBe(204)
    expect(github.workflow(repository, 'rotate.yml')?.state).toBe('active')
    expect(github.workflowEnables).toMatchObject([
      { workflow: 'rotate.yml', was: 'disabled_inactivity' },
    ])
  })

  it('names what an answer lacks or gets wrong, so the checks above can fail', async () => {
    const path = '/repos/acme/app/actions/workflows/rotate-atlassian-token.yml'
    const { body } = await get(path)
    const withoutState = { ...(body as Record<string, unknown>) }
    delete withoutState['state']
    expect(contract.checkAnswer('GET', path, 200, withoutState)).toEqual([
      expect.stringContaining('answer 200 lacks the required property state.'),
    ])
    expect(contract.checkAnswer('GET', path, 200, { ...withoutState, state: 'disabled' })).toEqual([
      expect.stringContaining('answer 200.state must be one of'),
    ])
    const runs = `${path}/runs`
    const listed = (await get(runs)).body as { workflow_runs: Record<string, unknown>[] }
    const [first] = listed.workflow_runs
    const ownerless = { ...(first?.['repository'] as Record<string, unknown>) }
    delete ownerless['owner']
    expect(
      contract.checkAnswer('GET', runs, 200, {
        ...listed,
        workflow_runs: [{ ...first, repository: ownerless, conclusion: 1 }],
      }),
    ).toEqual([
      expect.stringContaining('answer 200.workflow_runs[0].conclusion must be a string'),
      expect.stringContaining(
        'answer 200.workflow_runs[0].repository lacks the required property owner.',
      ),
    ])
    expect(contract.checkAnswer('GET', path, 418, {})).toEqual([
      expect.stringContaining('answers 418, which the description does not list'),
    ])
  })
})
