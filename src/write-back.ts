/**
 * Storing a new token: seal it under the store's public key and write it. The sealed value is handed
 * to `onSealed` before the write, so that if the write never completes (a failure, a cancelled job,
 * a lost runner) the only copy of a new refresh token is already in the log, readable by GitHub
 * alone.
 */
import { ActionError, type TokenState } from './errors.js'
import {
  fetchPublicKey,
  storeSecret,
  type OrganizationAccess,
  type PublicKey,
  type SealedSecret,
  type StoreAccess,
} from './github/secret-store.js'
import { sealForGitHub } from './sealing.js'

export interface WriteRequest {
  secretName: string
  value: string
  publicKey: PublicKey
  organization: OrganizationAccess | undefined
  /** Where the refresh token is if this write fails for good. */
  tokenState: TokenState
  onSealed?: (sealed: SealedSecret) => void
}

export async function writeBack(
  access: StoreAccess,
  request: WriteRequest,
): Promise<'created' | 'updated'> {
  const { secretName, organization, tokenState } = request
  const seal = async (key: PublicKey): Promise<SealedSecret> => {
    const sealed = { keyId: key.keyId, encryptedValue: await sealForGitHub(request.value, key.key) }
    request.onSealed?.(sealed)
    return sealed
  }
  try {
    return await storeSecret(
      access,
      secretName,
      await seal(request.publicKey),
      organization,
      tokenState,
    )
  } catch (error) {
    // 422 when the key was replaced between the preflight and the write: seal again, once.
    if (!(error instanceof ActionError) || error.code !== 'GITHUB_REJECTED_VALUE') throw error
    const current = await fetchPublicKey(access, tokenState)
    if (current.keyId === request.publicKey.keyId) throw error
    return await storeSecret(access, secretName, await seal(current), organization, tokenState)
  }
}
