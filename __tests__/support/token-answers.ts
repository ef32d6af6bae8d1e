/**
 * Token endpoint answers, valid and odd, for property-based tests (fast-check) and for end-to-end
 * runs against the emulator. An answer is generated as a model — which body, which form each field
 * takes, which bytes carry it — and rendered around two tokens: generated credentials in unit
 * tests, the tokens the emulator really issued in end-to-end runs (`sampleOddAnswers`).
 *
 * Each rendered case knows every credential it placed and what a correct reader must make of it,
 * worked out from the model alone (never by asking the code under test).
 */
import fc from 'fast-check'
import type { ShapedAnswer, TokenEndpointFault } from '../../emulators/atlassian.js'
import type { IssuedTokens } from '../../emulators/rotation-rules.js'
import type { HttpAnswer } from '../../src/common/http.js'
import { MAX_SECRET_VALUE_BYTES } from '../../src/common/input-limits.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A value placed in an answer (undefined: the field is left out) and the credentials in it. */
interface Placed {
  value: Json | undefined
  /** Each as the masker must see it: trimmed; a multi-line value whole and line by line. */
  credentials: string[]
}
const absent: Placed = { value: undefined, credentials: [] }
const plain = (value: Json): Placed => ({ value, credentials: [] })
const secret = (value: string): Placed => ({ value, credentials: [value] })

// ---------------------------------------------------------------------------------------------
// Credentials: realistic token shapes, each with a capital or a digit, so none passes for a scope
// name (lowercase letters and ":._-").

const chars = (alphabet: string): fc.Arbitrary<string> => fc.constantFrom(...alphabet.split(''))
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ALNUM = `${LETTERS}0123456789`
const BASE64URL = `${ALNUM}-_`
const run = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: chars(alphabet), minLength, maxLength })

/** JWT-like: three base64url parts joined by dots, the first often "eyJ…" as a JSON header is. */
const jwtLike = fc
  .tuple(
    fc.constantFrom('eyJ', ''),
    run(BASE64URL, 8, 40),
    run(BASE64URL, 16, 160),
    run(BASE64URL, 16, 43),
  )
  .map(([start, header, payload, signature]) => `${start}${header}.${payload}.${signature}`)
const hexToken = run('0123456789abcdef', 32, 64)
const opaqueToken = run(ALNUM, 16, 64)
const base64Token = fc
  .tuple(run(`${ALNUM}+/`, 20, 60), fc.constantFrom('', '=', '=='))
  .map(([text, padding]) => text + padding)

export const credential: fc.Arbitrary<string> = fc
  .oneof(jwtLike, hexToken, opaqueToken, base64Token)
  .filter((value) => /[A-Z0-9]/.test(value))

// ---------------------------------------------------------------------------------------------
// The two tokens: how each is written into the answer.

type TokenForm =
  | { form: 'plain' }
  | { form: 'padded'; before: string; after: string }
  | { form: 'absent' }
  | { form: 'null' }
  | { form: 'number'; value: number }
  | { form: 'boolean' }
  | { form: 'blank'; value: string }
  | { form: 'inner-space'; other: string }
  | { form: 'multi-line'; other: string }
  | { form: 'too-long' }
  | { form: 'in-object' }
  | { form: 'in-list' }
  /** A form body naming the parameter twice. */
  | { form: 'repeated'; other: string }

type TokenReading = 'readable' | 'absent' | 'unreadable'

function readingOf(form: TokenForm): TokenReading {
  if (form.form === 'plain' || form.form === 'padded') return 'readable'
  if (form.form === 'absent' || form.form === 'null') return 'absent'
  return 'unreadable'
}

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\r', '\n'), maxLength: 4 })

