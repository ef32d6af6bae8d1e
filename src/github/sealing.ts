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
/** Whether a real value has been given to {@link sealForGitHub}: from then on, no warm-up runs. */
let sealing = false
let prepared = false

/**
 * Starts loading libsodium (JavaScript and WebAssembly, the largest part of the action) without
 * waiting for it, once per process.
 */
export function loadSodium(): Promise<Sodium> {
  sodium ??= import('libsodium-wrappers').then(async ({ default: library }) => {
    await library.ready
    return library
  })
  return sodium
}

/**
 * Loads libsodium as {@link loadSodium} does, then seals a throwaway value under a throwaway key
 * once, the way {@link sealForGitHub} seals: the first seal of a process compiles the code it
 * runs (some milliseconds), and this takes that cost while the rotation waits for the network,
 * not between the token's answer and its write. It never touches a real value, and it is skipped
 * when a real seal has been asked for by the time libsodium is ready: nothing then runs before it.
 * Only the first call does anything.
 */
export function prepareSealing(): void {
  if (prepared) return
  prepared = true
  loadSodium()
    .then((library) => {
      if (sealing) return
      const { publicKey } = library.crypto_box_keypair()
      const sealed = library.crypto_box_seal(library.from_string('warm-up'), publicKey)
      library.to_base64(sealed, library.base64_variants.ORIGINAL)
    })
    .catch(() => {
      // Sealing awaits the same load, and reports what failed.
    })
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
  sealing = true
  const key = decodePublicKey(publicKey)
  if (key === undefined) throw new Error('The public key is not 32 bytes of base64')
  const library = await loadSodium()
  const sealed = library.crypto_box_seal(library.from_string(value), key)
  return library.to_base64(sealed, library.base64_variants.ORIGINAL)
}
