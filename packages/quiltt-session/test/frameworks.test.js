// @ts-check
// The handler as the frameworks call it: Next.js (request.url carries the address Next listens
// on), SvelteKit and Astro (an event object carrying the Request), proxies (X-Forwarded-Host),
// builds that load the route without a secret, and every optional option given as undefined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessions, memoryStore } from '../src/index.js'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
/** @type {ReturnType<typeof createSessions>} */
let sessions
beforeAll(async () => {
  // Enough tokens per Profile for every request below.
  auth = await sandboxAuth({ rateLimit: { perHour: 1000, perDay: 1000 } })
  sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl })
})
afterAll(() => auth.close())

const ada = () => ({ email: 'ada@example.com' })

/**
 * A POST as a framework hands it over: `url` is what the framework built (often its listen
 * address), `headers` what the browser and proxies sent.
 * @param {Record<string, string>} headers
 * @param {string} [url]
 */
const post = (headers, url = 'http://0.0.0.0:3000/api/quiltt/session') =>
  new Request(url, { method: 'POST', headers })

/** @param {Response} response */
const codeOf = async (response) => (await response.json()).code

describe('what handler() is called with', () => {
  it('a Request whose url says 0.0.0.0 (Next.js) is judged by its Host header', async () => {
    const handle = sessions.handler({ user: ada })
    for (const site of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
      const response = await handle(post({ origin: site, host: new URL(site).host }))
      expect(response.status).toBe(200)
    }
  })

  it('an object carrying the Request (SvelteKit RequestEvent), passed whole to user()', async () => {
    /** @type {unknown[]} */
    const seen = []
    const handle = sessions.handler({
      /** @param {{ request: Request, locals: { user?: string } }} event */
      user: (event) => {
        seen.push(event)
        return event.locals.user ? { email: `${event.locals.user}@example.com` } : undefined
      },
    })
    const request = post({ origin: 'http://localhost:5173', host: 'localhost:5173' })
    const event = { request, locals: { user: 'ada' }, url: new URL(request.url), params: {} }
    const response = await handle(event)
    expect(response.status).toBe(200)
    expect(seen).toEqual([event])
    expect(await auth.check((await response.json()).token)).toBe(200)
  })

  it.each([
    ['undefined', undefined, 'got undefined'],
    ['a string', '/api/quiltt/session', 'got a string'],
    ['a Node request', { method: 'POST', url: '/x', headers: { host: 'a' } }, 'keys method'],
    ['an event without request', { locals: {}, params: {} }, 'keys locals, params'],
    ['an event whose request is not one', { request: {} }, 'keys request'],
  ])('%s rejects INVALID_OPTIONS naming what it got, never a 405', async (_, input, named) => {
    const handle = sessions.handler({ user: ada })
    const error = await handle(/** @type {any} */ (input)).catch((reason) => reason)
    expect(error).toMatchObject({ name: 'SessionError', code: 'INVALID_OPTIONS' })
    expect(error.message).toContain(named)
    expect(error.message).toContain('nodeHandler()')
  })
})

describe('same-origin rule', () => {
  const handle = () => sessions.handler({ user: ada })

  it.each([
    [
      'Host equal to the Origin host',
      { origin: 'https://app.example.com', host: 'app.example.com' },
    ],
    ['host names in another case', { origin: 'https://app.example.com', host: 'App.Example.COM' }],
    [
      'the default port written out',
      { origin: 'https://app.example.com', host: 'app.example.com:443' },
    ],
    ['an http default port', { origin: 'http://app.example.com', host: 'app.example.com:80' }],
    [
      'the first X-Forwarded-Host value (a proxy in front)',
      {
        origin: 'https://app.example.com',
        host: '10.0.0.7:3000',
        'x-forwarded-host': 'app.example.com, internal-proxy:8080',
      },
    ],
    [
      'Sec-Fetch-Site: same-origin',
      { origin: 'https://a.example', host: 'a.example', 'sec-fetch-site': 'same-origin' },
    ],
  ])('accepts %s', async (_, headers) => {
    expect((await handle()(post(headers))).status).toBe(200)
  })

  it.each([
    ['no Host at all', { origin: 'https://app.example.com' }],
    ['a Host that is not a host', { origin: 'https://app.example.com', host: 'app.example.com/x' }],
    ['another port', { origin: 'https://app.example.com', host: 'app.example.com:8443' }],
    [
      'the https port for an http origin',
      { origin: 'http://app.example.com', host: 'app.example.com:443' },
    ],
    [
      'an X-Forwarded-Host of another site (Host alone would match)',
      {
        origin: 'https://app.example.com',
        host: 'app.example.com',
        'x-forwarded-host': 'other.example',
      },
    ],
    [
      'Sec-Fetch-Site: none',
      { origin: 'https://a.example', host: 'a.example', 'sec-fetch-site': 'none' },
    ],
    [
      'Sec-Fetch-Site: same-site',
      { origin: 'https://a.example', host: 'a.example', 'sec-fetch-site': 'same-site' },
    ],
    ['a non-http Origin', { origin: 'file://', host: 'a.example' }],
  ])('refuses %s with 403 CROSS_SITE_REFUSED', async (_, headers) => {
    const response = await handle()(post(headers))
    expect(response.status).toBe(403)
    expect(await codeOf(response)).toBe('CROSS_SITE_REFUSED')
  })

  it('allowOrigins is exclusive: a DNS-rebinding request (Host = Origin = attacker) is refused', async () => {
    const rebinding = {
      origin: 'http://rebind.attacker.example:3000',
      host: 'rebind.attacker.example:3000',
    }
    // Without allowOrigins the Host check cannot tell: this is why production sets allowOrigins.
    expect((await handle()(post(rebinding))).status).toBe(200)
    const guarded = sessions.handler({ user: ada, allowOrigins: ['https://app.example.com'] })
    const refused = await guarded(post(rebinding))
    expect(refused.status).toBe(403)
    expect(await codeOf(refused)).toBe('CROSS_SITE_REFUSED')
    // Listed origins pass, normalized as browsers send them, whatever Host says.
    const written = sessions.handler({ user: ada, allowOrigins: ['HTTPS://App.Example.com:443'] })
    expect(
      (await written(post({ origin: 'https://app.example.com', host: '0.0.0.0' }))).status,
    ).toBe(200)
    expect((await written(post({ origin: 'https://app.example.com' }))).status).toBe(200)
    // Sec-Fetch-Site still applies.
    const sameSite = { origin: 'https://app.example.com', 'sec-fetch-site': 'same-site' }
    expect((await written(post(sameSite))).status).toBe(403)
  })

  it.each([
    [[]],
    [['app.example.com']],
    [['https://app.example.com/path']],
    [['https://user:pw@app.example.com']],
    [[42]],
    ['https://app.example.com'],
  ])('refuses allowOrigins %j with INVALID_OPTIONS', (allowOrigins) => {
    expect(() =>
      sessions.handler({ user: ada, allowOrigins: /** @type {any} */ (allowOrigins) }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        message: expect.stringContaining('allowOrigins'),
      }),
    )
  })
})