function tokenForm(syntax: 'json' | 'form'): fc.Arbitrary<TokenForm> {
  const both: fc.Arbitrary<TokenForm>[] = [
    fc
      .tuple(whitespace, whitespace)
      .map(([before, after]): TokenForm => ({ form: 'padded', before, after })),
    fc.constant<TokenForm>({ form: 'absent' }),
    whitespace.map((value): TokenForm => ({ form: 'blank', value })),
    credential.map((other): TokenForm => ({ form: 'inner-space', other })),
    credential.map((other): TokenForm => ({ form: 'multi-line', other })),
    fc.constant<TokenForm>({ form: 'too-long' }),
  ]
  const jsonOnly: fc.Arbitrary<TokenForm>[] = [
    fc.constant<TokenForm>({ form: 'null' }),
    fc.integer().map((value): TokenForm => ({ form: 'number', value })),
    fc.constant<TokenForm>({ form: 'boolean' }),
    fc.constant<TokenForm>({ form: 'in-object' }),
    fc.constant<TokenForm>({ form: 'in-list' }),
  ]
  const formOnly: fc.Arbitrary<TokenForm>[] = [
    credential.map((other): TokenForm => ({ form: 'repeated', other })),
  ]
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant<TokenForm>({ form: 'plain' }) },
    { weight: 6, arbitrary: fc.oneof(...both, ...(syntax === 'json' ? jsonOnly : formOnly)) },
  )
}

/** Longer than any token the action reads (an access token up to 16 KiB, a refresh token up to
 * what a sealed secret holds). */
const TOKEN_LIMIT = MAX_SECRET_VALUE_BYTES

function placeToken(token: string, form: TokenForm): Placed {
  switch (form.form) {
    case 'plain':
      return secret(token)
    case 'padded':
      return { value: `${form.before}${token}${form.after}`, credentials: [token] }
    case 'absent':
      return absent
    case 'null':
      return plain(null)
    case 'number':
      return plain(form.value)
    case 'boolean':
      return plain(true)
    case 'blank':
      return plain(form.value)
    case 'inner-space':
      return secret(`${token} ${form.other}`)
    case 'multi-line': {
      const value = `${token}\n${form.other}`
      return { value, credentials: [value, token, form.other] }
    }
    case 'too-long':
      return secret(token.repeat(Math.ceil((TOKEN_LIMIT + 1) / token.length)))
    case 'in-object':
      return { value: { value: token }, credentials: [token] }
    case 'in-list':
      return { value: [token, 42], credentials: [token] }
    case 'repeated':
      return { value: [token, form.other], credentials: [token, form.other] }
  }
}

// ---------------------------------------------------------------------------------------------
// The other fields, in valid and odd forms.

const SCOPE_NAMES = [
  'read:confluence-content.all',
  'offline_access',
  'read:page:confluence',
  'write:confluence-content',
  'search:confluence',
  'read:jira-work',
  'read:me',
]
const scopeList = fc
  .uniqueArray(fc.constantFrom(...SCOPE_NAMES), { minLength: 1, maxLength: 4 })
  .map((names) => names.join(' '))

const expiresIn: fc.Arbitrary<Placed> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(plain(3600), plain('3600')) },
  fc.integer({ min: 1, max: 366 * 24 * 3600 }).map(plain),
  fc.double({ min: 1, max: 1e6, noNaN: true }).map(plain),
  fc.constantFrom(
    absent,
    plain(null),
    plain(' 3600 '),
    plain('3599.5'),
    plain(0),
    plain(0.5),
    plain(-3600),
    plain(1e12),
    plain(366 * 24 * 3600 + 1),
    plain('1e3'),
    plain('soon'),
    plain(''),
    plain(true),
    plain({}),
    plain([]),
  ),
  fc.integer({ min: -1e9, max: -1 }).map(plain),
  credential.map(secret),
)

const scope: fc.Arbitrary<Placed> = fc.oneof(
  { weight: 4, arbitrary: scopeList.map(plain) },
  fc.constantFrom(
    absent,
    plain(null),
    plain(7),
    plain(''),
    plain('READ:CONFLUENCE offline_access'),
  ),
  fc
    .tuple(scopeList, whitespace, whitespace)
    .map(([list, before, after]) => plain(`${before}${list}${after}`)),
  // A credential among the scope names: it, and only it, must be masked.
  fc
    .tuple(scopeList, credential, fc.constantFrom(' ', '\n', '\t'))
    .map(([list, value, separator]) => ({
      value: `${list}${separator}${value}`,
      credentials: [value],
    })),
  credential.map((value) => ({ value: [value], credentials: [value] })),
)

