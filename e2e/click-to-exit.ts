// Shared by the e2e suite, the examples' suite and quiltt-sandbox's browser tests: no fixtures, only
// Playwright's types.
import type { FrameLocator } from '@playwright/test'

/**
 * Clicks a Connector button that ends the flow. In a modal the iframe is then removed, and
 * Playwright's click into a frame that goes away under it can hang: `noWaitAfter` skips the
 * after-click check, and the click itself can still wait forever in "performing click action"
 * (seen in a clean-clone CI run). So the click counts as done when it settles or when the frame
 * is gone, whichever comes first; a click that fails while the frame is still there fails the
 * test. Callers assert the outcome on the page's event log.
 */
export async function clickToExit(connector: FrameLocator, name: string): Promise<void> {
  // Attached first, so "gone" below means removed after the click started, never "not there yet".
  await connector.owner().waitFor({ state: 'attached' })
  const click = connector.getByRole('button', { name, exact: true }).click({ noWaitAfter: true })
  const gone = connector.owner().waitFor({ state: 'detached' })
  // Whichever loses the race is left to settle on its own (or with the page, at the test's end).
  click.catch(() => undefined)
  gone.catch(() => undefined)
  await Promise.race([click, gone])
}