describe('a missing secret', () => {
  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', '  '],
  ])(
    '(%s) is reported at first use, not at construction, with no I/O before',
    async (_, secret) => {
      /** @type {string[]} */
      const io = []
      /** @type {typeof fetch} */
      const recordingFetch = async (input) => {
        io.push(`fetch ${input}`)
        return new Response(null, { status: 500 })
      }
      const inner = memoryStore()
      /** Records a store call; returns the key, for the real store. */
      const record = (/** @type {string} */ call, /** @type {string} */ key) => {
        io.push(call)
        return key
      }
      /** @type {import('../src/index.js').SessionStore} */
      const store = {
        get: (key) => inner.get(record(`get ${key}`, key)),
        set: (key, value, ttl) => inner.set(record(`set ${key}`, key), value, ttl),
        delete: (key) => inner.delete(record(`delete ${key}`, key)),
        lock: (key, ttl) => inner.lock(record(`lock ${key}`, key), ttl),
        unlock: (key, owner) => inner.unlock(record(`unlock ${key}`, key), owner),
      }
      const unconfigured = createSessions({ apiKeySecret: secret, store, fetch: recordingFetch })
      const handle = unconfigured.handler({ user: ada })
      expect(io).toEqual([])

      for (const call of [
        unconfigured.issue({ userId: 'p_1' }),
        unconfigured.revoke({ userId: 'p_1' }),
      ]) {
        const error = await call.catch((reason) => reason)
        expect(error).toMatchObject({ name: 'SessionError', code: 'INVALID_OPTIONS' })
        expect(error.message).toContain('`apiKeySecret`')
        expect(error.message).toContain('QUILTT_API_KEY_SECRET')
      }
      const response = await handle(post({ origin: 'https://a.example', host: 'a.example' }))
      expect(response.status).toBe(500)
      expect(await codeOf(response)).toBe('INVALID_OPTIONS')
      // Signed out too: the deployment is at fault, not the user.
      const signedOut = unconfigured.handler({ user: () => undefined })
      const anonymous = await signedOut(post({ origin: 'https://a.example', host: 'a.example' }))
      expect(anonymous.status).toBe(500)
      expect(await codeOf(anonymous)).toBe('INVALID_OPTIONS')
      expect(io).toEqual([])
    },
  )
})

describe('optional options given as undefined', () => {
  it('mean their defaults, in createSessions, the stores and the handlers', async () => {
    const explicit = createSessions({
      apiKeySecret: auth.apiKeySecret,
      authUrl: auth.authUrl,
      store: memoryStore({ maxUsers: undefined, now: undefined }),
      refreshWithin: undefined,
      timeout: undefined,
      fetch: undefined,
      now: undefined,
    })
    const handle = explicit.handler({ user: ada, allowOrigins: undefined, onError: undefined })
    const response = await handle(post({ origin: 'https://a.example', host: 'a.example' }))
    expect(response.status).toBe(200)
    expect(() =>
      explicit.nodeHandler({ user: () => undefined, allowOrigins: undefined }),
    ).not.toThrow()
  })
})
