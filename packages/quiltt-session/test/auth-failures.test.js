// @ts-check
// Each Auth API failure becomes a typed error; a 429 serves the cached token while it is valid.
import { afterEach, describe, expect, it } from 'vitest'
import { createSessions, memoryStore, SessionError } from '../src/index.js'
import { startAuthStub } from './helpers/auth-stub.js'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {(() => Promise<void>)[]} */
const cleanups = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** @param {Parameters<typeof sandboxAuth>[0]} [options] */
async function sandbox(options) {
  const auth = await sandboxAuth(options)
  cleanups.push(() => auth.close())
  return auth
}

/** @param {import('./helpers/auth-stub.js').Answer} answer */
async function stub(answer) {
  const server = await startAuthStub(answer)
  cleanups.push(() => server.close())
  return server
}

/** @param {Promise<unknown>} promise @returns {Promise<SessionError>} */
const failure = (promise) =>
  promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error) => error,
  )

describe('429 from Quiltt', () => {
  // Two-minute tokens are always inside the one-hour refresh window, so every call asks Quiltt.
  const limited = { tokenTtlSeconds: 120, rateLimit: { perHour: 1, perDay: 20 } }

  it('serves the still-valid cached token, and asks Quiltt no more until Retry-After', async () => {
    let clock = Date.now()
    const now = () => clock
    const auth = await sandbox({ ...limited, now })
    /** @type {string[]} */
    const calls = []
    const sessions = createSessions({
      apiKeySecret: auth.apiKeySecret,
      authUrl: auth.authUrl,
      now,
      store: memoryStore({ now }),
      fetch: (url, init) => {
        calls.push(`${init?.method} ${new URL(String(url)).pathname}`)
        return fetch(url, init)
      },
    })
    const first = await sessions.issue({ email: 'ada@example.com' })
    const second = await sessions.issue({ email: 'ada@example.com' })
    expect(second.token).toBe(first.token)
    expect(calls).toEqual(['POST /v1/users/sessions', 'POST /v1/users/sessions'])
    // Quiltt said when to come back: until then the cached token is served without asking.
    clock += 60_000
    expect((await sessions.issue({ email: 'ada@example.com' })).token).toBe(first.token)
    expect(calls).toHaveLength(2)
  })

  it('throws RATE_LIMITED with retryAfter when no cached token is valid', async () => {
    let clock = Date.now()
    const now = () => clock
    const auth = await sandbox({ ...limited, now })
    const sessions = createSessions({
      apiKeySecret: auth.apiKeySecret,
      authUrl: auth.authUrl,
      now,
      store: memoryStore({ now }),
    })
    const first = await sessions.issue({ email: 'ada@example.com' })
    clock = Date.parse(first.expiresAt) + 1000
    const error = await failure(sessions.issue({ email: 'ada@example.com' }))
    expect(error).toBeInstanceOf(SessionError)
    expect(error.code).toBe('RATE_LIMITED')
    expect(error.status).toBe(429)
    expect(error.retryAfter).toBeGreaterThan(3000)
    expect(error.retryAfter).toBeLessThanOrEqual(3600)
    expect(error.message).toMatch(/10 per hour, 20 per day/)
  })
})

