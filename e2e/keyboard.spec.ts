// Keyboard only, on the SPA: Tab to the opener, Enter opens the modal, focus stays inside the
// dialog, a real Escape closes it (exitAbort), focus returns to the opener and the page is live
// again. Focus inside the cross-origin Connector shows in this page as the iframe element.
//
// The SDK sees Escape only while focus is in this page. The sandbox Connector, like a good SPA,
// moves focus to its heading when it renders, after which its keys are its own; so "Escape right
// after open" holds the Connector's page until the key is pressed, to be deterministic on a
// loaded machine.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { holdConnectorPage, logEntries, loggedEvents, modalConnector, shown } from './helpers'

const OPENER = 'Connect in a modal'

/**
 * Where focus is, as this page sees it: `dialog`, `iframe` (somewhere in the Connector), `close`,
 * `none` (no element: focus has passed to the browser's own UI, as Tab past the last control of a
 * native modal <dialog> does too), or the element outside the dialog that has it.
 */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement
    const dialog = document.querySelector('[role="dialog"]')
    if (active === null || active === document.body) return 'none'
    if (!dialog?.contains(active)) return `outside: ${active.outerHTML.slice(0, 80)}`
    if (active === dialog) return 'dialog'
    if (active instanceof HTMLIFrameElement) return 'iframe'
    return active.getAttribute('aria-label') === 'Close' ? 'close' : `other: ${active.tagName}`
  })

/** Presses Tab until the button named `name` has focus (at most 20 times), like a keyboard user would. */
async function tabTo(page: Page, name: string): Promise<void> {
  const target = page.getByRole('button', { name })
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`Tab never reached "${name}"`)
}

/** Tab to the opener, Enter, and the dialog is there (the Connector may still be loading). */
async function openWithKeyboard(page: Page): Promise<void> {
  await tabTo(page, OPENER)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
}

/** Opens with the keyboard, waits for the Connector's Load, then tabs to the close button. */
async function openLoadedAndTabToClose(page: Page): Promise<void> {
  await openWithKeyboard(page)
  await shown(modalConnector(page))
  await expect(logEntries(page, 'load')).toHaveCount(1)
  for (let i = 0; i < 12 && (await focused(page)) !== 'close'; i++) {
    await page.keyboard.press('Tab')
  }
  expect(await focused(page)).toBe('close')
}

/**
 * What the modal changes on the page: root overflow, the modal dialogs in the top layer (which
 * make the rest of the page inert), and the elements marked inert (the SDK marks none).
 */
const pageState = (page: Page) =>
  page.evaluate(() => ({
    overflowY: getComputedStyle(document.documentElement).overflowY,
    modal: document.querySelectorAll(':modal').length,
    inert: Array.from(document.querySelectorAll('*')).filter((el) => (el as HTMLElement).inert)
      .length,
  }))

test.beforeEach(async ({ page }) => {
  // Short enough that the page scrolls, so the scroll lock has something to lock.
  await page.setViewportSize({ width: 1000, height: 500 })
  await page.goto('/spa.html')
  await expect(page.getByRole('button', { name: OPENER })).toBeEnabled()
})

test('Tab reaches the opener; Enter opens the modal with focus inside the dialog', async ({
  page,
}) => {
  // Held, so the Connector cannot take focus before the first look (it did on a loaded CI machine).
  const release = await holdConnectorPage(page)
  await openWithKeyboard(page)
  expect(await focused(page)).toBe('dialog')
  release()
  await shown(modalConnector(page))
  await expect(logEntries(page, 'load')).toHaveCount(1)
  // The Connector may take focus on Load (the sandbox focuses its heading): still inside.
  expect(await focused(page)).toMatch(/^(dialog|iframe)$/)
})

test('Tab and Shift+Tab stay inside the dialog and reach the iframe and the close button', async ({
  page,
}) => {
  await openWithKeyboard(page)
  const connector = modalConnector(page)
  await shown(connector)
  await expect(connector.getByRole('heading', { name: 'Select your institution' })).toBeVisible()

  for (const key of ['Tab', 'Shift+Tab']) {
    const seen = new Set<string>()
    // More presses than the Connector has controls, so focus has to come round at least once.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key)
      const where = await focused(page)
      expect(where, `after ${i + 1} × ${key}`).toMatch(/^(iframe|close|none)$/)
      seen.add(where)
    }
    expect(seen, key).toContain('iframe')
    expect(seen, key).toContain('close')
  }
  await expect(page.getByRole('dialog')).toBeVisible()
})

test('Escape right after open closes the modal with exitAbort and gives the page back', async ({
  page,
}) => {
  const before = await pageState(page)
  expect(before.overflowY).not.toBe('hidden')
  expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true)
  const release = await holdConnectorPage(page)

  await openWithKeyboard(page)
  expect(await focused(page)).toBe('dialog')
  const open = await pageState(page)
  expect(open).toEqual({ overflowY: 'hidden', modal: 1, inert: 0 })

  await page.keyboard.press('Escape')
  release()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)
  expect(await loggedEvents(page)).toEqual(['open', 'exitAbort'])
  await expect(page.getByRole('button', { name: OPENER })).toBeFocused()
  expect(await pageState(page)).toEqual(before)

  // Scrollable again: the keyboard scrolls the page.
  await page.keyboard.press('End')
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0)
})

test('after Load, the keyboard reaches the close button; Enter closes with exitAbort', async ({
  page,
}) => {
  await openLoadedAndTabToClose(page)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitAbort'])
  await expect(page.getByRole('button', { name: OPENER })).toBeFocused()
  expect(await pageState(page)).toMatchObject({ modal: 0, inert: 0 })
})

test('Escape with focus back in the page (not in the Connector) closes it after Load', async ({
  page,
}) => {
  await openLoadedAndTabToClose(page)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitAbort'])
  await expect(page.getByRole('button', { name: OPENER })).toBeFocused()
})
