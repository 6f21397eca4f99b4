// Quiltt allows 10 session tokens per Profile per hour. Here the sandbox allows one, and its
// tokens live 2 minutes: past half that life quiltt-session asks Quiltt again, and Quiltt answers
// 429. While the cached token is still valid the demo serves it and the user notices nothing;
// once it has expired the page must show a clear rate-limit message instead of a broken
// Connector. The demo's clock is moved ahead to reach each stage.
import { expect, test } from './fixtures'
import { appMessages, cancel, logEntries, modalConnector } from './helpers'

/** How far this worker's demo clock (its session cache) runs ahead of real time. */
let demoAheadMs = 0
const PAST_HALF_LIFE_MS = 61_000
const PAST_EXPIRY_MS = 121_000

test.use({
  demoOptions: {
    sandbox: { tokenTtlSeconds: 120, rateLimit: { perHour: 1, perDay: 20 } },
    now: () => Date.now() + demoAheadMs,
  },
})
test.afterEach(() => {
  demoAheadMs = 0
})

test('SPA: a 429 with a valid cached token opens the Connector; without one, a clear message', async ({
  page,
  stats,
}) => {
  const before = await stats()
  await page.goto('/spa.html')
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await cancel(modalConnector(page))
  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)

  // Quiltt refuses a second token; the demo answers with the cached one.
  demoAheadMs = PAST_HALF_LIFE_MS
  const cached = page.waitForResponse((response) => response.url().endsWith('/api/quiltt/session'))
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  expect((await cached).status()).toBe(200)
  await cancel(modalConnector(page))
  await expect(logEntries(page, 'exitAbort')).toHaveCount(2)
  expect((await stats()).sessionsIssued - before.sessionsIssued).toBe(1)

  demoAheadMs = PAST_EXPIRY_MS
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/quiltt/session'))
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  const response = await answer
  expect(response.status()).toBe(429)
  expect(response.headers()['retry-after']).toMatch(/^\d+$/)
  expect(await response.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) })

  await expect(appMessages(page).getByRole('alert')).toContainText(
    'the token URL answered 429 (RATE_LIMITED)',
  )
  const error = logEntries(page, 'error')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('TOKEN_PROVIDER_FAILED')
  await expect(page.locator('iframe[title="Quiltt Connector"]')).toHaveCount(0)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('plain page: a reload under the limit still mounts; past expiry it reports quiltt:error', async ({
  page,
}) => {
  await page.goto('/plain.html')
  await expect(logEntries(page, 'quiltt:load')).toHaveCount(1)

  await page.reload()
  await expect(logEntries(page, 'quiltt:load')).toHaveCount(1)

  demoAheadMs = PAST_EXPIRY_MS
  await page.reload()
  const error = logEntries(page, 'quiltt:error')
  await expect(error).toHaveCount(1)
  await expect(error).toContainText('TOKEN_PROVIDER_FAILED')
  await expect(error).toContainText('429')
  await expect(page.locator('iframe[title="Quiltt Connector"]')).toHaveCount(0)
})
