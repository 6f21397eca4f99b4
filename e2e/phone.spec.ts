// The modal on a phone (SPEC §6.1, issue 27 item 4): laid out for the screen, not for the page.
// A page wider than the screen, a page without <meta name="viewport"> (a 980 px layout shown
// zoomed out), a pinch-zoom, a rotation while open: the dialog covers exactly what the screen
// shows (the visual viewport), the Connector lays out at the screen's width (or the 480 px panel
// on a wider one), and its controls and the close button are on screen and work. The phone pages
// then get the checks every host page gets (e2e/host-pages/connector-checks.ts), tapped.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { modalConnector, shown } from './helpers'
import {
  closeWithButton,
  closeWithEscape,
  expectClickGoesThrough,
  expectFocusInside,
  expectOnTop,
  expectPageBack,
  openFromLoadedPage,
  type PageUnderTest,
  tapInConnector,
} from './host-pages/connector-checks'
import { type SdkPage, test } from './sdk-pages'

test.use({
  isMobile: true,
  hasTouch: true,
  viewport: { width: 390, height: 664 },
  deviceScaleFactor: 3,
})

const DEVICE_WIDTH = '<meta name="viewport" content="width=device-width">'
const TABLE = '<table style="width:720px;border:1px solid"><tr><td>A wide table</td></tr></table>'

/** Opens the page's Link button with a tap and waits until the Connector shows its first screen. */
async function openFromPage(page: Page) {
  await page.getByRole('button', { name: 'Link your bank' }).tap()
  return untilConnectorShown(page)
}

async function untilConnectorShown(page: Page) {
  const connector = modalConnector(page)
  await shown(connector)
  await expect(connector.getByRole('heading', { name: 'Select your institution' })).toBeVisible()
  return connector
}

interface Rect {
  left: number
  top: number
  width: number
  height: number
}

/**
 * What the screen shows and where the modal's parts are, all in the page's client coordinates:
 * the visual viewport, the dialog, the close button, and the Connector's own controls (measured
 * inside its frame and mapped through the iframe's box, which the dialog's scale applies to).
 */
async function measure(page: Page) {
  const inside = await modalConnector(page)
    .locator(':root')
    .evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      controls: [...document.querySelectorAll('button, input')].map((element) => {
        const { left, top, width, height } = element.getBoundingClientRect()
        return { left, top, width, height }
      }),
    }))
  const outside = await page.evaluate(() => {
    const rect = (element: Element) => {
      const { left, top, width, height } = element.getBoundingClientRect()
      return { left, top, width, height }
    }
    const dialog = document.querySelector('[role="dialog"]')!
    const viewport = visualViewport!
    return {
      screen: {
        left: viewport.offsetLeft,
        top: viewport.offsetTop,
        width: viewport.width,
        height: viewport.height,
      },
      scale: viewport.scale,
      dialog: rect(dialog),
      close: rect(dialog.querySelector('button')!),
      frame: rect(dialog.querySelector('iframe')!),
    }
  })
  const ratio = outside.frame.width / inside.width
  const controls = inside.controls.map((control) => ({
    left: outside.frame.left + control.left * ratio,
    top: outside.frame.top + control.top * ratio,
    width: control.width * ratio,
    height: control.height * ratio,
  }))
  return { ...outside, connector: { width: inside.width, height: inside.height }, controls }
}

function expectWithin(rect: Rect, screen: Rect, what: string) {
  expect(rect.left, `${what} left`).toBeGreaterThanOrEqual(screen.left - 0.5)
  expect(rect.top, `${what} top`).toBeGreaterThanOrEqual(screen.top - 0.5)
  expect(rect.left + rect.width, `${what} right`).toBeLessThanOrEqual(
    screen.left + screen.width + 0.5,
  )
  expect(rect.top + rect.height, `${what} bottom`).toBeLessThanOrEqual(
    screen.top + screen.height + 0.5,
  )
}

