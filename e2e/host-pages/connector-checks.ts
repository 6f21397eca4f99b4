// What every host page must give its user (SPEC 6.1), as steps a test strings together: the
// Connector opened from the page as a user would, on top of everything (it is what the user hits
// at its centre), focus inside it, a click in it reaching the Connector, Escape and the close
// button closing ours and nothing of the page's, focus back on the opener (also inside a shadow
// root), and the page (its dialog, where it has one) taking clicks again. On a phone the same
// steps tap where the others click (e2e/phone.spec.ts).
import type { FrameLocator, Locator, Page } from '@playwright/test'
import { expect } from '../fixtures'
import { shown } from '../helpers'
import { tapInFrame, tapOnPage } from '../tap-on-screen'

/** A page the checks run on, however it was loaded, and how its user reaches the Connector. */
export interface PageUnderTest {
  /** The Link button sits in the page's own dialog, opened by its "Account settings" button. */
  pageDialog: boolean
  /** The element that has focus when the Connector opens; default: the "Link your bank" button. */
  opener?: (page: Page) => Locator
  /** What the user clicks to open the Connector; default: the opener. */
  openBy?: (page: Page) => Locator
  /** What the page does once the Connector shows, awaited before any check. */
  whenShown?: (page: Page) => Promise<void>
  /** The user taps, as on a phone (a context with `hasTouch`), where the others click. */
  touch?: boolean
}

/** A page of the host pages server (e2e/host-pages/server.ts). */
export interface HostPage extends PageUnderTest {
  /** The page under /host-pages/, with its query string if any. */
  path: string
}

export const sdkDialog = (page: Page): Locator =>
  page.getByRole('dialog', { name: 'Quiltt Connector' })
const connectorFrame = (page: Page): Locator =>
  sdkDialog(page).locator('iframe[title="Quiltt Connector"]')
export const connector = (page: Page): FrameLocator => connectorFrame(page).contentFrame()
export const closeButton = (page: Page): Locator =>
  sdkDialog(page).getByRole('button', { name: 'Close' })
/** The page's own dialog, by its title: the dialog element itself may have no box (Headless UI). */
const pageDialogTitle = (page: Page): Locator =>
  page
    .getByRole('dialog', { name: 'Account settings' })
    .getByRole('heading', { name: 'Account settings' })
const openerOf = (page: Page, host: PageUnderTest): Locator =>
  host.opener?.(page) ?? page.getByRole('button', { name: 'Link your bank' })

/**
 * What a click at the centre of `target` would reach: `itself`, or the element that covers it
 * (or takes the hit because `target` lets pointer events through).
 */
export const hitAtCentre = (target: Locator): Promise<string> =>
  target.evaluate((element) => {
    const { left, top, width, height } = element.getBoundingClientRect()
    const hit = document.elementFromPoint(left + width / 2, top + height / 2)
    if (hit === element) return 'itself'
    if (!hit) return 'nothing'
    const text = hit.children.length ? '' : hit.textContent?.trim().slice(0, 40)
    return `<${hit.localName}${hit.id ? `#${hit.id}` : ''}>${text ? ` "${text}"` : ''}`
  })

/**
 * Whether `target` has focus, looking through shadow roots: `document.activeElement` is only the
 * shadow host when the focused element is inside one.
 */
const hasFocus = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return active === element
  })

/** Where focus is, seen from the SDK's dialog: `inside`, or the element outside that has it. */
const focusFrom = (dialog: Locator): Promise<string> =>
  dialog.evaluate((element) => {
    const active = document.activeElement
    if (active && element.contains(active)) return 'inside'
    return active ? `<${active.localName}${active.id ? `#${active.id}` : ''}>` : 'nothing'
  })

/** A click on `target`, or on a touch page a tap where the screen shows it. */
const press = (target: Locator, host: PageUnderTest): Promise<void> =>
  host.touch ? tapOnPage(target) : target.click()

/** Taps `target`, an element inside the Connector, where the screen shows it. */
export const tapInConnector = (page: Page, target: Locator): Promise<void> =>
  tapInFrame(connectorFrame(page), target)

