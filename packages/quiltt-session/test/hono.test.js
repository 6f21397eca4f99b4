// @ts-check
// The README's Hono endpoint (test/hono/app.js), run as written with real Hono against the
// sandbox's Auth API: configured from the environment at import, like an app.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sandboxAuth } from './helpers/sandbox.js'

const SITE = 'https://app.example.com'
/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
/** @type {import('hono').Hono} */
let app
beforeAll(async () => {
  auth = await sandboxAuth()
  process.env.QUILTT_API_KEY_SECRET = auth.apiKeySecret
  process.env.QUILTT_AUTH_URL = auth.authUrl
  process.env.PUBLIC_ORIGIN = SITE
  ;({ app } = await import('./hono/app.js'))
})
afterAll(async () => {
  for (const name of ['QUILTT_API_KEY_SECRET', 'QUILTT_AUTH_URL', 'PUBLIC_ORIGIN']) {
    delete process.env[name]
  }
  await auth?.close()
})

/** @param {Record<string, string>} headers */
const post = (headers) => app.request('/api/quiltt/session', { method: 'POST', headers })

it('answers a signed-in user from the app’s origin with a token Quiltt accepts', async () => {
  const userId = await auth.createProfile()
  const response = await post({ origin: SITE, host: '0.0.0.0:8787', cookie: `test-user=${userId}` })
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  const { token, expiresAt } = await response.json()
  expect(await auth.check(token)).toBe(200)
  expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
})

it('answers 401 when signed out, 403 to another origin (DNS rebinding too), 404 to GET', async () => {
  const issuedBefore = (await auth.stats()).sessionsIssued
  expect((await post({ origin: SITE })).status).toBe(401)
  const rebinding = {
    origin: 'http://rebind.attacker.example:8787',
    host: 'rebind.attacker.example:8787',
  }
  const refused = await post({ ...rebinding, cookie: 'test-user=p_1' })
  expect(refused.status).toBe(403)
  expect((await refused.json()).code).toBe('CROSS_SITE_REFUSED')
  // Hono routes only POST here; other methods never reach the handler.
  expect((await app.request('/api/quiltt/session')).status).toBe(404)
  expect((await auth.stats()).sessionsIssued).toBe(issuedBefore)
})
