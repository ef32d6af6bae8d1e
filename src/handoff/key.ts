/**
 * The handoff key's one rule, apart from the sealing code (./handoff.ts) so that input checks can
 * use it without bundling the sealing into the command line tool.
 *
 * A dedicated key secret shorter than this is refused: the key is derived from it without a
 * password hash, so it must be a random value as long as a client secret's entropy calls for.
 */
export const MIN_KEY_SECRET_LENGTH = 32
