// Expired sessions, as the user meets them: the Connector refuses a token the server still
// believes valid, and the SDK refuses a token already past its `exp` in the browser.
import { expect, test } from './fixtures'
import { cancel, inlineConnector, logEntries, modalConnector } from './helpers'

const DAY_MS = 24 * 60 * 60 * 1000
/** How far this worker's sandbox clock runs ahead of real time. */
let sandboxAheadMs = 0

// The sandbox reads this clock when it verifies tokens, so moving it expires every token it has
// issued while the demo server's cache (on real time) still holds them.
test.use({ demoOptions: { sandbox: { now: () => Date.now() + sandboxAheadMs } } })
test.afterEach(() => {
  sandboxAheadMs = 0
})

test('SPA: a cached token Quiltt no longer accepts ends in exitError, not a broken Connector', async ({
  page,
  stats,
}) => {
  await page.goto('/spa.html')
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await cancel(modalConnector(page))
  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)
  const before = await stats()

  sandboxAheadMs = DAY_MS + 60_000
  await page.getByRole('button', { name: 'Connect in a modal' }).click()

  await expect(logEntries(page, 'exitError')).toHaveCount(1)
  expect(await logEntries(page, 'exitSuccess').count()).toBe(0)
  // The modal closes itself after the exit; the demo server served its cached token.
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect((await stats()).sessionsIssued).toBe(before.sessionsIssued)
})

test('plain page: the inline Connector shows “Session expired” and dispatches quiltt:exit-error', async ({
  page,
}) => {
  await page.goto('/spa.html')
  await page.getByRole('button', { name: 'Connect inline' }).click()
  await expect(logEntries(page, 'load')).toHaveCount(1)

  sandboxAheadMs = DAY_MS + 60_000
  await page.goto('/plain.html')
  const connector = inlineConnector(page)
  await expect(connector.getByRole('heading', { name: 'Session expired' })).toBeVisible()
  await expect(connector.getByRole('alert')).toContainText('Your session has expired')
  await expect(
    logEntries(page, 'quiltt:exit-error').and(page.locator('[data-source="inline-connector"]')),
  ).toHaveCount(1)
})

test('SPA: a token already past its exp in the browser is refused with TOKEN_EXPIRED', async ({
  page,
}) => {
  await page.goto('/spa.html')
  await expect(page.getByRole('button', { name: 'Connect in a modal' })).toBeEnabled()
  // The browser's clock says the token the server hands out expired a day ago.
  await page.clock.setSystemTime(Date.now() + DAY_MS + 60_000)
  await page.getByRole('button', { name: 'Connect in a modal' }).click()

  const error = logEntries(page, 'error')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('TOKEN_EXPIRED')
  await expect(page.locator('iframe[title="Quiltt Connector"]')).toHaveCount(0)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