/** The dialog is the visual viewport; the Connector is as wide as the screen (up to 480 px). */
async function expectFitsScreen(page: Page) {
  const seen = await measure(page)
  // Within a pixel: the layout viewport's own size is rounded to whole pixels.
  for (const key of ['left', 'top', 'width', 'height'] as const)
    expect(Math.abs(seen.dialog[key] - seen.screen[key]), `dialog ${key}`).toBeLessThanOrEqual(1)
  const screenWidth = seen.screen.width * seen.scale
  expect(seen.connector.width).toBeCloseTo(Math.min(screenWidth, 480), 0)
  expectWithin(seen.close, seen.screen, 'close button')
  expect(seen.controls.length).toBeGreaterThan(2)
  seen.controls.forEach((control, index) => {
    expectWithin(control, seen.screen, `Connector control ${index}`)
  })
  return seen
}

/**
 * The Connector's Cancel takes a tap where the screen shows it and closes the modal (ExitAbort):
 * its controls work.
 */
async function cancelByTap(page: Page) {
  await tapInConnector(page, modalConnector(page).getByRole('button', { name: 'Cancel' }))
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

/** Pans the page by a finger's drag: the visual viewport moves within the layout viewport. */
async function pan(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.synthesizeScrollGesture', {
    x: 50,
    y: 50,
    xDistance: -30,
    yDistance: -40,
    gestureSourceType: 'mouse',
  })
  await cdp.detach()
}

/**
 * Zooms the page in 2.5 times, as a pinch does, and pans it. The zoom is an emulation of its own
 * CDP session, so that session stays attached as long as the page.
 */
async function pinchZoom(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 })
  await pan(page)
}

/** The dialog's left edge, in the page's client coordinates. */
const dialogLeft = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="dialog"]')!.getBoundingClientRect().left)

/** Turns the phone to landscape and waits until the dialog has followed the new screen. */
async function turnToLandscape(page: Page) {
  await page.setViewportSize({ width: 664, height: 390 })
  await expect.poll(async () => (await measure(page)).dialog.width).toBeCloseTo(664, 0)
}

const BUTTON = (connectorId: string) =>
  `<button data-quiltt-button="${connectorId}">Link your bank</button>`

test('a 720 px table on a device-width page shown zoomed out to fit', async ({
  page,
  demo,
  sdkPages,
}) => {
  await sdkPages.open(page, { head: DEVICE_WIDTH, body: TABLE + BUTTON(demo.connectorId) })
  // The condition under test: the layout viewport is the table's width, shown zoomed out.
  expect(await page.evaluate(() => innerWidth)).toBeGreaterThan(700)
  await openFromPage(page)
  const seen = await expectFitsScreen(page)
  expect(seen.scale).toBeLessThan(0.6)
  expect(seen.connector.width).toBeCloseTo(390, 0)
  await cancelByTap(page)
})

