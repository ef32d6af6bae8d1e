/**
 * Sealing a value for GitHub's secrets API: a libsodium sealed box (X25519 + XSalsa20-Poly1305 with
 * an ephemeral key) under the store's public key. Only GitHub holds the private key, so a sealed
 * value is safe to print, which is what makes it usable as a recovery value.
 *
 * GitHub's keys and `encrypted_value` are standard base64 with padding, while libsodium-wrappers
 * defaults to URL-safe base64 without padding: the variant is always given explicitly.
 * (docs.github.com: "Encrypting secrets for the REST API")
 */

type Sodium = (typeof import('libsodium-wrappers'))['default']

let sodium: Promise<Sodium> | undefined

/**
 * Starts loading libsodium (JavaScript and WebAssembly, the largest part of the action) without
 * waiting for it: called when the first requests are on the wire, so that loading overlaps them.
 */
export function loadSodium(): Promise<Sodium> {
  sodium ??= import('libsodium-wrappers').then(async ({ default: library }) => {
    await library.ready
    return library
  })
  return sodium
}

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const PUBLIC_KEY_BYTES = 32 // crypto_box_PUBLICKEYBYTES

/** Decodes a public key from GitHub; undefined when it is not 32 bytes of standard base64. */
export function decodePublicKey(key: string): Uint8Array | undefined {
  if (!STANDARD_BASE64.test(key)) return undefined
  const bytes = Buffer.from(key, 'base64')
  return bytes.length === PUBLIC_KEY_BYTES ? new Uint8Array(bytes) : undefined
}

/** Seals `value` under a store's public key (base64 in, base64 out, as GitHub expects). */
export async function sealForGitHub(value: string, publicKey: string): Promise<string> {
  const key = decodePublicKey(publicKey)
  if (key === undefined) throw new Error('The public key is not 32 bytes of base64')
  const library = await loadSodium()
  const sealed = library.crypto_box_seal(library.from_string(value), key)
  return library.to_base64(sealed, library.base64_variants.ORIGINAL)
}
