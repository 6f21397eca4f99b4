// The promise the whole design rests on: the API key secret stays on the server. This test records
// everything the browser sees during full flows on both pages and fails if the secret shows up
// anywhere, verbatim, URL-encoded or base64-encoded (as in a `Basic profileId:secret` header).
import type { BrowserContext } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  appMessages,
  connectOAuthBank,
  connectSandboxBank,
  continueReconnect,
  inlineConnector,
  logEntries,
  modalConnector,
} from './helpers'

interface Seen {
  where: string
  data: string | Buffer
}

/** Base64 of `secret` at each byte alignment, minus the characters its neighbours influence. */
function base64Needles(secret: string): string[] {
  const needles: string[] = []
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.from('\0'.repeat(offset) + secret).toString('base64')
    const start = offset === 0 ? 0 : 4
    const whole = Math.floor((secret.length - (offset === 0 ? 0 : 3 - offset)) / 3)
    const needle = encoded.slice(start, start + whole * 4)
    needles.push(needle, needle.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return needles
}

function secretDetector(secret: string): (data: string | Buffer) => boolean {
  const needles = [...new Set([secret, encodeURIComponent(secret), ...base64Needles(secret)])]
  return (data) => needles.some((needle) => data.includes(needle))
}

/** Records every request and response in the context, including iframes and popups. */
function recordTraffic(context: BrowserContext) {
  const seen: Seen[] = []
  const pending = new Set<Promise<void>>()
  const track = (work: () => Promise<void>) => {
    const promise = work().finally(() => pending.delete(promise))
    pending.add(promise)
  }
  context.on('request', (request) =>
    track(async () => {
      const where = `${request.method()} ${request.url()}`
      seen.push({ where: `request URL: ${where}`, data: request.url() })
      // A popup that closes itself (the OAuth callback) can no longer give its raw headers.
      const headers = await request.allHeaders().catch(() => request.headers())
      seen.push({ where: `request headers: ${where}`, data: JSON.stringify(headers) })
      const body = request.postDataBuffer()
      if (body) seen.push({ where: `request body: ${where}`, data: body })
    }),
  )
  context.on('response', (response) =>
    track(async () => {
      const where = `${response.status()} ${response.url()}`
      const headers = await response.allHeaders().catch(() => response.headers())
      seen.push({ where: `response headers: ${where}`, data: JSON.stringify(headers) })
      // Redirects, aborted loads and pages already closed have no body to read.
      const body = await response.body().catch(() => undefined)
      if (body) seen.push({ where: `response body: ${where}`, data: body })
    }),
  )
  context.on('console', (message) => seen.push({ where: 'console', data: message.text() }))
  return {
    seen,
    /** Waits for every body read, then adds the final DOM of every frame and the storage state. */
    async finish() {
      while (pending.size > 0) await Promise.all(pending)
      for (const page of context.pages()) {
        for (const frame of page.frames()) {
          const content = await frame.content().catch(() => '')
          seen.push({ where: `DOM of ${frame.url()}`, data: content })
        }
      }
      seen.push({
        where: 'cookies and storage',
        data: JSON.stringify(await context.storageState()),
      })
      return seen
    },
  }
}

test('the detector finds the secret verbatim, URL-encoded and inside Basic credentials', ({
  sandbox,
}) => {
  const contains = secretDetector(sandbox.apiKeySecret)
  const secret = sandbox.apiKeySecret
  expect(contains(`x${secret}y`)).toBe(true)
  expect(contains(encodeURIComponent(secret))).toBe(true)
  for (const profileId of ['p', 'p_', 'p_1', 'p_12']) {
    expect(contains(`Basic ${btoa(`${profileId}:${secret}`)}`)).toBe(true)
  }
  expect(contains('eyJhbGciOiJIUzUxMiJ9.e30.c2ln')).toBe(false)
})

test('the API secret appears in no request, response, DOM or storage of full flows', async ({
  page,
  context,
  demo,
  sandbox,
  signedInAs,
}) => {
  // Three Connector flows on two pages.
  test.slow()
  const traffic = recordTraffic(context)

  await page.goto('/spa.html')
  await page.getByRole('button', { name: 'Connect in a modal' }).click()
  await connectSandboxBank(modalConnector(page))
  await expect(logEntries(page, 'exitSuccess')).toHaveCount(1)
  await page.getByRole('button', { name: 'Reconnect last connection' }).click()
  await continueReconnect(modalConnector(page))
  await expect(logEntries(page, 'exitSuccess')).toHaveCount(2)
  await page.getByRole('button', { name: 'Connect with script transport' }).click()
  await connectOAuthBank(page, modalConnector(page))
  await expect(logEntries(page, 'exitSuccess')).toHaveCount(3)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(appMessages(page).getByRole('status')).toHaveText(/Signed out/)
  // Signing back in goes through the home page's form, so the recorder sees that too.
  await page.goto('/')
  await page.getByLabel('Name').fill(signedInAs ?? 'Ada')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('#signed-in-name')).toHaveText(signedInAs ?? 'Ada')

  await page.goto('/plain.html')
  await connectSandboxBank(inlineConnector(page))
  await expect(logEntries(page, 'quiltt:exit-success')).toHaveCount(1)
  const config = await page.request.get('/api/config')
  expect(await config.json()).toMatchObject({ connectorId: demo.connectorId })

  const seen = await traffic.finish()
  // The recorder saw what it should: the session token the server handed out, and the Connector.
  const tokenBody = seen.find(
    (entry) =>
      entry.where.startsWith('response body: 200') && entry.where.endsWith('/api/quiltt/session'),
  )
  expect(tokenBody?.data.includes('"token":"')).toBe(true)
  expect(seen.some((entry) => entry.where.includes('.localhost:'))).toBe(true)

  const contains = secretDetector(sandbox.apiKeySecret)
  const leaks = seen.filter((entry) => contains(entry.data)).map((entry) => entry.where)
  expect(leaks).toEqual([])
})
