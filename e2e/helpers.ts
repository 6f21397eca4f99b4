// Page and Connector steps shared by the specs. Connector steps use the sandbox's accessible names
// (packages/quiltt-sandbox/README.md).
import type { FrameLocator, Locator, Page, Route } from '@playwright/test'
import { clickToExit } from './click-to-exit'
import { expect } from './fixtures'

export { clickToExit }

export type Bank = 'Sandbox Bank' | 'Failing Bank' | 'OAuth Bank'

const CONNECTOR_FRAME = 'iframe[title="Quiltt Connector"]'

/** The Connector iframe inside the SDK's modal. */
export const modalConnector = (page: Page): FrameLocator =>
  page.locator(`[role="dialog"] ${CONNECTOR_FRAME}`).contentFrame()

/** The Connector iframe mounted inline in the page's `#inline-connector`. */
export const inlineConnector = (page: Page): FrameLocator =>
  page.locator(`#inline-connector ${CONNECTOR_FRAME}`).contentFrame()

/** Log entries for one event (`exitSuccess` on the SPA, `quiltt:exit-success` on the plain page). */
export const logEntries = (page: Page, event: string): Locator =>
  page.locator(`#event-log > li[data-event="${event}"]`)

/** The names of all logged events, in order. */
export const loggedEvents = (page: Page): Promise<string[]> =>
  page
    .locator('#event-log > li')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.event ?? ''))

/** The JSON an entry shows (metadata on the SPA; `{ type, metadata, error }` on the plain page). */
export async function detailOf(entry: Locator): Promise<Record<string, unknown>> {
  return JSON.parse((await entry.locator('.event-detail').textContent()) ?? 'null')
}

/** Asserts Quiltt's ExitSuccess metadata and returns it. */
export function expectSuccessMetadata(metadata: unknown, connectorId: string) {
  expect(metadata).toMatchObject({
    connectorId,
    profileId: expect.any(String),
    connectionId: expect.any(String),
    connectorSession: { id: expect.any(String) },
  })
  return metadata as { connectorId: string; profileId: string; connectionId: string }
}

/**
 * Waits until the user can see the Connector, and brings all of it into the page's viewport. The
 * SDK keeps its iframe transparent until the Connector's Load; Playwright judges visibility inside
 * the frame only, so without this a click can land in the instant the Connector has rendered but
 * the page has not revealed it yet.
 *
 * The scroll: an inline Connector on the React and Vue pages starts 489 px down a 720 px viewport,
 * so its Connect button (at 774 px) is below the fold. To click it Playwright scrolls from inside
 * the cross-origin frame, another renderer process, which asks the page to scroll by a message
 * that lands when the page's process gets to it; on a busy machine the click's point can be
 * computed against the frame's old place, and a click that lands outside the frame reaches no
 * listener inside it and still counts as done (no submit, no POST /api/connections). Scrolled
 * into view here, from the page itself, every later click in the Connector needs no scroll.
 */
export async function shown(connector: FrameLocator): Promise<void> {
  await expect(connector.owner()).toBeVisible()
  await expect(connector.owner()).toHaveCSS('opacity', '1')
  await connector.owner().scrollIntoViewIfNeeded()
}

/** Picks a bank on the institution screen. */
export async function chooseBank(connector: FrameLocator, bank: Bank): Promise<void> {
  await shown(connector)
  await expect(connector.getByRole('heading', { name: 'Select your institution' })).toBeVisible()
  await connector.getByRole('button', { name: bank, exact: true }).click()
}

/** Fills the credentials form (any values work in the sandbox) and submits it. */
export async function logIn(connector: FrameLocator): Promise<void> {
  await connector.getByLabel('Username').fill('demo-user')
  await connector.getByLabel('Password').fill('demo-password')
  await connector.getByRole('button', { name: 'Connect', exact: true }).click()
}

/** Sandbox Bank from start to ExitSuccess. */
export async function connectSandboxBank(connector: FrameLocator): Promise<void> {
  await chooseBank(connector, 'Sandbox Bank')
  await logIn(connector)
  await expect(connector.getByRole('heading', { name: 'Connected' })).toBeVisible()
  await clickToExit(connector, 'Done')
}

/** OAuth Bank: the Connector opens the bank's popup, the user authorizes, the flow completes. */
export async function connectOAuthBank(page: Page, connector: FrameLocator): Promise<void> {
  await chooseBank(connector, 'OAuth Bank')
  const popupOpened = page.waitForEvent('popup')
  await connector.getByRole('button', { name: 'Continue to OAuth Bank' }).click()
  const popup = await popupOpened
  // The popup closes itself once authorized: the same after-click wait as in clickToExit.
  await popup.getByRole('button', { name: 'Authorize' }).click({ noWaitAfter: true })
  await expect(connector.getByRole('heading', { name: 'Connected' })).toBeVisible()
  await clickToExit(connector, 'Done')
}

/** Failing Bank: the sandbox refuses the login; closing its error screen sends ExitError. */
export async function failWithFailingBank(connector: FrameLocator): Promise<void> {
  await chooseBank(connector, 'Failing Bank')
  await logIn(connector)
  await expect(connector.getByRole('heading', { name: 'Connection failed' })).toBeVisible()
  await clickToExit(connector, 'Close')
}

/** Cancel from the institution screen sends ExitAbort. */
export async function cancel(connector: FrameLocator): Promise<void> {
  await shown(connector)
  await expect(connector.getByRole('heading', { name: 'Select your institution' })).toBeVisible()
  await clickToExit(connector, 'Cancel')
}

/** The SPA's "Connect" section, which holds its status line and error alert. */
export const appMessages = (page: Page): Locator => page.getByRole('region', { name: 'Connect' })

/** The Reconnect screen for a Sandbox Bank connection: "Continue" sends ExitSuccess. */
export async function continueReconnect(connector: FrameLocator): Promise<void> {
  await shown(connector)
  await expect(connector.getByRole('heading', { name: 'Reconnect Sandbox Bank' })).toBeVisible()
  await clickToExit(connector, 'Continue')
}

/** Holds the Connector's page request until the returned function is called. */
export async function holdConnectorPage(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(
    (url) => url.hostname.endsWith('.localhost') && url.searchParams.get('mode') === 'INLINE',
    async (route: Route) => {
      await released
      // The iframe may be gone by now, cancelling the request.
      await route.continue().catch(() => undefined)
    },
  )
  return release
}
