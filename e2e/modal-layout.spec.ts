// The modal on the real demo page, at phone and desktop sizes, and its scroll lock with a real
// scrollbar. Headless Chromium hides scrollbars by default (Playwright passes --hide-scrollbars),
// which would make the scrollbar-gap compensation untestable, so this file keeps them.
import type { Page } from '@playwright/test'
import { launchOptions } from '../scripts/chromium.mjs'
import { expect, test } from './fixtures'
import { logEntries, modalConnector, shown } from './helpers'

test.use({ launchOptions: { ...launchOptions(), ignoreDefaultArgs: ['--hide-scrollbars'] } })

async function openModal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await shown(modalConnector(page))
  await expect(logEntries(page, 'load')).toHaveCount(1)
}

/** Where the page's content sits: the heading and the main column, in viewport coordinates. */
const layout = (page: Page) =>
  page.evaluate(() =>
    ['h1', 'main'].map((selector) => {
      const { left, top, width } = document.querySelector(selector)!.getBoundingClientRect()
      return { selector, left, top, width }
    }),
  )

const panelBox = (page: Page) => page.getByRole('dialog').locator(':scope > div').boundingBox()

test('scroll lock: no layout shift with a real scrollbar, and scroll restored exactly', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/spa.html')
  await expect(page.getByRole('button', { name: 'Connect in a modal' })).toBeEnabled()
  const gap = await page.evaluate(() => innerWidth - document.documentElement.clientWidth)
  expect(gap, 'the page should show a vertical scrollbar').toBeGreaterThan(0)
  await page.evaluate(() => scrollTo(0, 120))
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(120)
  const before = await layout(page)

  await openModal(page)
  expect(await page.evaluate(() => innerWidth - document.documentElement.clientWidth)).toBe(0)
  expect(await layout(page)).toEqual(before)
  // The wheel does not move the page behind the modal.
  await page.mouse.move(40, 360)
  await page.mouse.wheel(0, 400)
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(120)

  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await layout(page)).toEqual(before)
  expect(await page.evaluate(() => scrollY)).toBe(120)
  expect(await page.evaluate(() => innerWidth - document.documentElement.clientWidth)).toBe(gap)
})

test('phone (375×700): the panel fills the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 })
  await page.goto('/spa.html')
  await expect(page.getByRole('button', { name: 'Connect in a modal' })).toBeEnabled()
  await openModal(page)
  expect(await panelBox(page)).toEqual({ x: 0, y: 0, width: 375, height: 700 })
})

test('desktop (1280×800): a centred panel smaller than the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/spa.html')
  await expect(page.getByRole('button', { name: 'Connect in a modal' })).toBeEnabled()
  await openModal(page)
  const panel = (await panelBox(page))!
  expect(panel.width).toBeLessThan(1280)
  expect(panel.height).toBeLessThan(800)
  expect(panel.x).toBeCloseTo((1280 - panel.width) / 2, 0)
  expect(panel.y).toBeCloseTo((800 - panel.height) / 2, 0)
})
