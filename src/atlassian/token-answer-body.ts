/**
 * Reading a token endpoint's answer into a value, before anything judges it.
 *
 * RFC 6749 §5.1 says the answer is `application/json`; but a proxy may relabel it (text/plain,
 * text/html), so JSON is tried whatever the content type says. Some providers answer
 * `application/x-www-form-urlencoded` instead (GitHub's OAuth endpoint does, unless asked for JSON), so a body labelled
 * that way is read as a form when it is not JSON.
 */
import { decodeBody, mediaType } from '../common/body-text.js'
import type { HttpAnswer } from '../common/http.js'

export type AnswerBody =
  /** A JSON value, or a form's parameters (a repeated name gives a list of its values). */
  { readable: true; value: unknown } | { readable: false }

const FORM = 'application/x-www-form-urlencoded'

export function readAnswerBody(answer: Pick<HttpAnswer, 'bytes' | 'contentType'>): AnswerBody {
  // Surrounding whitespace of any kind (JSON.parse itself allows only four kinds).
  const text = decodeBody(answer.bytes, answer.contentType).trim()
  try {
    return { readable: true, value: JSON.parse(text) as unknown }
  } catch {
    // Not JSON: a form, if the server says it is one.
  }
  if (mediaType(answer.contentType) !== FORM || text === '') return { readable: false }
  // No prototype: a parameter named "__proto__" must stay a parameter.
  const parameters = Object.create(null) as Record<string, string | string[]>
  for (const [name, value] of new URLSearchParams(text)) {
    const earlier = parameters[name]
    parameters[name] =
      earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value]
  }
  return { readable: true, value: parameters }
}
