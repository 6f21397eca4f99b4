// @ts-check
// The HTTP endpoint, as a Fetch handler and through nodeHandler on a real Node server.
import { once } from 'node:events'
import { createServer } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSessions } from '../src/index.js'
import { startAuthStub } from './helpers/auth-stub.js'
import { sandboxAuth } from './helpers/sandbox.js'

const SITE = 'https://app.example'
/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
/** @type {ReturnType<typeof createSessions>} */
let sessions
beforeEach(async () => {
  auth = await sandboxAuth({ tokenTtlSeconds: 120, rateLimit: { perHour: 1, perDay: 20 } })
  sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl })
})
afterEach(() => auth.close())

/** @param {Record<string, string>} [headers] @param {string} [method] */
const post = (headers = { origin: SITE }, method = 'POST') =>
  new Request(`${SITE}/api/quiltt/session`, {
    method,
    // What a browser sends: the Host it used (fetch() in Node does not add one to a Request).
    headers: { host: 'app.example', ...headers },
  })

/** Signed in as `ada` when the request carries `cookie: user=ada`. */
const user = (/** @type {Request} */ request) =>
  request.headers.get('cookie') === 'user=ada' ? { email: 'ada@example.com' } : undefined

describe('handler', () => {
  it('answers POST with { token, expiresAt } and Cache-Control: no-store', async () => {
    const handle = sessions.handler({ user })
    const response = await handle(post({ origin: SITE, cookie: 'user=ada' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = await response.json()
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token'])
    expect(await auth.check(body.token)).toBe(200)
  })

  it.each(['GET', 'PUT', 'DELETE', 'OPTIONS'])(
    'answers %s with 405 and Allow: POST',
    async (method) => {
      const response = await sessions.handler({ user })(post({ origin: SITE }, method))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
      expect(await response.json()).toEqual({
        code: 'METHOD_NOT_ALLOWED',
        message: expect.any(String),
      })
    },
  )

  it('answers 401 when user() finds no user, without calling Quiltt', async () => {
    const response = await sessions.handler({ user })(post())
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) })
    expect((await auth.stats()).sessionsIssued).toBe(0)
  })

  it.each([
    ['another origin', { origin: 'https://attacker.example' }],
    ['no Origin', {}],
    ['Sec-Fetch-Site: cross-site', { origin: SITE, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { origin: SITE, 'sec-fetch-site': 'same-site' }],
    ['a malformed Origin', { origin: 'null' }],
  ])('refuses %s with 403, without calling Quiltt', async (_, headers) => {
    const response = await sessions.handler({ user })(post({ ...headers, cookie: 'user=ada' }))
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      code: 'CROSS_SITE_REFUSED',
      message: expect.any(String),
    })
    expect((await auth.stats()).sessionsIssued).toBe(0)
  })

  it('accepts an origin listed in allowOrigins, whatever the Host says', async () => {
    const handle = sessions.handler({ user, allowOrigins: ['https://app.example.com'] })
    const headers = {
      origin: 'https://app.example.com',
      host: '0.0.0.0:3000',
      'sec-fetch-site': 'same-origin',
      cookie: 'user=ada',
    }
    expect((await handle(post(headers))).status).toBe(200)
  })

  it('answers a 429 without a valid cached token with 429 and Retry-After', async () => {
    let clock = Date.now()
    const now = () => clock
    await auth.close()
    auth = await sandboxAuth({ tokenTtlSeconds: 120, rateLimit: { perHour: 1, perDay: 20 }, now })
    sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl, now })
    const handle = sessions.handler({ user })
    const signedIn = { origin: SITE, cookie: 'user=ada' }
    const first = await (await handle(post(signedIn))).json()
    // Past half its life Quiltt is asked again: 429 while the cached token is valid gives it.
    clock += 61_000
    expect((await (await handle(post(signedIn))).json()).token).toBe(first.token)
    clock = Date.parse(first.expiresAt) + 1
    const limited = await handle(post(signedIn))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) })
  })

  it('maps upstream failures to 502 JSON and unexpected errors to 500, reporting both', async () => {
    const failing = await startAuthStub({ status: 503 })
    try {
      /** @type {unknown[]} */
      const reported = []
      const broken = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: failing.url })
      const upstream = await broken.handler({ user, onError: (error) => reported.push(error) })(
        post({ origin: SITE, cookie: 'user=ada' }),
      )
      expect(upstream.status).toBe(502)
      expect(await upstream.json()).toEqual({
        code: 'UPSTREAM_FAILED',
        message: expect.any(String),
      })
      const crash = await sessions.handler({
        user: () => {
          throw new Error('database down: postgres://app:hunter2@db')
        },
        onError: (error) => reported.push(error),
      })(post())
      expect(crash.status).toBe(500)
      const body = await crash.text()
      expect(body).not.toContain('hunter2')
      expect(JSON.parse(body)).toEqual({ code: 'INTERNAL_ERROR', message: expect.any(String) })
      expect(reported).toHaveLength(2)
    } finally {
      await failing.close()
    }
  })

  it('answers even when onError throws', async () => {
    const failing = await startAuthStub({ status: 503 })
    try {
      const broken = createSessions({ apiKeySecret: 'sk_some_secret_1234', authUrl: failing.url })
      const onError = () => {
        throw new Error('logger down')
      }
      const response = await broken.handler({ user, onError })(
        post({ origin: SITE, cookie: 'user=ada' }),
      )
      expect(response.status).toBe(502)
      expect((await response.json()).code).toBe('UPSTREAM_FAILED')
    } finally {
      await failing.close()
    }
  })

  it('a user() that finds no Profile ID ({ userId: undefined }) gets no token', async () => {
    const response = await sessions.handler({ user: () => ({ userId: undefined }) })(post())
    expect(response.status).not.toBe(200)
    expect((await response.json()).code).toBe('INVALID_USER')
  })

  it('refuses a handler without a user function', () => {
    expect(() => sessions.handler(/** @type {any} */ ({}))).toThrow(/`user` must be a function/)
  })
})

describe('nodeHandler', () => {
  it('serves the endpoint on Node http and gives user() the Node request', async () => {
    /** @type {unknown[]} */
    const seen = []
    const endpoint = sessions.nodeHandler({
      user: (req) => {
        seen.push(req.url)
        return req.headers.cookie === 'user=ada' ? { email: 'ada@example.com' } : undefined
      },
    })
    const server = createServer((req, res) => {
      endpoint(req, res)
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const address = server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    try {
      const ok = await fetch(`${base}/api/quiltt/session`, {
        method: 'POST',
        headers: { origin: base, cookie: 'user=ada' },
      })
      expect(ok.status).toBe(200)
      expect(ok.headers.get('cache-control')).toBe('no-store')
      expect(Object.keys(await ok.json()).sort()).toEqual(['expiresAt', 'token'])
      expect(seen).toEqual(['/api/quiltt/session'])

      const anonymous = await fetch(`${base}/x`, { method: 'POST', headers: { origin: base } })
      expect(anonymous.status).toBe(401)
      const crossSite = await fetch(`${base}/x`, {
        method: 'POST',
        headers: { origin: 'https://attacker.example', cookie: 'user=ada' },
      })
      expect(crossSite.status).toBe(403)
      const get = await fetch(`${base}/x`)
      expect(get.status).toBe(405)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
