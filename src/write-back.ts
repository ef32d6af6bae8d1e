/**
 * Storing the rotated refresh token: seal it under the store's public key and write it. The sealed
 * value is handed to `onSealed` before the write, so that if the write never completes (a failure,
 * a cancelled job, a lost runner) the only copy of the new token is already in the log, readable
 * by GitHub alone.
 */
import { ActionError } from './errors.js'
import {
  fetchPublicKey,
  storeSecret,
  type PublicKey,
  type SealedSecret,
  type StoreAccess,
} from './github/secret-store.js'
import { sealForGitHub } from './sealing.js'

export async function writeBack(
  access: StoreAccess,
  secretName: string,
  refreshToken: string,
  publicKey: PublicKey,
  onSealed: (sealed: SealedSecret) => void,
): Promise<'created' | 'updated'> {
  const seal = async (key: PublicKey): Promise<SealedSecret> => {
    const sealed = { keyId: key.keyId, encryptedValue: await sealForGitHub(refreshToken, key.key) }
    onSealed(sealed)
    return sealed
  }
  try {
    return await storeSecret(access, secretName, await seal(publicKey))
  } catch (error) {
    // 422 when the key was replaced between the preflight and the write: seal again, once.
    if (!(error instanceof ActionError) || error.code !== 'GITHUB_REJECTED_VALUE') throw error
    const current = await fetchPublicKey(access, 'rotated-not-stored')
    if (current.keyId === publicKey.keyId) throw error
    return await storeSecret(access, secretName, await seal(current))
  }
}