const tokenType: fc.Arbitrary<Placed> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(plain('Bearer')) },
  fc.constantFrom(
    absent,
    plain(null),
    plain('bearer'),
    plain('BEARER'),
    plain('bEaReR'),
    plain(' Bearer '),
    plain('mac'),
    plain('MAC'),
    plain('DPoP'),
    plain('N_A'),
    plain('weird-type'),
    plain(42),
  ),
  credential.map(secret),
  credential.map((value) => ({ value: { type: value }, credentials: [value] })),
)

/** Two credentials on two lines: not RFC 6749 §5.2 text, so masked, whole and line by line. */
const credentialLines: fc.Arbitrary<Placed> = fc
  .tuple(credential, credential)
  .map(([first, second]) => {
    const value = `${first}\n${second}`
    return { value, credentials: [value, first, second] }
  })

// Printable OAuth error text (RFC 6749 §5.2) is never a credential here: an error answer's own words
// are quoted in messages, and an endpoint that put a token there would be telling everyone.
const errorCode: fc.Arbitrary<Placed> = fc.oneof(
  fc
    .constantFrom(
      'invalid_grant',
      'invalid_request',
      'unauthorized_client',
      'access_denied',
      'invalid_client',
      'server_error',
      'temporarily_unavailable',
    )
    .map(plain),
  fc.constantFrom(absent, plain('x'.repeat(65)), plain('bad"code'), plain(42)),
  credentialLines,
)
const errorDescription: fc.Arbitrary<Placed> = fc.oneof(
  fc
    .constantFrom(
      'Unknown or invalid refresh token.',
      'Unauthorized',
      'Missing parameter',
      'The service is busy, try again later.',
    )
    .map(plain),
  fc.constantFrom(absent, plain('word '.repeat(50)), plain('say "hello"'), plain(7)),
  credentialLines,
)
const errorUri: fc.Arbitrary<Placed> = fc.oneof(
  fc.constant(plain('https://developer.atlassian.com/cloud/oauth/errors')),
  fc.constantFrom(absent, plain(`https://errors.example/${'a'.repeat(2100)}`)),
  credentialLines,
)

const NESTED_KEYS = ['value', 'token', 'refresh_token', 'access_token', 'data', 'x']
const leaf: fc.Arbitrary<Placed> = fc.oneof(
  { weight: 3, arbitrary: credential.map(secret) },
  fc.constantFrom(
    plain('ok'),
    plain(12),
    plain(false),
    plain(null),
    plain('Zugriff erteilt – ok ✓'),
  ),
)
function tree(depth: number): fc.Arbitrary<Placed> {
  if (depth === 0) return leaf
  const child = tree(depth - 1)
  return fc.oneof(
    leaf,
    fc.array(child, { maxLength: 3 }).map((items) => ({
      value: items.map((item) => item.value ?? null),
      credentials: items.flatMap((item) => item.credentials),
    })),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...NESTED_KEYS), child), {
        selector: ([key]) => key,
        maxLength: 3,
      })
      .map((entries) => ({
        value: Object.fromEntries(entries.map(([key, item]) => [key, item.value ?? null])),
        credentials: entries.flatMap(([, item]) => item.credentials),
      })),
  )
}
/**
 * A credential under dozens of nested lists. (Deeper ones, which only a walk without recursion
 * survives, are a hand-picked test: indented, their JSON grows with the square of the depth.)
 */
const deeplyNested = fc
  .tuple(credential, fc.integer({ min: 10, max: 100 }))
  .map(([value, depth]): Placed => ({
    value: JSON.parse(`${'['.repeat(depth)}${JSON.stringify(value)}${']'.repeat(depth)}`) as Json,
    credentials: [value],
  }))

const EXTRA_KEYS = [
  'id_token',
  'session_state',
  'debug',
  'meta',
  'user',
  'trace',
  'nested',
  '_links',
]

// ---------------------------------------------------------------------------------------------
// The whole answer.

