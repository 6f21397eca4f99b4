// The React and Vue demo pages offer the same flows; each spec file runs these against its page.
import { expect, test } from './fixtures'
import {
  cancel,
  connectSandboxBank,
  continueReconnect,
  detailOf,
  expectSuccessMetadata,
  inlineConnector,
  logEntries,
  loggedEvents,
  modalConnector,
} from './helpers'

export function frameworkPageTests(path: string): void {
  test.beforeEach(async ({ page }) => {
    await page.goto(path)
    await expect(page.locator('body[data-ready="true"]')).toBeAttached()
  })

  test('modal: Sandbox Bank connects; the log shows open, load, exitSuccess with metadata', async ({
    page,
    demo,
  }) => {
    await page.getByRole('button', { name: 'Connect in a modal' }).click()
    await expect(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
    await connectSandboxBank(modalConnector(page))

    await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
    expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitSuccess'])
    expectSuccessMetadata(await detailOf(logEntries(page, 'exitSuccess')), demo.connectorId)
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('cancel: leaving the Connector logs exitAbort and closes the modal', async ({ page }) => {
    await page.getByRole('button', { name: 'Connect in a modal' }).click()
    await cancel(modalConnector(page))
    await expect(logEntries(page, 'exitAbort')).toHaveCount(1)
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('inline: Sandbox Bank connects inside the container, which stays mounted', async ({
    page,
    demo,
    stats,
  }) => {
    const pageLoads = (await stats()).connectorPageRequests
    await page.getByRole('button', { name: 'Connect inline' }).click()
    await connectSandboxBank(inlineConnector(page))
    // One Connector page for the whole flow: the binding never re-created or moved its iframe
    // (a moved iframe reloads, and a reload mid-flow loses what the user typed).
    expect((await stats()).connectorPageRequests).toBe(pageLoads + 1)

    await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
    expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitSuccess'])
    expectSuccessMetadata(await detailOf(logEntries(page, 'exitSuccess')), demo.connectorId)
    await expect(page.locator('#inline-connector iframe[title="Quiltt Connector"]')).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('reconnect: the connection just created is reconnected with the same connectionId', async ({
    page,
    demo,
  }) => {
    const reconnect = page.getByRole('button', { name: 'Reconnect last connection' })
    await expect(reconnect).toBeDisabled()
    await page.getByRole('button', { name: 'Connect in a modal' }).click()
    await connectSandboxBank(modalConnector(page))
    await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
    const created = expectSuccessMetadata(
      await detailOf(logEntries(page, 'exitSuccess')),
      demo.connectorId,
    )
    await expect(page.locator('#last-connection')).toContainText(created.connectionId)

    await reconnect.click()
    await continueReconnect(modalConnector(page))

    await expect(logEntries(page, 'exitSuccess')).toHaveCount(2)
    const reconnected = expectSuccessMetadata(
      await detailOf(logEntries(page, 'exitSuccess').nth(1)),
      demo.connectorId,
    )
    expect(reconnected.connectionId).toBe(created.connectionId)
    expect(reconnected.profileId).toBe(created.profileId)
  })
}
