// Taps where the phone's screen shows an element. Playwright's own `locator.tap()` misses on a
// zoomed phone page: its point leaves out the visual viewport's offset in the layout viewport
// (a pinch-zoomed, panned page: "<dialog> intercepts pointer events" on the close button, whose
// centre `elementFromPoint` finds), and inside a frame also the scale of what holds the frame (the
// SDK's dialog is scaled by 1 / visualViewport.scale on a zoomed-out page: a tap on the
// Connector's bank button lands on the label above it). Points here are computed from the
// elements' own client rectangles, as the page lays them out.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

interface Point {
  x: number
  y: number
}

/** The centre of `target` in its own frame's client coordinates, and that frame's width. */
const centreOf = (target: Locator) =>
  target.evaluate((element) => {
    const { left, top, width, height } = element.getBoundingClientRect()
    return { x: left + width / 2, y: top + height / 2, frameWidth: innerWidth }
  })

/** Taps at a point of the page's client coordinates. */
async function tapAtClientPoint(page: Page, point: Point): Promise<void> {
  // Playwright's touchscreen takes CSS pixels from the visual viewport's corner.
  const offset = await page.evaluate(() => ({
    left: visualViewport!.offsetLeft,
    top: visualViewport!.offsetTop,
  }))
  await page.touchscreen.tap(point.x - offset.left, point.y - offset.top)
}

/** Taps `target`, an element of the page itself, once it is in view. */
export async function tapOnPage(target: Locator): Promise<void> {
  await expect(target).toBeVisible()
  await target.scrollIntoViewIfNeeded()
  await tapAtClientPoint(target.page(), await centreOf(target))
}

/**
 * Taps `target`, an element inside the frame `frame` (an `<iframe>` of the page itself), mapping
 * its centre through the frame's box on the page, which a scale applied to the frame changes.
 */
export async function tapInFrame(frame: Locator, target: Locator): Promise<void> {
  await expect(target).toBeVisible()
  const inFrame = await centreOf(target)
  const point = await frame.evaluate((element, inFrame) => {
    const box = element.getBoundingClientRect()
    const ratio = box.width / inFrame.frameWidth
    return { x: box.left + inFrame.x * ratio, y: box.top + inFrame.y * ratio }
  }, inFrame)
  await tapAtClientPoint(frame.page(), point)
}
