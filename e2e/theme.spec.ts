// The dark modal end to end on the plain page (quiltt-embed.min.js + markup): a button marked
// data-quiltt-theme-mode="auto" opens a dark modal around a dark sandbox Connector on a dark page,
// both follow a live change of prefers-color-scheme, and axe's color-contrast passes outright
// (no violation, and nothing left "incomplete" in the SDK's dialog).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { logEntries, modalConnector, shown } from './helpers'

// axe over the page and the out-of-process Connector frame is CPU-bound on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 })

/** Adds a themed button for the demo's Connector; the page's autoBind binds it as it appears. */
async function addThemedButton(page: Page, mode: string): Promise<void> {
  await page.evaluate((themeMode) => {
    const id = document.getElementById('connect-modal')?.getAttribute('data-quiltt-button') ?? ''
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Connect in the chosen theme'
    button.dataset.quilttButton = id
    button.dataset.quilttThemeMode = themeMode
    document.querySelector('main')?.prepend(button)
  }, mode)
}

/** Luminance of the colours the SDK's panel and the Connector's page really render. */
async function rendered(page: Page) {
  const luminanceOf = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const panel = await page
    .getByRole('dialog')
    .locator('> div')
    .evaluate((element) => getComputedStyle(element).backgroundColor)
  const connector = await modalConnector(page)
    .locator('html')
    .evaluate((element) => getComputedStyle(element).backgroundColor)
  return { panel: luminanceOf(panel), connector: luminanceOf(connector) }
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/plain.html')
  await expect(logEntries(page, 'quiltt:load')).toHaveCount(1)
})

test('auto on a dark page: a dark modal around a dark Connector, following a live switch', async ({
  page,
}) => {
  await addThemedButton(page, 'auto')
  await page.getByRole('button', { name: 'Connect in the chosen theme' }).click()
  await shown(modalConnector(page))
  await expect(logEntries(page, 'quiltt:load')).toHaveCount(2)
  const dark = await rendered(page)
  expect(dark.panel).toBeLessThan(0.05)
  expect(dark.connector).toBeLessThan(0.05)

  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(async () => (await rendered(page)).panel).toBeGreaterThan(0.9)
  expect((await rendered(page)).connector).toBeGreaterThan(0.9)

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(async () => (await rendered(page)).panel).toBeLessThan(0.05)
})

test('axe color-contrast passes on the dark modal, in the SDK chrome and the Connector', async ({
  page,
}) => {
  await addThemedButton(page, 'dark')
  await page.getByRole('button', { name: 'Connect in the chosen theme' }).click()
  await shown(modalConnector(page))
  await expect(logEntries(page, 'quiltt:load')).toHaveCount(2)
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()
  const targets = (list: typeof results.violations) =>
    list.flatMap((rule) =>
      rule.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? 'passed'}`),
    )
  expect(targets(results.violations)).toEqual([])
  // Nothing undecided either, as text over a translucent layer would be.
  expect(targets(results.incomplete)).toEqual([])
  // And both the SDK's close button and the dark Connector's texts were really measured.
  const passed = targets(results.passes)
  expect(passed).toContainEqual(expect.stringMatching(/^button\[aria-label="Close"\]/))
  expect(passed).toContainEqual(expect.stringMatching(/iframe #screen-title/))
})

test('the dark modal holds under the strict page: nonce-only CSP, Trusted Types, no violation', async ({
  page,
}) => {
  // The pageProblems fixture fails the test on any CSP or Trusted Types violation, in any frame.
  await page.goto('/strict.html')
  const panel = await page.evaluate(async () => {
    const config = await (await fetch('/api/config')).json()
    const embed = (window as unknown as { QuilttEmbed: typeof import('quiltt-embed') }).QuilttEmbed
    const token = async () =>
      (await (await fetch('/api/quiltt/session', { method: 'POST' })).json()).token
    await embed.createConnector({ ...config, token, themeMode: 'auto' }).open()
    const dialog = document.querySelector('[role="dialog"]') as HTMLElement
    return getComputedStyle(dialog.firstElementChild as Element).backgroundColor
  })
  expect(panel).toBe('rgb(15, 23, 42)')
  await shown(modalConnector(page))
  expect(await page.locator('style').count()).toBe(0)
})
