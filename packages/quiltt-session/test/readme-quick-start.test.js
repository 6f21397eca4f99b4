// @ts-check
// The README's quick start (test/readme/quick-start.js) run as written against the sandbox's Auth
// API, configured from the environment at import as an app is: it creates a Profile, gets the same
// token again from the cache, revokes it, and its POST handler answers the signed-in user.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
/** @type {typeof import('./readme/quick-start.js')} */
let sample
let issuedByImport = 0
beforeAll(async () => {
  auth = await sandboxAuth()
  process.env.QUILTT_API_KEY_SECRET = auth.apiKeySecret
  process.env.QUILTT_AUTH_URL = auth.authUrl
  sample = await import('./readme/quick-start.js')
  issuedByImport = (await auth.stats()).sessionsIssued
})
afterAll(async () => {
  delete process.env.QUILTT_API_KEY_SECRET
  delete process.env.QUILTT_AUTH_URL
  await auth?.close()
})

it('creates a Profile, reuses its cached token, then revokes it', async () => {
  const { token, expiresAt, userId, cached } = sample.seen
  expect(userId).toMatch(/^p_/)
  expect(cached.token).toBe(token)
  expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
  expect(issuedByImport).toBe(1)
  expect(await auth.check(token)).toBe(401)
})

it('its POST handler answers the signed-in user with a token Quiltt accepts', async () => {
  const site = 'http://app.localhost:3000'
  const response = await sample.POST(
    new Request(`${site}/api/quiltt/session`, {
      method: 'POST',
      headers: {
        origin: site,
        host: 'app.localhost:3000',
        cookie: `test-profile=${sample.seen.userId}`,
      },
    }),
  )
  expect(response.status).toBe(200)
  const { token } = await response.json()
  expect(await auth.check(token)).toBe(200)
})
