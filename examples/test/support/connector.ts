// The sandbox Connector's screens, by their accessible names (packages/quiltt-sandbox/README.md).
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { clickToExit } from '../../../e2e/click-to-exit'

const CONNECTOR_FRAME = 'iframe[title="Quiltt Connector"]'

/** The Connector in the SDK's modal. */
export const modalConnector = (page: Page): FrameLocator =>
  page.locator(`[role="dialog"] ${CONNECTOR_FRAME}`).contentFrame()

/** The Connector mounted inline in `container`. */
export const inlineConnector = (container: Locator): FrameLocator =>
  container.locator(CONNECTOR_FRAME).contentFrame()

/** Sandbox Bank from the institution list to ExitSuccess ("Done"). */
export async function connectSandboxBank(connector: FrameLocator): Promise<void> {
  // The SDK keeps its iframe transparent until the Connector's Load.
  await expect(connector.owner()).toHaveCSS('opacity', '1')
  await expect(connector.getByRole('heading', { name: 'Select your institution' })).toBeVisible()
  await connector.getByRole('button', { name: 'Sandbox Bank', exact: true }).click()
  await connector.getByLabel('Username').fill('demo-user')
  await connector.getByLabel('Password').fill('demo-password')
  await connector.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(connector.getByRole('heading', { name: 'Connected' })).toBeVisible()
  await clickToExit(connector, 'Done')
}

/** Collects the page's console.error lines (what a developer sees in the browser's console). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return errors
}
