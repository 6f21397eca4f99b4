// Quiltt allows 10 session tokens per Profile per hour. Here the sandbox allows one, and its
// tokens live 2 minutes, inside the demo's 5-minute refresh window: so the demo server asks for a
// new token on every call, and the second ask is refused with 429. The page must say so instead
// of showing a broken Connector.
import { expect, test } from './fixtures'
import { appMessages, cancel, logEntries, modalConnector } from './helpers'

test.use({
  demoOptions: { sandbox: { tokenTtlSeconds: 120, rateLimit: { perHour: 1, perDay: 20 } } },
})

test('SPA: a 429 from the Auth API is shown as a clear rate-limit message', async ({ page }) => {
  await page.goto('/spa.html')
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await cancel(modalConnector(page))
  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)

  const answer = page.waitForResponse((response) => response.url().endsWith('/api/quiltt/session'))
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  const response = await answer
  expect(response.status()).toBe(429)
  expect(await response.json()).toEqual({ error: 'rate_limited', message: expect.any(String) })

  await expect(appMessages(page).getByRole('alert')).toContainText('rate limit')
  const error = logEntries(page, 'error')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('TOKEN_PROVIDER_FAILED')
  await expect(page.locator('iframe[title="Quiltt Connector"]')).toHaveCount(0)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('plain page: the inline Connector reports quiltt:error instead of mounting', async ({
  page,
}) => {
  await page.goto('/plain.html')
  await expect(logEntries(page, 'quiltt:load')).toHaveCount(1)

  await page.reload()
  const error = logEntries(page, 'quiltt:error')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('TOKEN_PROVIDER_FAILED')
  await expect(error).toContainText('429')
  await expect(page.locator('iframe[title="Quiltt Connector"]')).toHaveCount(0)
})
