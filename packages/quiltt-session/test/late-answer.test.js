// @ts-check
// Attack on the rate limit and the one-token-per-user rule: the Auth API answers the first
// request after `timeout` (it did mint a token), the caller has already failed, and the next
// request must not mint a second token for the same user while that answer is on its way.
import { once } from 'node:events'
import { createServer } from 'node:http'
import { afterEach, expect, it } from 'vitest'
import { createSessions } from '../src/index.js'

const TIMEOUT = 500

/** A compact JWS as Quiltt's (unsigned: the package does not check signatures). */
function fakeToken(/** @type {string} */ jti) {
  const part = (/** @type {object} */ value) =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  return `${part({ alg: 'HS512' })}.${part({ exp: now + 3600, iat: now, jti })}.c2ln`
}

/** @type {(() => Promise<void>)[]} */
const cleanups = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/**
 * An Auth API that holds its first answer until `release()` (the token is minted when asked);
 * later requests are answered at once.
 */
async function slowAuthApi() {
  /** @type {string[]} */
  const minted = []
  /** @type {(() => void) | undefined} */
  let releaseFirst
  const server = createServer((req, res) => {
    req.resume()
    const token = fakeToken(`t${minted.length + 1}`)
    minted.push(token)
    const answer = () => {
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          token,
          userId: 'p_slow',
          expiration: Math.floor(Date.now() / 1000) + 3600,
        }),
      )
    }
    if (minted.length === 1) releaseFirst = answer
    else answer()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    minted,
    release: () => releaseFirst?.(),
  }
}

it('an answer arriving after `timeout` is kept: the next request gets that token, not a second one', async () => {
  const auth = await slowAuthApi()
  const sessions = createSessions({
    apiKeySecret: 'sk_test_secret_1234',
    authUrl: auth.url,
    timeout: TIMEOUT,
  })
  const first = await sessions.issue({ userId: 'p_slow' }).catch((error) => error)
  expect(first.code).toBe('UPSTREAM_FAILED')
  expect(first.message).toContain('timed out')
  // The user retries at once; then Quiltt's first answer arrives, late.
  const retry = sessions.issue({ userId: 'p_slow' })
  auth.release()
  const second = await retry
  expect(auth.minted).toHaveLength(1)
  expect(second.token).toBe(auth.minted[0])
  expect((await sessions.issue({ userId: 'p_slow' })).token).toBe(auth.minted[0])
})

it('an answer that never comes frees the user after twice `timeout`', async () => {
  const auth = await slowAuthApi()
  const sessions = createSessions({
    apiKeySecret: 'sk_test_secret_1234',
    authUrl: auth.url,
    timeout: TIMEOUT,
  })
  const started = performance.now()
  expect((await sessions.issue({ userId: 'p_slow' }).catch((error) => error)).code).toBe(
    'UPSTREAM_FAILED',
  )
  const second = await sessions.issue({ userId: 'p_slow' })
  expect(performance.now() - started).toBeGreaterThanOrEqual(2 * TIMEOUT - 50)
  expect(auth.minted).toHaveLength(2)
  expect(second.token).toBe(auth.minted[1])
})
