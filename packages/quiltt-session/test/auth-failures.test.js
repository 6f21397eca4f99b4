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
  // Two-minute tokens are refreshed once half their life has gone: from then on, every call
  // asks Quiltt (which allows one token an hour here).
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
      fetch: (input, init) => {
        const request = new Request(input, init)
        calls.push(`${request.method} ${new URL(request.url).pathname}`)
        return fetch(request)
      },
    })
    const first = await sessions.issue({ email: 'ada@example.com' })
    clock += 61_000
    const second = await sessions.issue({ email: 'ada@example.com' })
    expect(second.token).toBe(first.token)
    expect(calls).toEqual(['POST /v1/users/sessions', 'POST /v1/users/sessions'])
    // Quiltt said when to come back: until then the cached token is served without asking.
    clock += 30_000
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
  // Valid but for the one defect each case names.
  const jwt = fakeJwt({ exp: future, iat: future - 3600 })
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

/** A token-shaped JWS with these claims (unsigned: the package does not verify signatures). */
function fakeJwt(/** @type {Record<string, unknown>} */ claims, alg = 'HS512') {
  const part = (/** @type {unknown} */ value) =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg })}.${part(claims)}.c2lnbmF0dXJl`
}

describe('an Auth API answer is believed only as far as it can be checked', () => {
  const nowS = () => Math.floor(Date.now() / 1000)
  /** @param {Record<string, unknown>} body */
  async function issueWith(body, input = { userId: 'p_1' }) {
    const server = await stub({ status: 201, body: JSON.stringify(body) })
    const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
    return { server, sessions, result: sessions.issue(input) }
  }

  it('an expiration in milliseconds cannot keep a token past its own exp', async () => {
    const exp = nowS() + 3600
    const token = fakeJwt({ exp, iat: nowS() })
    const { result } = await issueWith({
      token,
      userId: 'p_1',
      expiration: Date.now() + 86_400_000,
    })
    expect((await result).expiresAt).toBe(new Date(exp * 1000).toISOString())
  })

  it('a far-future expiry is capped at 24 hours, never a RangeError', async () => {
    const token = fakeJwt({ exp: 1e13, iat: nowS() })
    const { result } = await issueWith({ token, userId: 'p_1', expiration: 1e13 })
    const left = Date.parse((await result).expiresAt) - Date.now()
    expect(left).toBeGreaterThan(23.9 * 3600_000)
    expect(left).toBeLessThanOrEqual(24 * 3600_000)
  })

  it.each([
    ['alg none', fakeJwt({ exp: nowS() + 3600 }, 'none')],
    ['no exp', fakeJwt({ iat: nowS() })],
    ['an exp that has passed', fakeJwt({ exp: nowS() - 10 })],
  ])('a token with %s is UPSTREAM_FAILED', async (_, token) => {
    const { result } = await issueWith({ token, userId: 'p_1', expiration: nowS() + 3600 })
    expect((await failure(result)).code).toBe('UPSTREAM_FAILED')
  })

  it('a token for another Profile is UPSTREAM_FAILED, and neither cached nor served', async () => {
    const token = fakeJwt({ exp: nowS() + 3600, iat: nowS() })
    const { server, sessions, result } = await issueWith({
      token,
      userId: 'p_other',
      expiration: nowS() + 3600,
    })
    const error = await failure(result)
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(error.message).not.toContain(token)
    expect(await sessions.get({ userId: 'p_other' })).toBeUndefined()
    expect(await sessions.get({ userId: 'p_1' })).toBeUndefined()
    await failure(sessions.issue({ userId: 'p_1' }))
    expect(server.requests).toHaveLength(2)
  })

  it.each([
    ['999999999', 86_400, 0],
    ['0', 1, 0],
    [new Date(Date.now() - 60_000).toUTCString(), 1, 0],
    // An HTTP date has whole seconds, and the request takes some.
    [new Date(Date.now() + 120_000).toUTCString(), 120, 5],
    ['soon', 60, 0],
  ])(
    'Retry-After %s gives retryAfter %i (between 1 s and a day)',
    async (header, expected, slack) => {
      const server = await stub({ status: 429, headers: { 'retry-after': header } })
      const sessions = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: server.url })
      const error = await failure(sessions.issue({ userId: 'p_1' }))
      expect(error.code).toBe('RATE_LIMITED')
      expect(error.retryAfter).toBeGreaterThanOrEqual(expected - slack)
      expect(error.retryAfter).toBeLessThanOrEqual(expected)
    },
  )
})

describe('options', () => {
  it.each([
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
