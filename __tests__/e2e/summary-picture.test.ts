/**
 * The job summary's timeline, as a person sees it: the summary of a real run (the bundled action
 * against the emulators) turned into HTML as GitHub does, its Mermaid chart drawn by Mermaid in a
 * headless Chromium, the drawn SVG's text read back, and a screenshot taken. Skipped only where
 * Chromium is missing outside CI; under CI a missing Chromium fails.
 */
import { existsSync } from 'node:fs'
import { DAY } from '../../emulators/clock.js'
import { CHROMIUM, pngFacts, renderInChromium, summaryHtml } from '../support/summary-page.js'
import { REPOSITORY, SECRET_NAME, startScenario, type Scenario } from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

const HOUR = 60 * 60 * 1000
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
const browserTest = existsSync(CHROMIUM) || process.env['CI'] ? it : it.skip

/** A run 45 days after the last rotation, 300 days after the consent: its summary and its dates. */
async function runAt45Days(): Promise<{ summary: string; dates: Record<string, string> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`)
  }
  world = await startScenario()
  const written = world.github.secret(REPOSITORY, SECRET_NAME)?.updatedAt.getTime() ?? 0
  world.clock.advance(45 * DAY + HOUR)
  const consented = isoDay(world.clock.now() - 300 * DAY)
  const run = await world.run({ inputs: { 'consented-at': consented } })
  expect(run.exitCode).toBe(0)
  const now = world.clock.now()
  return {
    summary: run.summary,
    dates: {
      consented,
      reconsent: isoDay(Date.parse(`${consented}T00:00:00Z`) + 365 * DAY),
      lastRotation: isoDay(written),
      oldLimit: isoDay(written + 90 * DAY),
      today: isoDay(now),
      newLimit: isoDay(now + 90 * DAY),
    },
  }
}

function mermaidBlock(summary: string): string {
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(summary)?.[1]
  if (block === undefined) throw new Error(`no mermaid block in the summary:\n${summary}`)
  return block
}

describe("the summary's timeline", () => {
  browserTest(
    'Mermaid parses and draws it, with the consent, the rotations, today and both limits on their dates',
    async () => {
      const { summary, dates } = await runAt45Days()
      const chart = mermaidBlock(summary)
      // A misspelt chart beside it: the check sees Mermaid's errors, so it can fail.
      const page = summaryHtml(
        ['```mermaid', chart, '```', '', '```mermaid', 'gnatt', '  title Broken', '```'].join('\n'),
      )

      const { drawn } = await renderInChromium(page)

      expect(drawn).toHaveLength(2)
      const [timeline, broken] = drawn
      expect(broken?.ok).toBe(false)
      if (!timeline?.ok)
        throw new Error(`Mermaid did not draw the timeline: ${JSON.stringify(timeline)}`)
      expect(timeline.texts).toEqual(
        expect.arrayContaining([
          `Refresh token health on ${dates.today} (UTC) - at-risk`,
          `Consent given ${dates.consented}`,
          `Re-consent due ${dates.reconsent}`,
          `Last rotation ${dates.lastRotation}`,
          `Limit ${dates.oldLimit}`,
          `This rotation ${dates.today}`,
          `Limit ${dates.newLimit}`,
          `Today ${dates.today}`,
          'Consent',
          'Before this run',
          'This run',
        ]),
      )
    },
    90_000,
  )

  browserTest(
    'the whole summary renders as a page: the chart drawn in it, and a screenshot that is not blank',
    async () => {
      const { summary, dates } = await runAt45Days()

      const { drawn, dom, png } = await renderInChromium(summaryHtml(summary))

      expect(drawn).toHaveLength(1)
      const [timeline] = drawn
      expect(timeline?.ok).toBe(true)
      // The rendered page: the health table as HTML, the chart as an SVG in place of its source.
      expect(dom).toContain('<h3>Health: at risk</h3>')
      expect(dom).toMatch(/<pre class="mermaid"><svg /)
      expect(dom).toContain(`Today ${dates.today}`)
      expect(dom).toContain(`Re-consent due ${dates.reconsent}`)
      const facts = pngFacts(png)
      expect(facts.width).toBe(1280)
      expect(facts.height).toBe(1000)
      // Text, table and chart: well over a few hundred inked pixels, in many colours.
      expect(facts.inkedPixels).toBeGreaterThan(5_000)
      expect(facts.colours).toBeGreaterThan(20)
    },
    90_000,
  )
})