interface ObjectModel {
  body: 'object'
  syntax: 'json' | 'form'
  access: TokenForm
  refresh: TokenForm
  /** The other top-level fields, in order. */
  fields: [string, Placed][]
  indent: 0 | 2 | '\t'
  tokensFirst: boolean
}

type BodyModel =
  | ObjectModel
  /** A JSON list holding both tokens: parseable, not an object. */
  | { body: 'list'; extra: Placed }
  /** The refresh token as a JSON string, or another JSON scalar. */
  | { body: 'scalar'; which: 'refresh-token' | 'number' | 'null' }
  /** A JSON object cut short (a dropped connection, a proxy's limit). */
  | { body: 'truncated'; object: ObjectModel; keep: number }
  /** Bytes that are no text at all, around the refresh token. */
  | { body: 'garbage'; before: Uint8Array; after: Uint8Array }
  /** A login or error page that embeds both tokens. */
  | { body: 'html'; page: 0 | 1 }

type TextBytes = 'utf-8' | 'utf-16le' | 'utf-16be'
interface Encoding {
  bytes: TextBytes
  bom: boolean
  charset: string | undefined
}

export interface AnswerModel {
  status: number
  body: BodyModel
  encoding: Encoding
  /** The media type the server claims; for a form body it is always the form's. */
  mediaType: string
  lead: string
  trail: string
}

function objectModel(syntax: 'json' | 'form'): fc.Arbitrary<ObjectModel> {
  const optional = (field: fc.Arbitrary<Placed>): fc.Arbitrary<Placed> =>
    fc.oneof({ weight: 1, arbitrary: fc.constant(absent) }, { weight: 4, arbitrary: field })
  const extra = fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(tree(3), deeplyNested))
  return fc
    .record({
      access: tokenForm(syntax),
      refresh: tokenForm(syntax),
      expiresIn,
      scope: optional(scope),
      tokenType,
      error: fc.option(errorCode, { freq: 3, nil: absent }),
      errorDescription: fc.option(errorDescription, { freq: 3, nil: absent }),
      errorUri: fc.option(errorUri, { freq: 4, nil: absent }),
      extras: fc.uniqueArray(extra, { selector: ([key]) => key, maxLength: 3 }),
      indent: fc.constantFrom<ObjectModel['indent']>(0, 2, '\t'),
      tokensFirst: fc.boolean(),
    })
    .map((r): ObjectModel => ({
      body: 'object',
      syntax,
      access: r.access,
      refresh: r.refresh,
      fields: [
        ['expires_in', r.expiresIn],
        ['scope', r.scope],
        ['token_type', r.tokenType],
        ['error', r.error],
        ['error_description', r.errorDescription],
        ['error_uri', r.errorUri],
        ...r.extras,
      ],
      indent: r.indent,
      tokensFirst: r.tokensFirst,
    }))
}

const bodyModel: fc.Arbitrary<BodyModel> = fc.oneof(
  { weight: 10, arbitrary: objectModel('json') },
  { weight: 3, arbitrary: objectModel('form') },
  { weight: 1, arbitrary: tree(2).map((extra): BodyModel => ({ body: 'list', extra })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('refresh-token' as const, 'number' as const, 'null' as const)
      .map((which): BodyModel => ({ body: 'scalar', which })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(objectModel('json'), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([object, keep]): BodyModel => ({ body: 'truncated', object, keep })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }))
      .map(([before, after]): BodyModel => ({ body: 'garbage', before, after })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(0 as const, 1 as const)
      .map((page): BodyModel => ({ body: 'html', page })),
  },
)

/** Every encoding a correct reader must get right: the BOM wins; else the charset; else UTF-8. */
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constant<Encoding>({ bytes: 'utf-8', bom: false, charset: undefined }),
  },
  fc
    .constantFrom('utf-8', 'UTF-8', '"utf-8"', 'iso-8859-1', 'us-ascii', 'x-no-such-charset')
    .map((charset): Encoding => ({ bytes: 'utf-8', bom: false, charset })),
  fc
    .tuple(
      fc.constantFrom<TextBytes>('utf-8', 'utf-16le', 'utf-16be'),
      fc.constantFrom(undefined, 'utf-8', 'utf-16le', 'iso-8859-1'),
    )
    .map(([bytes, charset]): Encoding => ({ bytes, bom: true, charset })),
  fc.constantFrom<Encoding>(
    { bytes: 'utf-16le', bom: false, charset: 'utf-16le' },
    { bytes: 'utf-16le', bom: false, charset: 'utf-16' },
    { bytes: 'utf-16be', bom: false, charset: 'utf-16be' },
  ),
)