test('a 720 px table on a page kept at scale 1: the screen shows part of the layout', async ({
  page,
  demo,
  sdkPages,
}) => {
  await sdkPages.open(page, {
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
    body: TABLE + BUTTON(demo.connectorId),
  })
  expect(await page.evaluate(() => [innerWidth > 700, visualViewport!.width])).toEqual([true, 390])
  await openFromPage(page)
  const seen = await expectFitsScreen(page)
  expect(seen.dialog).toEqual({ left: 0, top: 0, width: 390, height: 664 })
  await page.getByRole('button', { name: 'Close' }).tap()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('a page without <meta name="viewport">: a 980 px layout shown zoomed out', async ({
  page,
  demo,
  sdkPages,
}) => {
  await sdkPages.open(page, { body: BUTTON(demo.connectorId) })
  expect(await page.evaluate(() => innerWidth)).toBe(980)
  await openFromPage(page)
  const seen = await expectFitsScreen(page)
  // About the screen's 390 px: not the 480 px panel, not the 980 px layout.
  expect(seen.connector.width).toBeCloseTo(390, 0)
  await cancelByTap(page)
})

test('pinch-zoomed and panned: it covers what the screen shows and follows the pan', async ({
  page,
  demo,
  sdkPages,
}) => {
  await sdkPages.open(page, {
    head: DEVICE_WIDTH,
    body: `<div style="height:2000px">${BUTTON(demo.connectorId)}</div>`,
  })
  await pinchZoom(page)
  // The condition under test: the visual viewport is zoomed and offset in the layout viewport.
  expect(
    await page.evaluate(() => [visualViewport!.scale, visualViewport!.offsetLeft > 0]),
  ).toEqual([2.5, true])
  // Clicked from script: a tap would first scroll the button into view, moving the viewport.
  await page.evaluate(() => document.querySelector<HTMLElement>('[data-quiltt-button]')!.click())
  await untilConnectorShown(page)
  const before = await expectFitsScreen(page)
  await pan(page)
  await expect.poll(() => dialogLeft(page)).toBeGreaterThan(before.dialog.left)
  await expectFitsScreen(page)
  await cancelByTap(page)
})

test('turned to landscape while open, it follows the new screen', async ({
  page,
  demo,
  sdkPages,
}) => {
  await sdkPages.open(page, { head: DEVICE_WIDTH, body: BUTTON(demo.connectorId) })
  await openFromPage(page)
  await expectFitsScreen(page)
  await turnToLandscape(page)
  const seen = await expectFitsScreen(page)
  // Wider than the panel now: the centred 480 px panel, as high as the screen allows.
  expect(seen.connector.width).toBeCloseTo(480, 0)
  await cancelByTap(page)
})

/**
 * The page's own control: "Save" counts its taps in #saved, so a check sees the page take input
 * again once the Connector closed.
 */
const SAVE = `<p><button type="button" id="save">Save</button> <output id="saved">Saved 0</output></p>
<script>
let saves = 0
document.getElementById('save').addEventListener('click', () => {
  saves += 1
  document.getElementById('saved').textContent = 'Saved ' + saves
})
</script>`

/** A phone page: its markup, what the user does before the tap on Link, and once it shows. */
interface PhonePage {
  head: string
  /** The page's markup; its Link and Save buttons go where it says `BUTTONS`. */
  body: string
  /** What the user does to the page before tapping its Link button. */
  beforeOpen?: (page: Page) => Promise<void>
  whenShown?: (page: Page) => Promise<void>
}

/** Pinch-zoomed and panned before the tap (which may pan to the button), then panned again. */
const pinchZoomed: PhonePage = {
  head: DEVICE_WIDTH,
  body: '<div style="height:2000px">BUTTONS</div>',
  beforeOpen: async (page) => {
    await pinchZoom(page)
    expect(await page.evaluate(() => visualViewport!.scale)).toBe(2.5)
  },
  whenShown: async (page) => {
    const before = await dialogLeft(page)
    await pan(page)
    await expect.poll(() => dialogLeft(page)).toBeGreaterThan(before)
    // Still zoomed in: the tap that opened it may have panned, not zoomed out.
    expect((await expectFitsScreen(page)).scale).toBe(2.5)
  },
}

const PHONE_PAGES: Record<string, PhonePage> = {
  'a 720 px table, zoomed out to fit': { head: DEVICE_WIDTH, body: `${TABLE}BUTTONS` },
  'a 720 px table at scale 1': {
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
    body: `${TABLE}BUTTONS`,
  },
  'a page without <meta name="viewport">': { head: '', body: 'BUTTONS' },
  'a device-width page turned to landscape while open': {
    head: DEVICE_WIDTH,
    body: 'BUTTONS',
    whenShown: turnToLandscape,
  },
  'a pinch-zoomed page, panned while open': pinchZoomed,
}

for (const [name, phone] of Object.entries(PHONE_PAGES)) {
  test.describe(`checks of every host page, on ${name}`, () => {
    const host: PageUnderTest = { pageDialog: false, touch: true, whenShown: phone.whenShown }
    const pageSpec = (connectorId: string): SdkPage => ({
      head: phone.head,
      body: phone.body.replace('BUTTONS', BUTTON(connectorId) + SAVE),
    })

    test('on top, focused, takes taps; Escape closes ours only; focus and taps come back', async ({
      page,
      demo,
      sdkPages,
    }) => {
      await sdkPages.open(page, pageSpec(demo.connectorId))
      await phone.beforeOpen?.(page)
      await openFromLoadedPage(page, host)
      await expectOnTop(page)
      await expectFocusInside(page)
      await expectClickGoesThrough(page, host)
      await closeWithEscape(page)
      await expectPageBack(page, host)
    })

    test('the close button is on top and closes ours only', async ({ page, demo, sdkPages }) => {
      await sdkPages.open(page, pageSpec(demo.connectorId))
      await phone.beforeOpen?.(page)
      await openFromLoadedPage(page, host)
      await closeWithButton(page, host)
      await expectPageBack(page, host)
    })
  })
}
