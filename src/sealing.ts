/**
 * Sealing a value for GitHub's secrets API: a libsodium sealed box (X25519 + XSalsa20-Poly1305 with
 * an ephemeral key) under the store's public key. Only GitHub holds the private key, so a sealed
 * value is safe to print, which is what makes it usable as a recovery value.
 *
 * GitHub's keys and `encrypted_value` are standard base64 with padding, while libsodium-wrappers
 * defaults to URL-safe base64 without padding: the variant is always given explicitly.
 * (docs.github.com: "Encrypting secrets for the REST API")
 */
import sodium from 'libsodium-wrappers'

/** Decodes a public key from GitHub; undefined when it is not 32 bytes of standard base64. */
export async function decodePublicKey(key: string): Promise<Uint8Array | undefined> {
  await sodium.ready
  try {
    const bytes = sodium.from_base64(key, sodium.base64_variants.ORIGINAL)
    return bytes.length === sodium.crypto_box_PUBLICKEYBYTES ? bytes : undefined
  } catch {
    return undefined
  }
}

/** Seals `value` under a store's public key (base64 in, base64 out, as GitHub expects). */
export async function sealForGitHub(value: string, publicKey: string): Promise<string> {
  const key = await decodePublicKey(publicKey)
  if (key === undefined) throw new Error('The public key is not 32 bytes of base64')
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key)
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
}