const anyStatus: fc.Arbitrary<number> = fc.oneof(
  { weight: 10, arbitrary: fc.constant(200) },
  { weight: 2, arbitrary: fc.constantFrom(201, 202, 203, 206, 299) },
  { weight: 1, arbitrary: fc.constantFrom(301, 302, 307, 308) },
  { weight: 3, arbitrary: fc.constantFrom(400, 401, 403, 404, 409, 418, 422, 429) },
  { weight: 2, arbitrary: fc.constantFrom(500, 502, 503, 504) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }) },
)

/**
 * Statuses a loopback server can send with a body, and after which it is plausible that the grant
 * was processed: the emulator's `shape-answer` always processes it first.
 */
const statusAfterProcessing: fc.Arbitrary<number> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(201, 203) },
  { weight: 1, arbitrary: fc.constantFrom(500, 502, 503) },
)

function answerModel(status: fc.Arbitrary<number>): fc.Arbitrary<AnswerModel> {
  return fc
    .record({
      status,
      body: bodyModel,
      encoding,
      mediaType: fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        fc.constantFrom(
          'text/plain',
          'text/html',
          'application/octet-stream',
          'application/problem+json',
          'application/x-www-form-urlencoded',
          '',
        ),
      ),
      formMediaType: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'Application/X-WWW-Form-Urlencoded',
      ),
      lead: whitespace,
      trail: whitespace,
    })
    .map(({ formMediaType, ...model }) => ({
      ...model,
      mediaType:
        model.body.body === 'object' && model.body.syntax === 'form'
          ? formMediaType
          : model.mediaType,
    }))
}

// ---------------------------------------------------------------------------------------------
// Rendering.

export interface TokenAnswerCase {
  answer: HttpAnswer
  /** Every credential placed in the body. */
  credentials: string[]
  /** What a correct reader must keep, or undefined. */
  readableRefreshToken: string | undefined
  readableAccessToken: string | undefined
  /** The body is JSON, or a form labelled as one: a correct reader sees every value in it. */
  parseable: boolean
  /** A 2xx object answer a correct reader returns tokens for (else it refuses it). */
  usable: boolean
  /** A 2xx answer that is a JSON object or a form. */
  isTokenAnswer: boolean
  /** The model in words, without any token: for test names and failure messages. */
  description: string
}

interface Expectation {
  parseable: boolean
  isTokenAnswer: boolean
  usable: boolean
  refreshKept: boolean
  accessKept: boolean
}

function expectationOf(model: AnswerModel): Expectation {
  const { body } = model
  const parseable = body.body === 'object' || body.body === 'list' || body.body === 'scalar'
  const isTokenAnswer = body.body === 'object' && model.status >= 200 && model.status <= 299
  if (!isTokenAnswer) {
    return { parseable, isTokenAnswer, usable: false, refreshKept: false, accessKept: false }
  }
  const refresh = readingOf(body.refresh)
  const access = readingOf(body.access)
  const usable = refresh !== 'unreadable' && (refresh === 'readable' || access === 'readable')
  return {
    parseable,
    isTokenAnswer,
    usable,
    refreshKept: usable && refresh === 'readable',
    accessKept: usable && access === 'readable',
  }
}

interface Tokens {
  accessToken: string
  refreshToken: string | undefined
}

