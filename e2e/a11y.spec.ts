// axe-core on every demo page, with the SDK's modal closed and open (after the Connector's Load)
// and with the inline Connector mounted: nothing serious or critical, in the page or in a frame.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { inlineConnector, logEntries, modalConnector, shown } from './helpers'

// axe over the page and the out-of-process Connector frame, up to 3 times, is CPU-bound: on a busy
// 2-core machine one test took 17 s in CI and over 60 s under load, so these get twice the time.
test.describe.configure({ timeout: 120_000 })

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

/** One readable block per violation: rule, impact, help, and where it is. */
const describeViolations = (violations: Violation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${v.nodes
          .map((node) => `  - ${node.target.join(' ')}\n    ${node.failureSummary ?? ''}`)
          .join('\n')}`,
    )
    .join('\n\n')

/**
 * Runs axe on the whole page, frames included, and fails on any serious or critical finding, or
 * on a frame axe could not test (which would otherwise pass silently). @axe-core/playwright gives
 * injecting into a frame a fixed 1 s, which a loaded machine can miss for the out-of-process
 * Connector frame: such a run is repeated (up to 3 times) rather than trusted.
 */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  let results = await new AxeBuilder({ page }).analyze()
  const untested = () => results.incomplete.filter((result) => result.id === 'frame-tested')
  for (let attempt = 1; attempt < 3 && untested().length > 0; attempt++) {
    results = await new AxeBuilder({ page }).analyze()
  }
  expect(untested(), `axe could not test:\n\n${describeViolations(untested())}`).toEqual([])
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(serious, `axe found:\n\n${describeViolations(serious)}`).toEqual([])
}

/**
 * axe reports a one-glyph button's contrast as "incomplete", so the close button (× on the demo,
 * whose stylesheet paints every button white on blue) is checked here: WCAG contrast >= 4.5.
 */
async function expectReadableCloseButton(page: Page): Promise<void> {
  const ratio = await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Close' })
    .evaluate((button) => {
      const luminance = (css: string) => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
          const c = Number(channel) / 255
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
      }
      const style = getComputedStyle(button)
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort(
        (a, b) => b - a,
      )
      return (light! + 0.05) / (dark! + 0.05)
    })
  expect(ratio).toBeGreaterThanOrEqual(4.5)
}

/** Opens the modal with `button` and waits until the Connector has loaded and is shown. */
async function openModal(page: Page, button: string, loaded: number): Promise<void> {
  await page.getByRole('button', { name: button }).click()
  await expect(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
  await shown(modalConnector(page))
  await expect(logEntries(page, 'load').or(logEntries(page, 'quiltt:load'))).toHaveCount(loaded)
  await expect(page.getByRole('dialog').getByRole('status')).toHaveCount(0)
  await expectReadableCloseButton(page)
}

test('home page', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'quiltt-embed demo' })).toBeVisible()
  await expectNoSeriousViolations(page)
})

test.describe('plain HTML page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/plain.html')
    // autoBind mounts the inline Connector as soon as the page is ready.
    await expect(logEntries(page, 'quiltt:load')).toHaveCount(1)
    await shown(inlineConnector(page))
  })

  test('modal closed, inline Connector open', async ({ page }) => {
    await expectNoSeriousViolations(page)
  })

  test('modal open', async ({ page }) => {
    await openModal(page, 'Connect a bank account', 2)
    await expectNoSeriousViolations(page)
  })
})

test.describe('single-page app', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/spa.html')
    await expect(page.getByRole('button', { name: 'Connect in a modal' })).toBeEnabled()
  })

  test('modal closed', async ({ page }) => {
    await expectNoSeriousViolations(page)
  })

  test('modal open', async ({ page }) => {
    await openModal(page, 'Connect in a modal', 1)
    await expectNoSeriousViolations(page)
  })

  test('inline Connector open', async ({ page }) => {
    await page.getByRole('button', { name: 'Connect inline' }).click()
    await shown(inlineConnector(page))
    await expect(logEntries(page, 'load')).toHaveCount(1)
    await expectNoSeriousViolations(page)
  })
})
