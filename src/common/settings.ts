/**
 * Messages that name what a person sets, with the setting kept as data: the action calls it an
 * input (`Input "client-id"`), the command line tool a flag or a variable (`--client-id`,
 * `ATLASSIAN_CLIENT_SECRET`). Modules write their messages once, with {@link text}; each door words
 * the settings its own way ({@link Wording}) when it shows them.
 */

/** Everything a person sets, by the action input's name (the command line flag has the same). */
export type Setting =
  | 'client-id'
  | 'client-secret'
  | 'refresh-token'
  | 'secret-name'
  | 'github-token'
  | 'repository'
  | 'token-url'
  | 'github-api-url'
  | 'workflow-token'
  | 'environment'
  | 'organization'
  | 'visibility'
  | 'selected-repositories'
  | 'access-token-secret-name'
  | 'site-url'
  | 'atlassian-api-url'
  | 'consented-at'
  | 'dry-run'
  | 'retry-budget-seconds'
  | 'on-superseded'
  | 'lock'
  | 'lock-secret-name'
  | 'lock-wait-seconds'
  | 'handoff-key'
  | 'keep-schedule-alive'
  // The access-token action's own.
  | 'handoff'
  // The command line tool's own.
  | 'authorize-url'
  | 'callback'
  | 'scope'
  | 'record-consent-variable'
  | 'token-obtained-at'
  | 'consent-variable'
  | 'workflow'

/**
 * How a message refers to a setting, by the role the words play in the sentence:
 * - `subject`: the setting as the subject of a rule (action: `Input "x"`);
 * - `input`: the setting as an object (action: `the "x" input`);
 * - `name`: the setting's bare name (action: `"x"`);
 * - `token`: the token a setting holds (action: `the token in "x"`);
 * - `renew`: how to give a new value to a token setting (action: `update the secret that feeds "x"`).
 */
export type Role = 'subject' | 'input' | 'name' | 'token' | 'renew'

/** A setting named in a message. */
export interface SettingMention {
  readonly setting: Setting
  readonly role: Role
}

/** What a person does again, in the door's terms: the action's run, the tool's command. */
export interface RerunMention {
  readonly rerun: true
}

export type Mention = SettingMention | RerunMention

/** A message: its words, and the settings it names. */
export type Text = readonly (string | Mention)[]

export type Wording = (mention: Mention) => string

export const subject = (setting: Setting): Mention => ({ setting, role: 'subject' })
export const input = (setting: Setting): Mention => ({ setting, role: 'input' })
export const named = (setting: Setting): Mention => ({ setting, role: 'name' })
export const tokenIn = (setting: Setting): Mention => ({ setting, role: 'token' })
export const renew = (setting: Setting): Mention => ({ setting, role: 'renew' })
/** "re-run the workflow" in the action, "run the command again" on a terminal. */
export const rerun: Mention = { rerun: true }

/** The tag for messages: ``text`Check ${named('token-url')}: …` ``. */
export function text(
  strings: TemplateStringsArray,
  ...values: (string | number | Mention | Text)[]
): Text {
  const parts: (string | Mention)[] = []
  strings.forEach((part, i) => {
    parts.push(part)
    const value = values[i]
    if (value === undefined) return
    if (Array.isArray(value)) parts.push(...(value as Text))
    else parts.push(typeof value === 'object' ? (value as Mention) : String(value))
  })
  return join(parts)
}

/** A text from a plain string, or a text as it is. */
export function asText(value: string | Text): Text {
  return typeof value === 'string' ? [value] : value
}

/** Texts one after the other, `separator` between. */
export function concat(texts: readonly (string | Text)[], separator = ''): Text {
  const parts: (string | Mention)[] = []
  texts.forEach((piece, i) => {
    if (i > 0 && separator !== '') parts.push(separator)
    parts.push(...asText(piece))
  })
  return join(parts)
}

/** The settings a text names, in order. */
export function mentions(value: Text): Setting[] {
  return value
    .filter((part): part is SettingMention => typeof part !== 'string' && 'setting' in part)
    .map((m) => m.setting)
}

/**
 * The words for people. A mention that begins a sentence is capitalised ("The GitHub token…",
 * "Re-run the workflow…"), since a door's words for it may start in lower case.
 */
export function word(value: Text, wording: Wording): string {
  let out = ''
  for (const part of value) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    const words = wording(part)
    out += SENTENCE_START.test(out) ? capitalise(words) : words
  }
  return out
}

/** Where a sentence starts: the text's start, after a full stop, a new line, or "Next step: ". */
const SENTENCE_START = /(^|[.!?]\s+|\n\s*|(^|\n)Next step: )$/

/** The action's words: inputs, as action.yml names them. */
export const actionWording: Wording = (mention) => {
  if ('rerun' in mention) return 're-run the workflow'
  const { setting, role } = mention
  switch (role) {
    case 'subject':
      return `Input "${setting}"`
    case 'input':
      return `the "${setting}" input`
    case 'name':
      return `"${setting}"`
    case 'token':
      return `the token in "${setting}"`
    case 'renew':
      return `update the secret that feeds "${setting}"`
  }
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Adjacent strings merged, empty ones dropped: equal texts compare equal. */
function join(parts: readonly (string | Mention)[]): Text {
  const out: (string | Mention)[] = []
  for (const part of parts) {
    const last = out[out.length - 1]
    if (typeof part === 'string') {
      if (part === '') continue
      if (typeof last === 'string') out[out.length - 1] = last + part
      else out.push(part)
    } else out.push(part)
  }
  return out
}
