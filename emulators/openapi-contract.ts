/**
 * Checks a GitHub REST request (method, path, JSON body) against GitHub's published OpenAPI
 * description, shipped in the npm package `@octokit/openapi`, so the emulator's idea of the API
 * cannot drift from GitHub's own without a test noticing.
 *
 * We read the plain description (`generated/api.github.com.json`, ≈13 MB, ≈130–160 ms to read and
 * parse here) rather than the dereferenced one (≈73 MB): requests only need parameters and request
 * bodies, whose `$ref`s one small resolver follows. The package's `index.js` requires all ten
 * descriptions (≈400 MB) at once, so we never import it: we resolve the one file and read it.
 *
 * Bodies are checked by a small validator for the subset of JSON Schema the description's request
 * bodies use (type with OpenAPI 3.0 `nullable`, properties, required, enum, items,
 * additionalProperties, oneOf/anyOf/allOf, pattern, length, size and range limits). A library such
 * as Ajv would be a new dependency that, in strict mode, rejects OpenAPI's own keywords (`nullable`,
 * `example`, `x-github`), and its messages point into the schema rather than into the request.
 * `format`, `readOnly` and `discriminator` are not checked.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

export interface GitHubContract {
  /**
   * Problems with one request, as sentences; empty when the request matches the description.
   * `path` is relative to the API base (`/repos/o/r/...`, not `/api/v3/repos/...`), may carry a
   * query string (ignored), and has its segments percent-encoded as sent on the wire. `body` is the
   * parsed JSON body, or `undefined` when none was sent.
   */
  check(method: string, path: string, body: unknown): string[]
  /**
   * Problems with one answer (the emulator's), against the JSON body the description documents for
   * that operation and status: required properties, types, enums. Empty when it matches.
   */
  checkAnswer(method: string, path: string, status: number, body: unknown): string[]
}

interface Ref {
  $ref: string
}

interface Schema {
  type?: string
  nullable?: boolean
  properties?: Record<string, Schema | Ref>
  required?: string[]
  enum?: unknown[]
  items?: Schema | Ref
  additionalProperties?: boolean | Schema | Ref
  oneOf?: (Schema | Ref)[]
  anyOf?: (Schema | Ref)[]
  allOf?: (Schema | Ref)[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  maxProperties?: number
  minimum?: number
  maximum?: number
}

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema | Ref
  /** GitHub's extension: the value may hold unencoded slashes (branch names, git refs). */
  'x-multi-segment'?: boolean
}

interface RequestBody {
  required?: boolean
  content: Record<string, { schema?: Schema | Ref }>
}

interface ResponseObject {
  content?: Record<string, { schema?: Schema | Ref }>
}

interface Operation {
  operationId?: string
  parameters?: (Parameter | Ref)[]
  requestBody?: RequestBody | Ref
  responses?: Record<string, ResponseObject | Ref>
}

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete' | 'head' | 'options' | 'trace'

interface PathItem extends Partial<Record<Method, Operation>> {
  /** Parameters shared by every operation of the path (GitHub's description has none today). */
  parameters?: (Parameter | Ref)[]
}

interface Description {
  paths: Record<string, PathItem>
}

interface Route {
  template: string
  item: PathItem
  pattern: RegExp
  /** Parameter names in the order of the pattern's capture groups. */
  names: string[]
  /** Per template segment: 0 literal, 1 templated, 2 multi-segment. Lower sorts first. */
  rank: number[]
}

const METHODS: readonly Method[] = [
  'get',
  'put',
  'post',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
]

/** RFC 3986 `pchar`: what a path segment may hold without percent-encoding. */
const PATH_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/

// Jest gives each test file its own module registry, so this saves work within a file (and in
// other callers) but each test file that loads the contract pays for one read.
const cache = new Map<string, Promise<GitHubContract>>()

/**
 * The contract of one of the descriptions in `@octokit/openapi`'s `generated/` folder:
 * `api.github.com` (default), `ghec`, or `ghes-X.Y` for the Enterprise Server versions the
 * installed package ships.
 */
export function loadGitHubContract(description = 'api.github.com'): Promise<GitHubContract> {
  let contract = cache.get(description)
  if (contract === undefined) {
    contract = readDescription(description).then((spec) => new Contract(spec))
    // A failed load (say, a GHES version the package no longer ships) should not stick.
    contract.catch(() => cache.delete(description))
    cache.set(description, contract)
  }
  return contract
}

async function readDescription(name: string): Promise<Description> {
  const file = createRequire(import.meta.url).resolve(`@octokit/openapi/generated/${name}.json`)
  return JSON.parse(await readFile(file, 'utf8')) as Description
}

