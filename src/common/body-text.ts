/**
 * Turning an answer's bytes into text, and describing an answer without quoting it.
 *
 * Decoding follows the WHATWG Encoding Standard's order (encoding.spec.whatwg.org, "decode"): a
 * byte order mark wins over anything a header says, then the content type's `charset` (RFC 9110
 * §8.3.2) when the decoder knows it, else UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is
 * UTF-8). A server, or a proxy in front of it, may label an answer wrongly; the BOM is the bytes'
 * own statement.
 */
import { TextDecoder } from 'node:util'
import { groupedNumber } from './grouped-number.js'

const BOMS: [bytes: number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
]

/** The body as text: BOM, else `charset`, else UTF-8; the BOM itself removed. */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const bom = BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte))
  if (bom) {
    const [mark, encoding] = bom
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(mark.length))
  }
  const decoder = decoderFor(contentTypeParameter(contentType, 'charset')) ?? new TextDecoder()
  // TextDecoder drops a BOM of its own encoding; one of another encoding decodes to U+FEFF.
  return decoder.decode(bytes).replace(/^\uFEFF/, '')
}

/** The media type alone, lower case, e.g. "application/json"; '' when there is none. */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

/**
 * The answer in words, never in its own bytes: "HTTP 200, text/html; charset=utf-8, 1,234 bytes".
 * The content type is reduced to its media type and charset, each only if it is a plain token,
 * because a header is as much the server's text as the body is.
 */
export function describeAnswerShape(answer: {
  status: number
  contentType: string
  bytes: Uint8Array
}): string {
  return `HTTP ${answer.status}, ${describeContentType(answer.contentType)}, ${describeLength(answer.bytes.length)}`
}

export function describeContentType(contentType: string): string {
  const type = mediaType(contentType)
  if (type === '') return 'no content type'
  if (!HEADER_TOKEN.test(type)) return 'an unreadable content type'
  const charset = contentTypeParameter(contentType, 'charset')
  return charset !== undefined && HEADER_TOKEN.test(charset) ? `${type}; charset=${charset}` : type
}

export function describeLength(length: number): string {
  if (length === 0) return 'an empty body'
  return `${groupedNumber(length)} byte${length === 1 ? '' : 's'}`
}

/** RFC 9110 §5.6.2 token characters (and "/" for type/subtype), at most 100 of them. */
const HEADER_TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~/-]{1,100}$/

/** A parameter of a content type (RFC 9110 §5.6.6), unquoted; undefined when absent. */
function contentTypeParameter(contentType: string, name: string): string | undefined {
  for (const part of contentType.split(';').slice(1)) {
    const equals = part.indexOf('=')
    if (equals < 0 || part.slice(0, equals).trim().toLowerCase() !== name) continue
    const value = part.slice(equals + 1).trim()
    return value.startsWith('"') && value.endsWith('"') && value.length >= 2
      ? value.slice(1, -1)
      : value
  }
  return undefined
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (label === undefined || label === '') return undefined
  try {
    return new TextDecoder(label)
  } catch {
    // An encoding the runtime does not know: UTF-8 is the best guess for a JSON answer.
    return undefined
  }
}
