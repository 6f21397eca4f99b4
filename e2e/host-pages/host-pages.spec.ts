// The Connector opened from pages apps are really built with (issue 27, SPEC 6.1): inside a native
// <dialog>, Radix, Headless UI and MUI dialogs, on a body with pointer-events: none, under Pico
// CSS, from a shadow root and a clobbering <form>, under a late max-z-index banner, on an RTL
// page. Each page is a small app of its own (e2e/host-pages/pages/) loading the built SDK as users
// do: the IIFE with its script tag, or the ESM build through the React binding or a web component,
// bundled by esbuild once per run. Every page gets the same two tests, then a few of its own.
import type { Page } from '@playwright/test'
import { test as base, expect } from '../fixtures'
import { holdConnectorPage } from '../helpers'
import {
  clickToOpen,
  closeButton,
  closeWithButton,
  closeWithEscape,
  expectClickGoesThrough,
  expectFocusInside,
  expectOnTop,
  expectPageBack,
  type HostPage,
  loadPage,
  openConnector,
  sdkDialog,
} from './connector-checks'
import { type HostPagesServer, startHostPages } from './server'

const formCard = (page: Page) => page.getByRole('form', { name: 'Link your bank' })

const PAGES: Record<string, HostPage> = {
  'a native <dialog> opened with showModal()': { path: 'native-dialog.html', pageDialog: true },
  'a Radix dialog': { path: 'radix.html', pageDialog: true },
  'a Headless UI dialog': { path: 'headless.html', pageDialog: true },
  'an MUI dialog': { path: 'mui.html', pageDialog: true },
  'a body with pointer-events: none': { path: 'pointer-events.html', pageDialog: false },
  'a Pico CSS modal': { path: 'pico.html', pageDialog: true },
  'a button in a shadow root': { path: 'shadow-opener.html', pageDialog: false },
  'a clobbering <form> opener': {
    path: 'form-opener.html',
    pageDialog: false,
    opener: formCard,
    // The card's text: a click there focuses the form itself (tabindex), which opens it.
    openBy: (page) => formCard(page).getByText('Link your bank'),
  },
  'a page with a late max-z-index banner': {
    path: 'late-banner.html',
    pageDialog: false,
    // The page adds it on quiltt:load, after our dialog opened, across the top of the viewport.
    whenShown: (page) => expect(page.getByRole('complementary')).toContainText('We use cookies'),
  },
  'a right-to-left page': { path: 'rtl.html', pageDialog: false },
}

/** One host pages server per worker, beside the worker's sandbox; pages are at its origin. */
const test = base.extend<object, { hostPages: HostPagesServer }>({
  hostPages: [
    async ({ sandbox, demo }, use) => {
      const server = await startHostPages(sandbox, demo.connectorId)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ hostPages }, use) => {
    await use(hostPages.url)
  },
})

for (const [name, host] of Object.entries(PAGES)) {
  test.describe(name, () => {
    test('on top, focused, takes clicks; Escape closes ours only; focus and clicks come back', async ({
      page,
    }) => {
      await openConnector(page, host)
      await expectOnTop(page)
      await expectFocusInside(page)
      await expectClickGoesThrough(page, host)
      await closeWithEscape(page)
      await expectPageBack(page, host)
    })

    test('the close button is on top and closes ours only', async ({ page }) => {
      await openConnector(page, host)
      await closeWithButton(page, host)
      await expectPageBack(page, host)
    })
  })
}

test('Headless UI, preloaded first: the prepared Connector shows, unreloaded, and takes input', async ({
  page,
  stats,
}) => {
  const host: HostPage = { path: 'headless.html?preload', pageDialog: true }
  await page.goto(`/host-pages/${host.path}`)
  await expect(page.locator('body[data-preloaded="true"]')).toBeAttached()
  const loads = (await stats()).connectorPageRequests
  // Headless UI marks the other root elements inert when it opens, the prepared dialog included.
  await page.getByRole('button', { name: 'Account settings' }).click()
  await clickToOpen(page, host)
  await expectOnTop(page)
  await expectFocusInside(page)
  await expectClickGoesThrough(page, host)
  await closeWithButton(page, host)
  await expectPageBack(page, host)
  // Shown as it was prepared: the Connector's page was never requested again.
  expect((await stats()).connectorPageRequests).toBe(loads)
})

test('Pico CSS: its rules for dialog, article and button leave ours looking as it does without', async ({
  page,
}) => {
  const host = PAGES['a Pico CSS modal']!
  /** Geometry and colours of the SDK's modal, as the user sees them. */
  const look = async () => {
    await openConnector(page, host)
    return sdkDialog(page).evaluate((dialog) => {
      const box = (element: Element | null) => {
        const { left, top, width, height } = element!.getBoundingClientRect()
        return { left, top, width, height }
      }
      const close = dialog.querySelector('button')!
      // The dialog's own colour and font are only inherited by what it holds, which sets its own.
      const { backgroundColor, borderTopWidth, padding } = getComputedStyle(dialog)
      const { color, fontSize, fontFamily, borderRadius } = getComputedStyle(close)
      return {
        dialog: box(dialog),
        frame: box(dialog.querySelector('iframe')),
        close: box(close),
        dialogStyle: { backgroundColor, borderTopWidth, padding },
        closeStyle: {
          color,
          fontSize,
          fontFamily,
          borderRadius,
          backgroundColor: getComputedStyle(close).backgroundColor,
        },
        viewport: { width: innerWidth, height: innerHeight },
      }
    })
  }
  const withPico = await look()
  expect(withPico.dialog).toEqual({ left: 0, top: 0, ...withPico.viewport })
  await page.route('**/host-pages/pico.min.css', (route) =>
    route.fulfill({ contentType: 'text/css', body: '' }),
  )
  expect(withPico).toEqual(await look())
})

test('RTL: the close button sits at the inline end, top-left', async ({ page }) => {
  await openConnector(page, PAGES['a right-to-left page']!)
  const [close, frame] = await Promise.all(
    [closeButton(page), sdkDialog(page).locator('iframe')].map((locator) => locator.boundingBox()),
  )
  // Nearer the Connector's left edge than its right one, and above the Connector.
  expect(close!.x - frame!.x).toBeLessThan(frame!.x + frame!.width - (close!.x + close!.width))
  expect(close!.y + close!.height).toBeLessThanOrEqual(frame!.y)
})

test('a clobbering <form> opener: Escape before Load settles the open, focus back on the form', async ({
  page,
}) => {
  const host = PAGES['a clobbering <form> opener']!
  const release = await holdConnectorPage(page)
  await loadPage(page, host)
  await clickToOpen(page, host)
  await expectFocusInside(page)
  await page.keyboard.press('Escape')
  await expect(sdkDialog(page)).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Events' }).getByRole('listitem')).toHaveText([
    'quiltt:open',
    'quiltt:exit-abort',
    'quiltt:exit',
  ])
  await expect
    .poll(() => formCard(page).evaluate((form) => form === document.activeElement))
    .toBe(true)
  release()
  // The first open settled: a second click opens the Connector again, and it loads.
  await clickToOpen(page, host)
  await expect(page.getByRole('listitem').filter({ hasText: 'quiltt:load' })).toHaveCount(1)
})
