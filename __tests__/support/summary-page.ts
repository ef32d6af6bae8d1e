/**
 * A job summary as a browser shows it: its Markdown turned into HTML (marked, GitHub-flavoured),
 * each `mermaid` block drawn by Mermaid's own browser bundle from node_modules (no network), in a
 * headless Chromium (Debian's `chromium`, as .ci/run installs it). What the page drew comes back
 * through the DOM (--dump-dom): each chart's SVG text, or Mermaid's error.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { inflateSync } from 'node:zlib'
import { Marked } from 'marked'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'

export const CHROMIUM = '/usr/bin/chromium'
const MERMAID = join(PROJECT_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')

/** What Mermaid drew for each chart of the page, in order. */
export type Drawn = { ok: true; texts: string[] } | { ok: false; error: string }

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The summary's Markdown as GitHub renders it, with mermaid blocks left for Mermaid to draw. */
export function summaryHtml(markdown: string): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      code({ text, lang }) {
        return lang === 'mermaid'
          ? `<pre class="mermaid">${escape(text)}</pre>\n`
          : `<pre><code>${escape(text)}</code></pre>\n`
      },
    },
  })
  const body = marked.parse(markdown, { async: false })
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>Job summary</title>',
    '<style>body{font-family:sans-serif;margin:16px;background:#fff;color:#1f2328}</style></head><body>',
    body,
    '<pre id="drawn">pending</pre>',
    `<script src="${pathToFileURL(MERMAID).href}"></script>`,
    '<script>',
    'mermaid.initialize({ startOnLoad: false });',
    'const charts = [...document.querySelectorAll("pre.mermaid")];',
    'Promise.all(charts.map((chart, i) => mermaid.render("chart" + i, chart.textContent).then(',
    '  ({ svg }) => { chart.innerHTML = svg; return { ok: true, texts: [...chart.querySelectorAll("svg text")].map((t) => t.textContent.trim()) } },',
    '  (error) => ({ ok: false, error: String(error && error.message || error) }),',
    '))).then((drawn) => { document.getElementById("drawn").textContent = JSON.stringify(drawn) })',
    '</script></body></html>',
  ].join('\n')
}

export interface Rendered {
  /** Each chart, as Mermaid drew it. */
  drawn: Drawn[]
  /** The page after the scripts ran. */
  dom: string
  /** A screenshot of the page, PNG. */
  png: Buffer
}

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  // Runs the page's timers and promises to their end before dumping or shooting it.
  '--virtual-time-budget=15000',
]

function chromium(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      CHROMIUM,
      args,
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`))
        else resolve(stdout)
      },
    )
  })
}

/** Renders `html` in a fresh headless Chromium: its DOM after the scripts, and a screenshot. */
export async function renderInChromium(html: string, timeoutMs = 50_000): Promise<Rendered> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`)
  const dir = await mkdtemp(join(tmpdir(), 'summary-page-'))
  try {
    const page = join(dir, 'summary.html')
    await writeFile(page, html)
    const url = pathToFileURL(page).href
    const shot = join(dir, 'summary.png')
    const [dom] = await Promise.all([
      chromium([...FLAGS, `--user-data-dir=${join(dir, 'dom')}`, '--dump-dom', url], timeoutMs),
      chromium(
        [
          ...FLAGS,
          `--user-data-dir=${join(dir, 'shot')}`,
          '--window-size=1280,1000',
          `--screenshot=${shot}`,
          url,
        ],
        timeoutMs,
      ),
    ])
    const drawnText = /<pre id="drawn">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? 'pending'
    const unescaped = drawnText
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
    const drawn = unescaped === 'pending' ? [] : (JSON.parse(unescaped) as Drawn[])
    return { drawn, dom, png: await readFile(shot) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export interface PngFacts {
  width: number
  height: number
  /** Pixels that are not (near) white. */
  inkedPixels: number
  /** Distinct colours among the pixels. */
  colours: number
}

/** Reads a PNG's size and counts its inked pixels (8-bit RGB or RGBA, not interlaced). */
export function pngFacts(png: Buffer): PngFacts {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG')
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const data: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const chunk = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0)
      height = chunk.readUInt32BE(4)
      const [depth, colourType, , , interlace] = [
        chunk[8],
        chunk[9],
        chunk[10],
        chunk[11],
        chunk[12],
      ]
      if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(`unexpected PNG format: depth ${depth}, colour type ${colourType}`)
      }
      channels = colourType === 6 ? 4 : 3
    } else if (type === 'IDAT') data.push(chunk)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * channels
  const pixels = Buffer.alloc(stride * height)
  // Undo each row's filter (PNG spec, section 9).
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0
      const value = row[x] ?? 0
      let predicted = 0
      if (filter === 1) predicted = a
      else if (filter === 2) predicted = b
      else if (filter === 3) predicted = (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)]
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      pixels[y * stride + x] = (value + predicted) & 0xff
    }
  }
  let inkedPixels = 0
  const colours = new Set<number>()
  for (let i = 0; i < pixels.length; i += channels) {
    const [r, g, b] = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0]
    colours.add((r << 16) | (g << 8) | b)
    if (r < 240 || g < 240 || b < 240) inkedPixels++
  }
  return { width, height, inkedPixels, colours: colours.size }
}
