/**
 * The health figures of a rotation (../health/health.ts) as its doors report them: the warnings
 * said before the token is spent.
 */
import { text, type Text } from '../common/settings.js'
import type { Health, HealthReasonCode } from '../health/health.js'

/** Annotation titles: no ':' or ',' (GitHub cuts a title there). */
const TITLES: Partial<Record<HealthReasonCode, string>> = {
  'rotation-overdue': 'Rotation overdue',
  'refresh-token-expiry-near': 'Refresh token expires soon',
  'refresh-token-expired': 'Refresh token likely expired',
}

/**
 * The warnings to say before spending, gravest first. The consent's own warning is said by the
 * rotation from `consented-at` alone (./consent.ts), even when GitHub cannot be read; an unknown
 * last write is the stale-token guard's to explain.
 */
export function healthWarnings(health: Health): [message: Text, title: string][] {
  return health.reasons.flatMap((reason): [Text, string][] => {
    const title = TITLES[reason.code]
    if (title === undefined) return []
    const tried =
      reason.code === 'refresh-token-expired'
        ? ' The refresh is sent all the same: it is the only proof, and a dead token has nothing to lose.'
        : ''
    return [[text`${reason.said}${tried} Next step: ${reason.next}`, title]]
  })
}