function renderText(
  model: AnswerModel,
  tokens: Tokens,
): { text: string; credentials: string[] } | { bytes: Buffer; credentials: string[] } {
  const { body } = model
  const refresh = tokens.refreshToken
  switch (body.body) {
    case 'object':
      return renderObject(body, tokens)
    case 'truncated': {
      const whole = renderObject(body.object, tokens)
      const cut = Math.min(
        whole.text.length - 1,
        Math.max(1, Math.floor(whole.text.length * body.keep)),
      )
      return { text: whole.text.slice(0, cut), credentials: whole.credentials }
    }
    case 'list': {
      const items: Json[] = [
        tokens.accessToken,
        { refresh_token: refresh ?? null },
        body.extra.value ?? null,
      ]
      return {
        text: JSON.stringify(items),
        credentials: [tokens.accessToken, ...(refresh ? [refresh] : []), ...body.extra.credentials],
      }
    }
    case 'scalar':
      if (body.which === 'refresh-token' && refresh !== undefined) {
        return { text: JSON.stringify(refresh), credentials: [refresh] }
      }
      return { text: body.which === 'number' ? '42' : 'null', credentials: [] }
    case 'garbage':
      return {
        bytes: Buffer.concat([body.before, Buffer.from(refresh ?? tokens.accessToken), body.after]),
        credentials: [refresh ?? tokens.accessToken],
      }
    case 'html': {
      const r = refresh ?? ''
      const a = tokens.accessToken
      const text =
        body.page === 0
          ? `<!DOCTYPE html><html><head><title>Sign in</title></head><body><pre>{"access_token":"${a}","refresh_token":"${r}"}</pre><script>window.__t = "${r}"</script></body></html>`
          : `<html><body><a href="https://auth.example/cb?access_token=${encodeURIComponent(a)}&refresh_token=${encodeURIComponent(r)}">Continue</a></body></html>`
      return { text, credentials: [a, ...(refresh ? [refresh] : [])] }
    }
  }
}

function renderObject(model: ObjectModel, tokens: Tokens): { text: string; credentials: string[] } {
  const access = placeToken(tokens.accessToken, model.access)
  const refresh =
    tokens.refreshToken === undefined ? absent : placeToken(tokens.refreshToken, model.refresh)
  const tokenFields: [string, Placed][] = [
    ['access_token', access],
    ['refresh_token', refresh],
  ]
  const entries = (
    model.tokensFirst ? [...tokenFields, ...model.fields] : [...model.fields, ...tokenFields]
  )
    .map(([key, placed]): [string, Placed] => [
      key,
      model.syntax === 'form' ? formSafe(placed) : placed,
    ])
    .filter(([, placed]) => placed.value !== undefined)
  const credentials = entries.flatMap(([, placed]) => placed.credentials)
  if (model.syntax === 'json') {
    const object = Object.fromEntries(entries.map(([key, placed]) => [key, placed.value]))
    return { text: JSON.stringify(object, null, model.indent), credentials }
  }
  const form = new URLSearchParams()
  for (const [key, { value }] of entries) {
    for (const item of Array.isArray(value) ? value : [value])
      form.append(key, typeof item === 'string' ? item : JSON.stringify(item))
  }
  return { text: form.toString(), credentials }
}

/** What a form can carry of a value: text, numbers as text, a list of them as a repeated name. */
function formSafe(placed: Placed): Placed {
  const { value } = placed
  const flat = (item: Json): boolean => typeof item !== 'object' || item === null
  if (value === undefined || value === null) return absent
  if (Array.isArray(value))
    return value.every((item) => flat(item) && item !== null) ? placed : absent
  return typeof value === 'object' ? absent : placed
}

function encodeText(text: string, encoding: Encoding): Buffer {
  const bom = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] }
  const bytes =
    encoding.bytes === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(text, 'utf16le')
  if (encoding.bytes === 'utf-16be') bytes.swap16()
  return encoding.bom ? Buffer.concat([Buffer.from(bom[encoding.bytes]), bytes]) : bytes
}

function contentTypeOf(model: AnswerModel): string {
  const charset = model.encoding.charset
  if (charset === undefined) return model.mediaType
  return `${model.mediaType || 'application/json'}; charset=${charset}`
}

