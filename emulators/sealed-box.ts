/**
 * libsodium's sealed box, implemented independently of libsodium-wrappers (tweetnacl's
 * crypto_box + blakejs), so that the GitHub emulator opening what the action sealed proves the two
 * interoperate, not merely that libsodium agrees with itself.
 *
 * Sealed box = ephemeral public key (32 bytes) ‖ crypto_box(message, nonce, recipient pk, ephemeral sk)
 * with nonce = BLAKE2b-192(ephemeral pk ‖ recipient pk). (libsodium docs, "Sealed boxes")
 */
import blake from 'blakejs'
import nacl from 'tweetnacl'

export interface KeyPair {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

export function newKeyPair(): KeyPair {
  return nacl.box.keyPair()
}

function nonceFor(ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const input = new Uint8Array(64)
  input.set(ephemeralPublicKey, 0)
  input.set(recipientPublicKey, 32)
  return blake.blake2b(input, undefined, nacl.box.nonceLength)
}

/** Opens a sealed box; undefined when it was not sealed for this key pair or was altered. */
export function openSealedBox(sealed: Uint8Array, recipient: KeyPair): Uint8Array | undefined {
  if (sealed.length < 32 + nacl.box.overheadLength) return undefined
  const ephemeralPublicKey = sealed.subarray(0, 32)
  const nonce = nonceFor(ephemeralPublicKey, recipient.publicKey)
  return (
    nacl.box.open(sealed.subarray(32), nonce, ephemeralPublicKey, recipient.secretKey) ?? undefined
  )
}

/** Seals a message for a public key (used by tests to seal values the way GitHub's clients do). */
export function sealBox(message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const ephemeral = nacl.box.keyPair()
  const nonce = nonceFor(ephemeral.publicKey, recipientPublicKey)
  const box = nacl.box(message, nonce, recipientPublicKey, ephemeral.secretKey)
  const sealed = new Uint8Array(32 + box.length)
  sealed.set(ephemeral.publicKey, 0)
  sealed.set(box, 32)
  return sealed
}
