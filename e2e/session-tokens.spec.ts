// The demo server's token handling (issues 7 and 15): one Auth API call per user while the cached
// token is fresh; sign-out revokes it at Quiltt and signs the browser out; signing in again with
// the same name gets a new token for the same Profile.
import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'
import { appMessages, cancel, detailOf, logEntries, modalConnector } from './helpers'

/** Collects every session token the page receives from the demo's token endpoint. */
function recordTokens(page: Page): string[] {
  const tokens: string[] = []
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/api/quiltt/session' || !response.ok()) return
    const body = (await response.json()) as { token: string }
    tokens.push(body.token)
  })
  return tokens
}

test('caching: reloads and reopenings on both pages cost one Auth API call', async ({
  page,
  stats,
}) => {
  const tokens = recordTokens(page)
  const before = await stats()

  await page.goto('/spa.html')
  for (let round = 1; round <= 3; round += 1) {
    if (round > 1) await page.reload()
    await page.getByRole('button', { name: 'Connect inline' }).click()
    await expect(logEntries(page, 'load')).toHaveCount(1)
  }
  for (let round = 1; round <= 2; round += 1) {
    await page.goto('/plain.html')
    await expect(logEntries(page, 'quiltt:load')).toHaveCount(1)
  }

  await expect.poll(() => tokens.length).toBe(5)
  expect(new Set(tokens).size).toBe(1)
  expect((await stats()).sessionsIssued - before.sessionsIssued).toBe(1)
})

test('sign-out: the token is revoked and the browser signed out; signing in again finds the Profile', async ({
  page,
  sandbox,
  stats,
  signedInAs,
}) => {
  const tokens = recordTokens(page)
  await page.goto('/spa.html')
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await cancel(modalConnector(page))
  await expect(logEntries(page, 'exitAbort')).toHaveCount(1)
  const { profileId } = await detailOf(logEntries(page, 'load'))
  await expect.poll(() => tokens.length).toBe(1)
  const before = await stats()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(appMessages(page).getByRole('status')).toHaveText(
    /Signed out: the session token was revoked/,
  )
  expect((await stats()).sessionsRevoked - before.sessionsRevoked).toBe(1)
  const revoked = await fetch(`${sandbox.authUrl}/v1/users/session`, {
    headers: { authorization: `Bearer ${tokens[0]}` },
  })
  expect(revoked.status).toBe(401)

  // Signed out: the token endpoint refuses the browser, and the page says why.
  const refused = page.waitForResponse((response) => response.url().endsWith('/api/quiltt/session'))
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  expect((await refused).status()).toBe(401)
  await expect(appMessages(page).getByRole('alert')).toContainText(
    'the token URL answered 401 (UNAUTHENTICATED)',
  )
  await expect(logEntries(page, 'load')).toHaveCount(1)

  await signIn(page, signedInAs ?? '')
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await expect(logEntries(page, 'load')).toHaveCount(2)
  await expect.poll(() => tokens.length).toBe(2)
  expect(tokens[1]).not.toBe(tokens[0])
  expect((await stats()).sessionsIssued - before.sessionsIssued).toBe(1)
  // Same name, same Profile: signing in again keeps the user's Connections.
  expect(await detailOf(logEntries(page, 'load').nth(1))).toMatchObject({ profileId })
})