/** Loads the page and opens its dialog, if it has one; the Link button is then in reach. */
export async function loadPage(page: Page, host: HostPage): Promise<void> {
  await page.goto(`/host-pages/${host.path}`)
  if (!host.pageDialog) return
  await press(page.getByRole('button', { name: 'Account settings' }), host)
  await expect(pageDialogTitle(page)).toBeVisible()
}

/** Clicks (taps) what opens the Connector; the SDK's dialog is then on the page. */
export async function clickToOpen(page: Page, host: PageUnderTest): Promise<void> {
  await press(host.openBy?.(page) ?? openerOf(page, host), host)
  await expect(sdkDialog(page)).toBeVisible()
}

/** On a loaded page: the Connector opened from it as its user would, and shown (after Load). */
export async function openFromLoadedPage(page: Page, host: PageUnderTest): Promise<void> {
  await clickToOpen(page, host)
  await shown(connector(page))
  await host.whenShown?.(page)
}

/** The page loaded, its dialog opened, the Connector opened from it and shown (after Load). */
export async function openConnector(page: Page, host: HostPage): Promise<void> {
  await loadPage(page, host)
  await openFromLoadedPage(page, host)
}

/** The Connector is what the user hits at its centre: nothing covers it or lets the click by. */
export async function expectOnTop(page: Page): Promise<void> {
  await expect
    .poll(() => hitAtCentre(connectorFrame(page)), {
      message: 'what a click at the centre of the Connector reaches',
    })
    .toBe('itself')
}

/** Focus is in the SDK's dialog (on it, its close button or in the Connector). */
export async function expectFocusInside(page: Page): Promise<void> {
  await expect
    .poll(() => focusFrom(sdkDialog(page)), { message: 'where focus is after open' })
    .toBe('inside')
}

/** A real click (tap) inside the Connector reaches it: Sandbox Bank's sign-in form appears. */
export async function expectClickGoesThrough(page: Page, host: PageUnderTest): Promise<void> {
  const bank = connector(page).getByRole('button', { name: 'Sandbox Bank', exact: true })
  await (host.touch ? tapInConnector(page, bank) : bank.click())
  await expect(connector(page).getByLabel('Username')).toBeVisible()
}

/**
 * Puts focus on the close button and presses Escape there. Keys pressed inside the cross-origin
 * Connector are its own, so the user first leaves it; focus() sends the page the same focus
 * events a Tab would (a page's focus trap hears them), without racing the frame's asynchronous
 * hand-over of focus to the page (keyboard.spec walks the Tab order itself).
 */
export async function closeWithEscape(page: Page): Promise<void> {
  const close = closeButton(page)
  await close.focus()
  await expect.poll(() => hasFocus(close), { message: 'the close button keeps focus' }).toBe(true)
  await page.keyboard.press('Escape')
}

/** Clicks (taps) the SDK's close button, which must be what the user hits at its centre. */
export async function closeWithButton(page: Page, host: PageUnderTest): Promise<void> {
  await expect
    .poll(() => hitAtCentre(closeButton(page)), {
      message: 'what a click at the centre of the close button reaches',
    })
    .toBe('itself')
  await press(closeButton(page), host)
}

/**
 * Ours is closed and only ours: the page's dialog (if any) is still open, focus is back on the
 * opener, and the page takes a click (tap) again ("Save" counts it).
 */
export async function expectPageBack(page: Page, host: PageUnderTest): Promise<void> {
  await expect(sdkDialog(page)).toHaveCount(0)
  if (host.pageDialog) await expect(pageDialogTitle(page)).toBeVisible()
  await expect
    .poll(() => hasFocus(openerOf(page, host)), { message: 'focus is back on the opener' })
    .toBe(true)
  const saved = page.locator('#saved')
  const before = Number((await saved.textContent())?.replace(/\D/g, ''))
  await press(page.getByRole('button', { name: 'Save' }), host)
  await expect(saved).toHaveText(`Saved ${before + 1}`)
}
