// The plain HTML page: quiltt-embed.min.js by script tag and data-quiltt-* attributes only; the
// log comes from the bubbling quiltt:* DOM events.
import { expect, test } from './fixtures'
import {
  cancel,
  connectOAuthBank,
  connectSandboxBank,
  continueReconnect,
  detailOf,
  expectSuccessMetadata,
  failWithFailingBank,
  inlineConnector,
  logEntries,
  modalConnector,
} from './helpers'

/** Log entries of one DOM event from one bound element. */
const entriesFrom = (page: import('@playwright/test').Page, event: string, source: string) =>
  logEntries(page, event).and(page.locator(`[data-source="${source}"]`))

test.beforeEach(async ({ page }) => {
  await page.goto('/plain.html')
  // autoBind mounts the inline Connector as soon as the page is ready.
  await expect(entriesFrom(page, 'quiltt:load', 'inline-connector')).toHaveCount(1)
})

test('script tag: QuilttEmbed is global and the inline container is bound and loaded', async ({
  page,
  demo,
}) => {
  const globalApi = await page.evaluate(() => {
    const api = (window as unknown as { QuilttEmbed?: Record<string, unknown> }).QuilttEmbed
    return api ? Object.keys(api).sort() : []
  })
  expect(globalApi).toEqual([
    'ConnectorError',
    'autoBind',
    'createConnector',
    'scriptTransport',
    'version',
  ])
  const load = await detailOf(entriesFrom(page, 'quiltt:load', 'inline-connector'))
  expect(load).toMatchObject({ metadata: { connectorId: demo.connectorId } })
  await expect(
    inlineConnector(page).getByRole('heading', { name: 'Select your institution' }),
  ).toBeVisible()
})

test('button: Sandbox Bank connects in the modal; quiltt:exit-success carries the metadata', async ({
  page,
  demo,
}) => {
  await page.getByRole('button', { name: 'Connect a bank account' }).click()
  await connectSandboxBank(modalConnector(page))

  const success = entriesFrom(page, 'quiltt:exit-success', 'connect-modal')
  await expect(success).toHaveCount(1)
  await expect(entriesFrom(page, 'quiltt:open', 'connect-modal')).toHaveCount(1)
  await expect(entriesFrom(page, 'quiltt:load', 'connect-modal')).toHaveCount(1)
  const exit = entriesFrom(page, 'quiltt:exit', 'connect-modal')
  await expect(exit).toHaveCount(1)
  expect((await detailOf(exit)).type).toBe('exited.successful')
  expectSuccessMetadata((await detailOf(success)).metadata, demo.connectorId)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('inline: Sandbox Bank connects inside the bound container', async ({ page, demo }) => {
  await connectSandboxBank(inlineConnector(page))

  const success = entriesFrom(page, 'quiltt:exit-success', 'inline-connector')
  await expect(success).toHaveCount(1)
  expectSuccessMetadata((await detailOf(success)).metadata, demo.connectorId)
})

test('cancel: leaving the modal Connector dispatches quiltt:exit-abort', async ({ page }) => {
  await page.getByRole('button', { name: 'Connect a bank account' }).click()
  await cancel(modalConnector(page))

  await expect(entriesFrom(page, 'quiltt:exit-abort', 'connect-modal')).toHaveCount(1)
  const exit = entriesFrom(page, 'quiltt:exit', 'connect-modal')
  await expect(exit).toHaveCount(1)
  expect((await detailOf(exit)).type).toBe('exited.aborted')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('failing bank: quiltt:exit-error after the sandbox refuses the login', async ({ page }) => {
  await page.getByRole('button', { name: 'Connect a bank account' }).click()
  await failWithFailingBank(modalConnector(page))

  await expect(entriesFrom(page, 'quiltt:exit-error', 'connect-modal')).toHaveCount(1)
  const exit = entriesFrom(page, 'quiltt:exit', 'connect-modal')
  await expect(exit).toHaveCount(1)
  expect((await detailOf(exit)).type).toBe('exited.errored')
})

test('OAuth bank: the popup flow completes inside the inline Connector', async ({ page, demo }) => {
  await connectOAuthBank(page, inlineConnector(page))

  const success = entriesFrom(page, 'quiltt:exit-success', 'inline-connector')
  await expect(success).toHaveCount(1)
  expectSuccessMetadata((await detailOf(success)).metadata, demo.connectorId)
})

test('reconnect: the page rendered for a connection reconnects it (same connectionId)', async ({
  page,
  demo,
}) => {
  await page.getByRole('button', { name: 'Connect a bank account' }).click()
  await connectSandboxBank(modalConnector(page))
  const created = expectSuccessMetadata(
    (await detailOf(entriesFrom(page, 'quiltt:exit-success', 'connect-modal'))).metadata,
    demo.connectorId,
  )

  await page.getByRole('link', { name: `Reconnect connection ${created.connectionId}` }).click()
  await expect(page).toHaveURL(/\/plain\.html\?connection=/)
  await page.getByRole('button', { name: 'Reconnect this connection' }).click()
  const connector = modalConnector(page)
  await continueReconnect(connector)

  const success = entriesFrom(page, 'quiltt:exit-success', 'reconnect')
  await expect(success).toHaveCount(1)
  const reconnected = expectSuccessMetadata((await detailOf(success)).metadata, demo.connectorId)
  expect(reconnected.connectionId).toBe(created.connectionId)
  expect(reconnected.profileId).toBe(created.profileId)
})

test('script transport: a data-quiltt-transport="script" button connects through connector.js', async ({
  page,
  demo,
  stats,
}) => {
  const before = await stats()
  await page.getByRole('button', { name: 'Connect with script transport' }).click()
  await connectSandboxBank(modalConnector(page))

  const success = entriesFrom(page, 'quiltt:exit-success', 'connect-script')
  await expect(success).toHaveCount(1)
  expectSuccessMetadata((await detailOf(success)).metadata, demo.connectorId)
  expect((await stats()).scriptRequests - before.scriptRequests).toBe(1)
})
