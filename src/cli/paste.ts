/**
 * Paste mode: when the callback is not on this machine (the guides use the Confluence site's own
 * address), the browser lands there and the person copies the address from the address bar.
 *
 * On a terminal, readline reads keystrokes itself (raw mode), so a long pasted address is not cut
 * at the terminal's line limit (1024 bytes on macOS) as a plain read of standard input would be.
 */
import { createInterface } from 'node:readline'

export interface LineReader {
  /** The first line, trimmed; undefined when the input ended first. */
  readonly line: Promise<string | undefined>
  close(): void
}

export function readOneLine(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  prompt: string,
): LineReader {
  const reader = createInterface({ input, output, terminal: input.isTTY === true })
  // A pipe echoes nothing, so the prompt's line would not end with the line read: end it here.
  // (Without a line, the caller's terminal ends it before what it says next.)
  const endPrompt = (): void => {
    if (input.isTTY !== true) output.write('\n')
  }
  const line = new Promise<string | undefined>((resolve) => {
    let done = false
    reader.once('line', (text) => {
      done = true
      endPrompt()
      resolve(text.trim())
      reader.close()
    })
    reader.once('close', () => {
      if (!done) resolve(undefined)
    })
  })
  reader.setPrompt(prompt)
  reader.prompt()
  return {
    line,
    close: () => {
      reader.close()
      // A pipe left open by the caller would otherwise keep this process alive after its work.
      ;(input as { unref?: () => void }).unref?.()
    },
  }
}