class Contract implements GitHubContract {
  readonly #spec: Description
  readonly #routes: Route[]
  readonly #patterns = new Map<string, RegExp>()

  constructor(spec: Description) {
    this.#spec = spec
    this.#routes = Object.entries(spec.paths)
      .map(([template, item]) => this.#route(template, item))
      // OpenAPI matches concrete paths before templated ones (`.../secrets/public-key` before
      // `.../secrets/{secret_name}`): sort so the first match is the most concrete.
      .sort((a, b) => compareRanks(a.rank, b.rank))
  }

  checkAnswer(method: string, path: string, status: number, body: unknown): string[] {
    const found = this.#operation(method, path)
    if (typeof found === 'string') return [found]
    const { operation, where } = found
    const response = this.#resolve(operation.responses?.[String(status)])
    if (response === undefined) {
      const documented = Object.keys(operation.responses ?? {}).join(', ')
      return [`${where}: answers ${status}, which the description does not list (${documented}).`]
    }
    const schema = this.#resolve(response.content?.['application/json']?.schema)
    if (schema === undefined) {
      return body === undefined ? [] : [`${where}: the ${status} answer has no JSON body.`]
    }
    const problems: string[] = []
    this.#validate(schema, body, `answer ${status}`, problems)
    return problems.map((problem) => `${where}: ${problem}`)
  }

  #operation(
    method: string,
    path: string,
  ): string | { operation: Operation; route: Route; match: RegExpExecArray; where: string } {
    const rawPath = path.replace(/[?#].*$/s, '')
    const verb = METHODS.find((known) => known === method.toLowerCase())
    const request = `${method.toUpperCase()} ${rawPath}`
    let route: Route | undefined
    let match: RegExpExecArray | null = null
    for (const candidate of this.#routes) {
      match = candidate.pattern.exec(rawPath)
      if (match !== null) {
        route = candidate
        break
      }
    }
    const operation = verb === undefined ? undefined : route?.item[verb]
    if (route === undefined || match === null || operation === undefined) {
      return `${request}: no such operation in GitHub's description.`
    }
    const where = `${method.toUpperCase()} ${route.template} (${operation.operationId ?? 'no operationId'})`
    return { operation, route, match, where }
  }

  check(method: string, path: string, body: unknown): string[] {
    const rawPath = path.replace(/[?#].*$/s, '')
    const verb = METHODS.find((known) => known === method.toLowerCase())
    const request = `${method.toUpperCase()} ${rawPath}`
    if (!rawPath.startsWith('/')) {
      return [`${request}: the path must start with "/" (relative to the API base).`]
    }
    const badSegments = rawPath
      .split('/')
      .filter((segment) => !PATH_SEGMENT.test(segment))
      .map((segment) => JSON.stringify(segment))
    if (badSegments.length > 0) {
      return [
        `${request}: path segment(s) ${badSegments.join(', ')} hold characters that must be percent-encoded, or a malformed %XX escape.`,
      ]
    }

    let route: Route | undefined
    let match: RegExpExecArray | null = null
    for (const candidate of this.#routes) {
      match = candidate.pattern.exec(rawPath)
      if (match !== null) {
        route = candidate
        break
      }
    }
    if (route === undefined || match === null) {
      return [`${request}: no such operation (no path in GitHub's description matches).`]
    }
    const operation = verb === undefined ? undefined : route.item[verb]
    if (operation === undefined) {
      const allowed = METHODS.filter((m) => route.item[m] !== undefined).map((m) => m.toUpperCase())
      return [
        `${request}: no such operation: ${route.template} takes ${allowed.join(', ')}, not ${method.toUpperCase()}.`,
      ]
    }

    const where = `${method.toUpperCase()} ${route.template} (${operation.operationId ?? 'no operationId'})`
    const problems: string[] = []
    this.#checkPathParameters(route, operation, match, problems)
    this.#checkBody(operation, body, problems)
    return problems.map((problem) => `${where}: ${problem}`)
  }

  #route(template: string, item: PathItem): Route {
    const multiSegment = new Set<string>()
    for (const verb of METHODS) {
      for (const parameter of this.#parameters(item, item[verb])) {
        if (parameter.in === 'path' && parameter['x-multi-segment'] === true) {
          multiSegment.add(parameter.name)
        }
      }
    }
    const names: string[] = []
    const rank: number[] = []
    const source = template
      .split('/')
      .map((segment) => {
        let kind = 0
        const part = segment
          .split(/(\{[^}]+\})/)
          .map((piece) => {
            const name = /^\{([^}]+)\}$/.exec(piece)?.[1]
            if (name === undefined) return escapeRegExp(piece)
            names.push(name)
            // Empty values still match, so that check() can say which parameter is empty
            // instead of "no such operation".
            if (multiSegment.has(name)) {
              kind = 2
              return '(.*)'
            }
            kind = Math.max(kind, 1)
            return '([^/]*)'
          })
          .join('')
        rank.push(kind)
        return part
      })
      .join('/')
    return { template, item, pattern: new RegExp(`^${source}$`), names, rank }
  }

  #checkPathParameters(
    route: Route,
    operation: Operation,
    match: RegExpExecArray,
    problems: string[],
  ): void {
    const parameters = new Map(
      this.#parameters(route.item, operation)
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => [parameter.name, parameter]),
    )
    route.names.forEach((name, index) => {
      const raw = match[index + 1] ?? ''
      let value: string
      try {
        value = decodeURIComponent(raw)
      } catch {
        problems.push(
          `path parameter ${name} ${JSON.stringify(raw)} is not valid percent-encoding.`,
        )
        return
      }
      if (value === '') {
        problems.push(`path parameter ${name} is empty.`)
        return
      }
      const schema = this.#resolve(parameters.get(name)?.schema)
      if (schema === undefined) return
      const typed = pathValue(value, schema.type)
      if (typed === undefined) {
        problems.push(
          `path parameter ${name} must be ${article(schema.type ?? '')}; got ${JSON.stringify(value)}.`,
        )
        return
      }
      this.#validate(schema, typed, `path parameter ${name}`, problems)
    })
  }

  #checkBody(operation: Operation, body: unknown, problems: string[]): void {
    const requestBody = this.#resolve(operation.requestBody)
    if (body === undefined) {
      if (requestBody?.required === true) problems.push('the operation requires a JSON body.')
      return
    }
    if (requestBody === undefined) {
      problems.push('the operation takes no request body, but one was sent.')
      return
    }
    const json = requestBody.content['application/json']
    if (json === undefined) {
      const types = Object.keys(requestBody.content).join(', ')
      problems.push(`the operation takes a ${types} body, not JSON.`)
      return
    }
    const schema = this.#resolve(json.schema)
    if (schema !== undefined) this.#validate(schema, body, 'body', problems)
  }

  #validate(schema: Schema, value: unknown, at: string, problems: string[]): void {
    if (value === null && (schema.nullable === true || schema.enum?.includes(null) === true)) return
    if (schema.type !== undefined && !hasType(value, schema.type)) {
      problems.push(`${at} must be ${article(schema.type)}; got ${describe(value)}.`)
      return
    }
    if (schema.enum !== undefined && !schema.enum.includes(value)) {
      const allowed = schema.enum.map((option) => JSON.stringify(option)).join(', ')
      problems.push(`${at} must be one of ${allowed}; got ${describe(value)}.`)
    }
    for (const part of schema.allOf ?? []) {
      this.#validate(this.#resolve(part), value, at, problems)
    }
    if (schema.anyOf !== undefined || schema.oneOf !== undefined) {
      this.#checkAlternatives(schema, value, at, problems)
    }

    if (typeof value === 'string') this.#checkString(schema, value, at, problems)
    if (typeof value === 'number') checkNumber(schema, value, at, problems)
    if (Array.isArray(value)) {
      checkArray(schema, value, at, problems)
      const items = this.#resolve(schema.items)
      if (items !== undefined) {
        value.forEach((item, index) => {
          this.#validate(items, item, `${at}[${index}]`, problems)
        })
      }
    } else if (isRecord(value)) {
      this.#checkObject(schema, value, at, problems)
    }
  }

  #checkAlternatives(schema: Schema, value: unknown, at: string, problems: string[]): void {
    for (const [keyword, branches] of [
      ['anyOf', schema.anyOf],
      ['oneOf', schema.oneOf],
    ] as const) {
      if (branches === undefined) continue
      const outcomes = branches.map((branch) => {
        const found: string[] = []
        this.#validate(this.#resolve(branch), value, at, found)
        return found
      })
      const passing = outcomes.filter((found) => found.length === 0).length
      if (passing === 0) {
        const why = outcomes.map((found) => found.join(' ')).join(' | ')
        problems.push(`${at} matches none of the ${keyword} alternatives: ${why}`)
      } else if (keyword === 'oneOf' && passing > 1) {
        problems.push(`${at} matches ${passing} of the oneOf alternatives; it must match one.`)
      }
    }
  }

  #checkString(schema: Schema, value: string, at: string, problems: string[]): void {
    // JSON Schema counts lengths in code points, not UTF-16 units; emoji need not be kept whole.
    const length = Array.from(value).length
    if (schema.minLength !== undefined && length < schema.minLength) {
      problems.push(`${at} must be at least ${schema.minLength} characters; got ${length}.`)
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      problems.push(`${at} must be at most ${schema.maxLength} characters; got ${length}.`)
    }
    if (schema.pattern !== undefined && !this.#pattern(schema.pattern).test(value)) {
      problems.push(`${at} must match /${schema.pattern}/; got ${describe(value)}.`)
    }
  }

  #checkObject(
    schema: Schema,
    value: Record<string, unknown>,
    at: string,
    problems: string[],
  ): void {
    const properties = schema.properties ?? {}
    for (const name of schema.required ?? []) {
      if (!(name in value)) problems.push(`${at} lacks the required property ${name}.`)
    }
    const names = Object.keys(value)
    if (schema.maxProperties !== undefined && names.length > schema.maxProperties) {
      problems.push(
        `${at} may have at most ${schema.maxProperties} properties; got ${names.length}.`,
      )
    }
    const additional = schema.additionalProperties
    for (const name of names) {
      const declared = properties[name]
      const child = `${at}.${name}`
      if (declared !== undefined) {
        this.#validate(this.#resolve(declared), value[name], child, problems)
      } else if (additional === false) {
        problems.push(`${at} has the property ${name}, which the operation does not take.`)
      } else if (typeof additional === 'object') {
        this.#validate(this.#resolve(additional), value[name], child, problems)
      }
    }
  }

  /** JSON Schema patterns are unanchored ECMAScript regular expressions; compile each once. */
  #pattern(source: string): RegExp {
    let pattern = this.#patterns.get(source)
    if (pattern === undefined) {
      pattern = new RegExp(source, 'u')
      this.#patterns.set(source, pattern)
    }
    return pattern
  }

  /** The operation's parameters after the path's shared ones, so that its own override them. */
  #parameters(item: PathItem, operation: Operation | undefined): Parameter[] {
    return [...(item.parameters ?? []), ...(operation?.parameters ?? [])].map((parameter) =>
      this.#resolve(parameter),
    )
  }

  /** Follows a local `$ref` (`#/components/...`) to what it names; anything else as it is. */
  #resolve<T extends object>(node: T | Ref): T
  #resolve<T extends object>(node: T | Ref | undefined): T | undefined
  #resolve<T extends object>(node: T | Ref | undefined): T | undefined {
    if (node === undefined || !('$ref' in node)) return node
    const pointer = node.$ref
    if (!pointer.startsWith('#/')) throw new Error(`Unsupported $ref ${pointer}`)
    let target: unknown = this.#spec
    for (const key of pointer.slice(2).split('/')) {
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~')
      target = isRecord(target) ? target[name] : undefined
    }
    if (!isRecord(target)) throw new Error(`Dangling $ref ${pointer}`)
    return this.#resolve(target as T | Ref)
  }
}

