// The SPA (ESM import) driven through the sandbox Connector's real UI.
import { expect, test } from './fixtures'
import {
  cancel,
  chooseBank,
  clickToExit,
  connectOAuthBank,
  connectSandboxBank,
  continueReconnect,
  detailOf,
  expectSuccessMetadata,
  failWithFailingBank,
  inlineConnector,
  logEntries,
  loggedEvents,
  modalConnector,
} from './helpers'

test.beforeEach(async ({ page }) => {
  await page.goto('/spa.html')
  await expect(page.getByRole('button', { name: 'Connect in a modal' })).toBeEnabled()
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
  expect(await detailOf(logEntries(page, 'load'))).toMatchObject({ connectorId: demo.connectorId })
  // The modal closes itself after an exit.
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('inline: Sandbox Bank connects inside the container, which stays mounted', async ({
  page,
  demo,
}) => {
  await page.getByRole('button', { name: 'Connect inline' }).click()
  await connectSandboxBank(inlineConnector(page))

  await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitSuccess'])
  expectSuccessMetadata(await detailOf(logEntries(page, 'exitSuccess')), demo.connectorId)
  await expect(page.locator('#inline-connector iframe[title="Quiltt Connector"]')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('cancel: leaving the Connector logs exitAbort and closes the modal', async ({
  page,
  demo,
}) => {
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await cancel(modalConnector(page))

  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitAbort'])
  expect(await detailOf(logEntries(page, 'exitAbort'))).toMatchObject({
    connectorId: demo.connectorId,
  })
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('failing bank: the sandbox refuses the login and the log shows exitError', async ({
  page,
  demo,
}) => {
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await failWithFailingBank(modalConnector(page))

  await expect(logEntries(page, 'exitError')).toHaveCount(1)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitError'])
  const metadata = await detailOf(logEntries(page, 'exitError'))
  expect(metadata).toMatchObject({ connectorId: demo.connectorId })
  expect(metadata.connectionId).toBeUndefined()
})

test('OAuth bank: the Connector opens the bank popup; authorizing completes the flow', async ({
  page,
  demo,
}) => {
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await connectOAuthBank(page, modalConnector(page))

  await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
  expectSuccessMetadata(await detailOf(logEntries(page, 'exitSuccess')), demo.connectorId)
})

test('OAuth bank: closing the popup lets the user cancel, which logs exitAbort', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  const connector = modalConnector(page)
  await chooseBank(connector, 'OAuth Bank')
  const popupOpened = page.waitForEvent('popup')
  await connector.getByRole('button', { name: 'Continue to OAuth Bank' }).click()
  await (await popupOpened).close()

  await expect(
    connector.getByRole('heading', { name: 'Authorization was cancelled' }),
  ).toBeVisible()
  await clickToExit(connector, 'Cancel')
  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitAbort'])
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
  const connector = modalConnector(page)
  await continueReconnect(connector)

  await expect(logEntries(page, 'exitSuccess')).toHaveCount(2)
  const reconnected = expectSuccessMetadata(
    await detailOf(logEntries(page, 'exitSuccess').nth(1)),
    demo.connectorId,
  )
  expect(reconnected.connectionId).toBe(created.connectionId)
  expect(reconnected.profileId).toBe(created.profileId)
})

test('script transport: connector.js from the CDN drives the same flow to exitSuccess', async ({
  page,
  demo,
  stats,
}) => {
  const before = await stats()
  await page.getByRole('button', { name: 'Connect with script transport' }).click()
  await connectSandboxBank(modalConnector(page))

  await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
  expect(await loggedEvents(page)).toEqual(['open', 'load', 'exitSuccess'])
  expectSuccessMetadata(await detailOf(logEntries(page, 'exitSuccess')), demo.connectorId)
  expect((await stats()).scriptRequests - before.scriptRequests).toBe(1)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