/** The answer `model` describes, around `tokens`, with everything a test needs to judge a reader. */
export function renderAnswer(model: AnswerModel, tokens: Tokens): TokenAnswerCase {
  const rendered = renderText(model, tokens)
  const bytes =
    'bytes' in rendered
      ? rendered.bytes
      : encodeText(`${model.lead}${rendered.text}${model.trail}`, model.encoding)
  const contentType = contentTypeOf(model)
  const expected = expectationOf(model)
  return {
    answer: httpAnswer(model.status, bytes, contentType),
    credentials: [...new Set(rendered.credentials.map((value) => value.trim()))],
    readableRefreshToken: expected.refreshKept ? tokens.refreshToken : undefined,
    readableAccessToken: expected.accessKept ? tokens.accessToken : undefined,
    parseable: expected.parseable,
    usable: expected.usable,
    isTokenAnswer: expected.isTokenAnswer,
    description: describeModel(model),
  }
}

function describeModel(model: AnswerModel): string {
  const { body, encoding } = model
  const shape =
    body.body === 'object'
      ? `${body.syntax} object (access_token ${body.access.form}, refresh_token ${body.refresh.form})`
      : body.body
  // Garbage is bytes of its own, in no encoding.
  const bytes =
    body.body === 'garbage' ? 'raw bytes' : `${encoding.bytes}${encoding.bom ? ' with BOM' : ''}`
  return `HTTP ${model.status}, ${shape}, ${bytes}, content type ${JSON.stringify(contentTypeOf(model))}`
}

/** An answer as `send()` returns it. */
export function httpAnswer(
  status: number,
  body: string | Buffer,
  contentType = 'application/json',
  extra: Partial<Pick<HttpAnswer, 'location' | 'retryAfter'>> = {},
): HttpAnswer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  return {
    status,
    headers: contentType === '' ? {} : { 'content-type': contentType },
    contentType,
    location: extra.location,
    retryAfter: extra.retryAfter,
    bytes,
    body: bytes.toString('utf8'),
  }
}

/** Generated answers of any status around two generated credentials. */
export const tokenAnswerCase: fc.Arbitrary<TokenAnswerCase> = fc
  .tuple(answerModel(anyStatus), credential, credential)
  .map(([model, accessToken, refreshToken]) => renderAnswer(model, { accessToken, refreshToken }))

// ---------------------------------------------------------------------------------------------
// For end-to-end runs.

export interface OddAnswer {
  /** For `atlassian.injectFaults(…)`: the grant is processed, then this answer is sent. */
  fault: Extract<TokenEndpointFault, { kind: 'shape-answer' }>
  /**
   * What a correct action makes of it, provided the emulator rotates (each refresh issues a new
   * refresh token; without one the answer simply holds none).
   */
  expected: {
    /** The answer is used: it holds a readable token and no unreadable refresh token. */
    answerUsable: boolean
    /** The new refresh token is read from the answer and stored. */
    refreshTokenKept: boolean
    /** The answer's access token is usable (outputs, access-token secret, site lookup). */
    accessTokenUsable: boolean
    /**
     * A 5xx: the action sends the grant again (the old token is the "previous" one, accepted during
     * the leeway), so the run's outcome is that of the next answer, not of this one.
     */
    retried: boolean
  }
  /** The answer in words, without any token. */
  description: string
}

/**
 * `count` answers, the same ones for the same `seed`, that wrap the tokens the emulator really
 * issues in the odd bodies the property tests generate: BOMs, charsets, form bodies, fields in odd
 * forms, credentials nested in unknown fields, truncated and HTML bodies.
 */
export function sampleOddAnswers(count: number, seed: number): OddAnswer[] {
  return fc.sample(answerModel(statusAfterProcessing), { numRuns: count, seed }).map((model) => {
    const expected = expectationOf(model)
    const shape = (issued: IssuedTokens): ShapedAnswer => {
      const { answer } = renderAnswer(model, issued)
      return {
        status: answer.status,
        body: answer.bytes,
        contentType: answer.contentType,
      }
    }
    return {
      fault: { kind: 'shape-answer', shape },
      expected: {
        answerUsable: expected.usable,
        refreshTokenKept: expected.refreshKept,
        accessTokenUsable: expected.accessKept,
        retried: model.status >= 500,
      },
      description: describeModel(model),
    }
  })
}