function checkNumber(schema: Schema, value: number, at: string, problems: string[]): void {
  if (schema.minimum !== undefined && value < schema.minimum) {
    problems.push(`${at} must be at least ${schema.minimum}; got ${value}.`)
  }
  if (schema.maximum !== undefined && value > schema.maximum) {
    problems.push(`${at} must be at most ${schema.maximum}; got ${value}.`)
  }
}

function checkArray(schema: Schema, value: unknown[], at: string, problems: string[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    problems.push(`${at} must have at least ${schema.minItems} items; got ${value.length}.`)
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    problems.push(`${at} must have at most ${schema.maxItems} items; got ${value.length}.`)
  }
  if (schema.uniqueItems === true) {
    const seen = new Set(value.map((item) => JSON.stringify(item)))
    if (seen.size !== value.length) problems.push(`${at} must not repeat items.`)
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isRecord(value)
    case 'array':
      return Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'null':
      return value === null
    default:
      // A type this validator does not know: let it through rather than invent a rule.
      return true
  }
}

/** A path segment's text as the JSON value its schema describes, or undefined if it is not one. */
function pathValue(value: string, type: string | undefined): unknown {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? Number(value) : undefined
    case 'number':
      return /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(value) ? Number(value) : undefined
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : undefined
    default:
      return value
  }
}

function compareRanks(a: number[], b: number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0)
    if (difference !== 0) return difference
  }
  return a.length - b.length
}

function describe(value: unknown): string {
  const kind =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number' && Number.isInteger(value)
          ? 'integer'
          : typeof value
  // JSON.stringify gives undefined for undefined, whatever its declared type says.
  const text = (JSON.stringify(value) as string | undefined) ?? String(value)
  // Bodies carry sealed secrets: keep messages short rather than echo whole values.
  return `${kind} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
