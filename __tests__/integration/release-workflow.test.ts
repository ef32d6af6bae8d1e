/**
 * The release workflow's moving parts, run here as the runner runs them: its facts script
 * (scripts/release/facts.ts, through tsx, in a git checkout with tags, writing the runner's output
 * file), and the shell of its publishing job (taken from .github/workflows/release.yml, run by bash
 * as GitHub's default shell, with a stand-in `gh` that records every call and answers as GitHub
 * would).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx')
const FACTS = join(PROJECT_ROOT, 'scripts', 'release', 'facts.ts')

const temporary: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-'))
  temporary.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
})

/** The runner's reading of a GITHUB_OUTPUT file: `name=value` and `name<<DELIMITER` blocks. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const block = /^([^=<]+)<<(.+)$/.exec(line)
    if (block?.[1] && block[2]) {
      const end = lines.indexOf(block[2], i + 1)
      outputs[block[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

describe('the release facts script', () => {
  /** A checkout at package.json version `version`, with `tags` on its commit. */
  function checkout(version: string, tags: string[]): string {
    const dir = tempDir()
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version }))
    writeFileSync(
      join(dir, 'CHANGELOG.md'),
      '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2027-02-01\n\n### Fixed\n\n- A fix.\n' +
        '- Another, with a line\n  that goes on.\n\n## [1.0.0] - 2026-12-02\n\n### Added\n\n- All.\n',
    )
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'T',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 'T',
          GIT_COMMITTER_EMAIL: 't@example.com',
        },
      })
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'release')
    for (const tag of tags) git('tag', tag)
    return dir
  }

  function facts(dir: string, tag: string, env: Record<string, string> = {}) {
    const outputFile = join(tempDir(), 'github-output')
    writeFileSync(outputFile, '')
    const run = spawnSync(TSX, [FACTS, tag], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, GITHUB_OUTPUT: outputFile, ...env },
    })
    return { ...run, outputs: readOutputs(readFileSync(outputFile, 'utf8')) }
  }

  it("gives the version, the major tag and the version's notes as step outputs", () => {
    const dir = checkout('1.2.0', ['v1.0.0', 'v1', 'v1.2.0'])
    const run = facts(dir, 'v1.2.0')

    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.outputs).toEqual({
      version: '1.2.0',
      'major-tag': 'v1',
      'move-major': 'true',
      notes: '### Fixed\n\n- A fix.\n- Another, with a line\n  that goes on.',
    })
    expect(run.stdout).toContain('Release v1.2.0: version 1.2.0, moves v1.')
  })

  it('leaves the major tag where it is when a higher release of that major exists', () => {
    const run = facts(checkout('1.2.0', ['v1.3.0', 'v1.2.0']), 'v1.2.0')

    expect(run.status).toBe(0)
    expect(run.outputs['move-major']).toBe('false')
    expect(run.stdout).toContain('leaves v1 alone (a higher v1.x release exists)')
  })

  it("refuses a tag that is not package.json's version, on the run's page, and outputs nothing", () => {
    const run = facts(checkout('1.2.0', []), 'v1.2.1', { GITHUB_ACTIONS: 'true' })

    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /^::error title=Not released::The tag v1\.2\.1 does not match package\.json's version 1\.2\.0\./,
    )
    expect(run.outputs).toEqual({})
  })

  it('refuses a version the CHANGELOG has no section for', () => {
    const run = facts(checkout('1.1.0', []), 'v1.1.0')

    expect(run.status).toBe(1)
    expect(run.stderr).toContain('CHANGELOG.md has no section for 1.1.0')
    expect(run.outputs).toEqual({})
  })

  it("accepts this repository's own package.json version and CHANGELOG", () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const run = facts(PROJECT_ROOT, `v${version}`)

    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Release v${version}: version ${version}`)
  })
})

describe("the publishing job's shell", () => {
  interface Step {
    name?: string
    run?: string
    if?: string
  }
  const workflow = parse(
    readFileSync(join(PROJECT_ROOT, '.github', 'workflows', 'release.yml'), 'utf8'),
  ) as { jobs: Record<string, { steps?: Step[]; permissions?: unknown }> }
  const publish = workflow.jobs['publish']
  const step = (name: string): Step => {
    const found = publish?.steps?.find((s) => s.name === name)
    if (found?.run === undefined) throw new Error(`release.yml's publish job has no step "${name}"`)
    return found
  }

  const SHA = '0123456789abcdef0123456789abcdef01234567'
  const NOTES = "### Fixed\n\n- A fix with `backticks`, $DOLLARS and 'quotes'."

  /**
   * Runs a step's shell as GitHub does (`bash --noprofile --norc -eo pipefail`), with a `gh` that
   * logs each call's arguments (one per line, a blank line after each call) and answers: the
   * commit of a tag, whether the major tag exists (`majorExists`), and a failure where asked.
   */
  function runStep(
    name: string,
    options: { majorExists?: boolean; releaseExists?: boolean; failing?: string } = {},
  ) {
    const dir = tempDir()
    const bin = join(dir, 'bin')
    execFileSync('mkdir', ['-p', bin])
    const gh = join(bin, 'gh')
    writeFileSync(
      gh,
      [
        '#!/usr/bin/env bash',
        'printf "%s\\n" "$@" >> "$GH_LOG"; echo >> "$GH_LOG"',
        'case " $* " in',
        '  *" $FAIL_ON "*) echo "gh: HTTP 500" >&2; exit 1 ;;',
        '  *" release view "*) [ "$RELEASE_EXISTS" = 1 ] || { echo "release not found" >&2; exit 1; } ;;',
        '  *" --notes-file "*) cat "${@: -1}" > "$GH_LOG.notes" ;;',
        `  *"/commits/"*) echo "${SHA}" ;;`,
        '  *"/git/ref/tags/"*) if [ "$MAJOR_EXISTS" = 1 ]; then echo "{}"; else echo "gh: Not Found (HTTP 404)" >&2; exit 1; fi ;;',
        'esac',
        '',
      ].join('\n'),
    )
    chmodSync(gh, 0o755)
    const log = join(dir, 'gh.log')
    writeFileSync(log, '')
    const run = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step(name).run ?? ''],
      {
        encoding: 'utf8',
        env: {
          PATH: `${bin}:${process.env['PATH'] ?? ''}`,
          GH_LOG: log,
          MAJOR_EXISTS: options.majorExists ? '1' : '0',
          RELEASE_EXISTS: options.releaseExists ? '1' : '0',
          FAIL_ON: options.failing ?? 'never-fails',
          RUNNER_TEMP: dir,
          GH_TOKEN: 'ghs_test',
          GH_REPO: 'OWNER/atlassian-token-rotation',
          TAG: 'v1.2.0',
          MAJOR_TAG: 'v1',
          NOTES,
        },
      },
    )
    const calls = readFileSync(log, 'utf8')
      .split('\n\n')
      .filter((call) => call !== '')
      .map((call) => call.split('\n'))
    const notes = (() => {
      try {
        return readFileSync(`${log}.notes`, 'utf8')
      } catch {
        return undefined
      }
    })()
    return { ...run, calls, notes }
  }

  it('is the only job that may write, and runs no checkout or npm', () => {
    expect(publish?.permissions).toEqual({ contents: 'write' })
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (id !== 'publish') expect(job.permissions).toBeUndefined()
    }
    expect(JSON.stringify(publish?.steps)).not.toMatch(/checkout|npm/)
  })

  it('creates the release of the pushed tag with the notes as they are', () => {
    const run = runStep('Publish the GitHub release')

    expect(run.status).toBe(0)
    expect(run.calls).toEqual([
      ['release', 'view', 'v1.2.0', '--json', 'tagName'],
      [
        'release',
        'create',
        'v1.2.0',
        '--verify-tag',
        '--title',
        'v1.2.0',
        '--notes-file',
        expect.any(String),
      ],
    ])
    expect(run.notes).toBe(`${NOTES}\n`)
  })

  it('leaves a published release as it is, so a re-run goes on to the major tag', () => {
    const run = runStep('Publish the GitHub release', { releaseExists: true })

    expect(run.status).toBe(0)
    expect(run.calls).toEqual([['release', 'view', 'v1.2.0', '--json', 'tagName']])
    expect(run.stdout).toContain('::notice title=Release already published::')
  })

  it('fails when the release cannot be created', () => {
    const run = runStep('Publish the GitHub release', { failing: 'create' })

    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('HTTP 500')
  })

  it("creates the major tag on the release tag's commit when it does not exist yet", () => {
    const run = runStep('Move the major tag')

    expect(run.status).toBe(0)
    expect(run.calls).toEqual([
      ['api', 'repos/OWNER/atlassian-token-rotation/commits/v1.2.0', '--jq', '.sha'],
      ['api', 'repos/OWNER/atlassian-token-rotation/git/ref/tags/v1', '--silent'],
      [
        'api',
        '--method',
        'POST',
        'repos/OWNER/atlassian-token-rotation/git/refs',
        '-f',
        'ref=refs/tags/v1',
        '-f',
        `sha=${SHA}`,
        '--silent',
      ],
    ])
    expect(run.stdout).toBe(`::notice title=Major tag moved::v1 now names v1.2.0 (${SHA}).\n`)
  })

  it('moves an existing major tag, forced', () => {
    const run = runStep('Move the major tag', { majorExists: true })

    expect(run.status).toBe(0)
    expect(run.calls.at(-1)).toEqual([
      'api',
      '--method',
      'PATCH',
      'repos/OWNER/atlassian-token-rotation/git/refs/tags/v1',
      '-f',
      `sha=${SHA}`,
      '-F',
      'force=true',
      '--silent',
    ])
  })

  it("touches no tag when the tag's commit cannot be read", () => {
    const run = runStep('Move the major tag', {
      failing: 'repos/OWNER/atlassian-token-rotation/commits/v1.2.0',
    })

    expect(run.status).not.toBe(0)
    expect(run.calls).toHaveLength(1)
  })

  it('fails when the major tag cannot be written', () => {
    const run = runStep('Move the major tag', { majorExists: true, failing: 'PATCH' })

    expect(run.status).not.toBe(0)
    expect(run.stdout).not.toContain('Major tag moved')
  })

  it('moves the major tag only when the facts say so, and says when it does not', () => {
    expect(step('Move the major tag').if).toBe("needs.facts.outputs.move-major == 'true'")
    expect(step('Leave the major tag').if).toBe("needs.facts.outputs.move-major != 'true'")
    const run = runStep('Leave the major tag')
    expect(run.status).toBe(0)
    expect(run.calls).toEqual([])
    expect(run.stdout).toBe(
      '::notice title=Major tag kept::A higher v1.x release exists, so v1 stays where it is.\n',
    )
  })
})