describe('other failures', () => {
  it('401 (a wrong secret) is UNAUTHORIZED', async () => {
    const auth = await sandbox()
    const sessions = createSessions({ apiKeySecret: 'sk_wrong_secret_1234', authUrl: auth.authUrl })
    const error = await failure(sessions.issue({ email: 'ada@example.com' }))
    expect(error.code).toBe('UNAUTHORIZED')
    expect(error.status).toBe(401)
  })

  it('403 is UNAUTHORIZED', async () => {
    const server = await stub({ status: 403, body: '{"message":"forbidden"}' })
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    expect((await failure(sessions.issue({ userId: 'p_1' }))).code).toBe('UNAUTHORIZED')
  })

  it.each([500, 502, 503])('%i is UPSTREAM_FAILED', async (status) => {
    const server = await stub({ status, body: '<html>bad gateway</html>' })
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    const error = await failure(sessions.issue({ userId: 'p_1' }))
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(error.status).toBe(status)
    expect(error.message).not.toContain('bad gateway')
  })

  it('an unreachable Auth API is UPSTREAM_FAILED', async () => {
    const server = await stub({ status: 500 })
    await server.close()
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    const error = await failure(sessions.issue({ userId: 'p_1' }))
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(error.message).toContain('ECONNREFUSED')
  })

  it('an Auth API that never answers is UPSTREAM_FAILED after `timeout`', async () => {
    const server = await stub('hang')
    const sessions = createSessions({
      apiKeySecret: 'sk_some_secret_1234',
      authUrl: server.url,
      timeout: 300,
    })
    const error = await failure(sessions.issue({ userId: 'p_1' }))
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(error.message).toContain('timed out')
  })

  const future = Math.floor(Date.now() / 1000) + 3600
  const jwt = 'eyJhbGciOiJIUzUxMiJ9.eyJleHAiOjF9.c2ln'
  it.each([
    ['not JSON', 'Service Unavailable'],
    ['an array', '[]'],
    ['no token', JSON.stringify({ userId: 'p_1', expiration: future })],
    [
      'a token that is not a JWT',
      JSON.stringify({ token: 'opaque', userId: 'p_1', expiration: future }),
    ],
    ['no userId', JSON.stringify({ token: jwt, expiration: future })],
    ['a hostile userId', JSON.stringify({ token: jwt, userId: 'p_1\r\nx', expiration: future })],
    ['no expiry', JSON.stringify({ token: jwt, userId: 'p_1' })],
    ['an expired token', JSON.stringify({ token: jwt, userId: 'p_1', expiration: 1 })],
  ])('a 201 with %s is UPSTREAM_FAILED', async (_, body) => {
    const server = await stub({ status: 201, body })
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    const error = await failure(sessions.issue({ userId: 'p_1' }))
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(error.message).toMatch(/usable/)
  })

  it('refuses to follow a redirect (the Authorization header stays with authUrl)', async () => {
    const target = await stub({ status: 201, body: '{}' })
    const server = await stub({
      status: 307,
      headers: { location: `${target.url}/v1/users/sessions` },
    })
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    expect((await failure(sessions.issue({ userId: 'p_1' }))).code).toBe('UPSTREAM_FAILED')
    expect(target.requests).toEqual([])
  })

  it('sends the secret only as a Bearer token to authUrl, with the body Quiltt documents', async () => {
    const server = await stub({ status: 503 })
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    await failure(sessions.issue({ userId: 'p_1' }))
    expect(server.requests).toEqual([
      { method: 'POST', url: '/v1/users/sessions', authorization: 'Bearer sk_some_secret_1234' },
    ])
  })
})

describe('options', () => {
  it.each([
    [{}, 'apiKeySecret'],
    [{ apiKeySecret: 'short' }, 'apiKeySecret'],
    [{ apiKeySecret: 'sk_ok_secret', authUrl: 'ftp://x' }, 'authUrl'],
    [{ apiKeySecret: 'sk_ok_secret', authUrl: 'https://u:p@auth.quiltt.io' }, 'authUrl'],
    [{ apiKeySecret: 'sk_ok_secret', refreshWithin: -1 }, 'refreshWithin'],
    [{ apiKeySecret: 'sk_ok_secret', store: {} }, 'store'],
  ])('refuses %j naming %s', (options, name) => {
    expect(() => createSessions(/** @type {any} */ (options))).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringContaining(name) }),
    )
  })

  it('a polluted Object.prototype cannot redirect the secret to another authUrl', async () => {
    const attacker = await stub({ status: 500 })
    const auth = await sandbox()
    const prototype = /** @type {Record<string, unknown>} */ (Object.prototype)
    const sessions = createSessions({ apiKeySecret: auth.apiKeySecret })
    prototype.authUrl = attacker.url
    prototype.fetch = fetch
    try {
      const polluted = createSessions({ apiKeySecret: auth.apiKeySecret })
      // Both talk to the default https://auth.quiltt.io, which this machine cannot reach.
      for (const instance of [sessions, polluted]) {
        const error = await failure(instance.issue({ userId: 'p_1' }))
        expect(error.code).toBe('UPSTREAM_FAILED')
        expect(error.message).toContain('https://auth.quiltt.io')
      }
    } finally {
      delete prototype.authUrl
      delete prototype.fetch
    }
    expect(attacker.requests).toEqual([])
  })
})
