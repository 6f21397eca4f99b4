// preload() in the demo: the SPA's "preload on hover" button and the plain page's
// data-quiltt-preload="hover" button. Hovering loads the Connector page once, hidden; the click
// shows that same page (no second request) and the flow completes as usual.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { connectSandboxBank, logEntries, loggedEvents, modalConnector } from './helpers'

/** The hidden Connector's own page, once it has rendered (it is invisible to the user). */
const hiddenConnectorReady = (page: Page) =>
  expect(
    page
      .frameLocator('[role="dialog"][aria-hidden="true"] iframe[title="Quiltt Connector"]')
      .getByText('Select your institution'),
  ).toBeAttached()

test('SPA: hover prepares the Connector hidden; the click shows it with no new page load', async ({
  page,
  stats,
}) => {
  await page.goto('/spa.html')
  const button = page.getByRole('button', { name: 'Connect (preloaded on hover)' })
  await expect(button).toBeEnabled()
  const before = (await stats()).connectorPageRequests

  await button.hover()
  await expect(page.getByText('Prepared: the next click shows it at once.')).toBeVisible()
  expect((await stats()).connectorPageRequests).toBe(before + 1)
  // Prepared, not shown: no dialog for the user, nothing in the event log yet.
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await loggedEvents(page)).toEqual([])

  await button.click()
  await expect(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
  await expect(page.getByText(/^Shown \d+ ms after the click \(preloaded\)\.$/)).toBeVisible()
  expect(await loggedEvents(page)).toEqual(['open', 'load'])
  expect((await stats()).connectorPageRequests).toBe(before + 1)

  await connectSandboxBank(modalConnector(page))
  await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('plain page: data-quiltt-preload="hover" prepares on hover; the click shows it at once', async ({
  page,
  stats,
}) => {
  await page.goto('/plain.html')
  const fromButton = (event: string) =>
    logEntries(page, event).and(page.locator('[data-source="connect-modal"]'))
  // The inline container's own Connector loads first.
  await expect(
    logEntries(page, 'quiltt:load').and(page.locator('[data-source="inline-connector"]')),
  ).toHaveCount(1)
  const before = (await stats()).connectorPageRequests

  await page.getByRole('button', { name: 'Connect a bank account' }).hover()
  await expect.poll(async () => (await stats()).connectorPageRequests).toBe(before + 1)
  await hiddenConnectorReady(page)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(fromButton('quiltt:open')).toHaveCount(0)

  await page.getByRole('button', { name: 'Connect a bank account' }).click()
  await expect(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
  await expect(fromButton('quiltt:open')).toHaveCount(1)
  await expect(fromButton('quiltt:load')).toHaveCount(1)
  expect((await stats()).connectorPageRequests).toBe(before + 1)

  await connectSandboxBank(modalConnector(page))
  await expect(fromButton('quiltt:exit-success')).toHaveCount(1)
})
