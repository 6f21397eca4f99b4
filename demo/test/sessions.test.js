// The demo's session endpoint as integrators should build theirs: only signed-in users get
// tokens, each name keeps one Profile, no-Origin and over-limit requests are refused, and a 429
// from Quiltt is answered with the cached token while it is valid.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { freePort, startRedis } from '../../packages/quiltt-session/test/helpers/redis-server.js'
import { startDemo } from '../server.mjs'
import { postSession, signIn } from './sign-in.js'

/** @type {(() => Promise<void>)[]} */
const cleanups = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** @param {Parameters<typeof startDemo>[0]} [options] */
async function start(options) {
  const demo = await startDemo({ port: 0, env: {}, ...options })
  cleanups.push(() => demo.close())
  const base = demo.url.replace('localhost', '127.0.0.1')
  async function stats() {
    const response = await fetch(`${demo.sandbox?.authUrl}/__sandbox/stats`, {
      headers: { authorization: `Bearer ${demo.sandbox?.apiKeySecret}` },
    })
    return response.json()
  }
  /** @param {string} token */
  async function profileOf(token) {
    const response = await fetch(`${demo.sandbox?.authUrl}/v1/users/session`, {
      headers: { authorization: `Bearer ${token}` },
    })
    return (await response.json()).userId
  }
  return { demo, base, stats, profileOf }
}

describe('sign-in', () => {
  it('anonymous and forged-cookie requests get 401 and create no Profile', async () => {
    const { base, stats } = await start({ clientLimit: { limit: 1000, windowMs: 10_000 } })
    const anonymous = await Promise.all(
      Array.from({ length: 200 }, () => postSession(base, { origin: base })),
    )
    expect(new Set(anonymous.map((response) => response.status))).toEqual(new Set([401]))
    expect(await anonymous[0]?.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: expect.any(String),
    })
    const { cookie } = await signIn(base, 'Ada')
    const forged = cookie.replace(
      /^(quiltt_demo_user=)[^.]+/,
      `$1${Buffer.from('Eve').toString('base64url')}`,
    )
    expect((await postSession(base, { origin: base, cookie: forged })).status).toBe(401)
    expect((await stats()).sessionsIssued).toBe(0)
  })

  it('refuses names that are empty, too long or not text', async () => {
    const { base } = await start()
    for (const name of ['', '   ', 'x'.repeat(41), '<script>', 42]) {
      const response = await fetch(`${base}/api/signin`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      })
      expect(response.status).toBe(400)
    }
  })

  it('the home page shows the sign-in form, then who is signed in', async () => {
    const { base } = await start()
    const anonymous = await (await fetch(`${base}/`)).text()
    expect(anonymous).toMatch(/<form method="post" action="\/api\/signin" class="sign-in">/)
    expect(anonymous).toMatch(/<form method="post" action="\/api\/signout" hidden="">/)
    const { cookie } = await signIn(base, "Ada O'Neil")
    const page = await (await fetch(`${base}/`, { headers: { cookie } })).text()
    expect(page).toContain('Signed in as <strong id="signed-in-name">Ada O&#39;Neil</strong>')
    expect(page).toMatch(/action="\/api\/signin" class="sign-in" hidden="">/)
  })
})

describe('token endpoint', () => {
  it('keeps one Profile per name: sign-out revokes the token, signing in again finds the Profile', async () => {
    const { base, stats, profileOf } = await start()
    const ada = await signIn(base, 'Ada')
    const first = await (await postSession(base, ada)).json()
    const profile = await profileOf(first.token)
    // Other users, however many, do not move Ada onto another Profile.
    for (let i = 0; i < 15; i += 1) {
      expect((await postSession(base, await signIn(base, `User ${i}`))).status).toBe(200)
    }
    const signOut = await fetch(`${base}/api/signout`, { method: 'POST', headers: ada })
    expect(await signOut.json()).toEqual({ revoked: true })
    expect(signOut.headers.get('set-cookie')).toMatch(/^quiltt_demo_user=; .*Max-Age=0/)
    expect((await stats()).sessionsRevoked).toBe(1)

    const again = await (await postSession(base, await signIn(base, 'Ada'))).json()
    expect(again.token).not.toBe(first.token)
    expect(await profileOf(again.token)).toBe(profile)
  })

  it('refuses a request without Origin (403) even with a valid sign-in', async () => {
    const { base, stats } = await start()
    const { cookie } = await signIn(base)
    const response = await postSession(base, { cookie })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED' })
    expect((await stats()).sessionsIssued).toBe(0)
  })

  it('limits new names per client: past the limit, sign-in is 429 with Retry-After and no Profile is made', async () => {
    const { base, stats } = await start({ clientLimit: { limit: 5, windowMs: 60_000 } })
    const statuses = []
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(`${base}/api/signin`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Sybil ${i}` }),
      })
      statuses.push(response.status)
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      if (response.status === 200) {
        expect((await postSession(base, { origin: base, cookie })).status).toBe(200)
      } else {
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
        expect(await response.json()).toEqual({
          code: 'TOO_MANY_REQUESTS',
          message: expect.any(String),
        })
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    expect((await stats()).sessionsIssued).toBe(5)
  })

  it('limits each signed-in user: past the limit, 429 with Retry-After and no Auth API call', async () => {
    const { base } = await start({ clientLimit: { limit: 3, windowMs: 60_000 } })
    const ada = await signIn(base, 'Ada')
    const statuses = []
    for (let i = 0; i < 5; i += 1) statuses.push((await postSession(base, ada)).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const refused = await postSession(base, ada)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await refused.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.any(String) })
  })

  it('a 429 from Quiltt is answered with the cached token while it is valid, then with 429', async () => {
    let clock = Date.now()
    const { base } = await start({
      sandbox: { tokenTtlSeconds: 240, rateLimit: { perHour: 1, perDay: 20 } },
      now: () => clock,
    })
    const ada = await signIn(base)
    const first = await (await postSession(base, ada)).json()
    // Past half the token's life the demo asks Quiltt again: 429, and the cache answers.
    clock += 121_000
    const second = await postSession(base, ada)
    expect(second.status).toBe(200)
    expect((await second.json()).token).toBe(first.token)
    clock = Date.parse(first.expiresAt) + 1000
    const expired = await postSession(base, ada)
    expect(expired.status).toBe(429)
    expect(expired.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await expired.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) })
  })

  it('with REDIS_URL unreachable, the demo does not start, and says what to do without the URL', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    cleanups.push(async () => logged.mockRestore())
    const url = `redis://:hunter2@127.0.0.1:${await freePort()}`
    const error = await startDemo({ port: 0, env: { REDIS_URL: url } }).catch((reason) => reason)
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe(
      'demo: cannot reach Redis at REDIS_URL. Start Redis, or unset REDIS_URL.',
    )
    expect(JSON.stringify(logged.mock.calls)).not.toContain('hunter2')
  })

  it('with REDIS_URL, tokens are kept in Redis under the demo prefix', async () => {
    const redis = await startRedis()
    cleanups.push(() => redis.stop())
    const a = await start({ env: { REDIS_URL: redis.url } })
    expect(a.demo.store).toBe('redis')
    const ada = await signIn(a.base)
    const token = (await (await postSession(a.base, ada)).json()).token
    expect(token).toEqual(expect.any(String))
    const { createClient } = await import('redis')
    const client = await createClient({ url: redis.url }).connect()
    try {
      const keys = await client.keys('quiltt-demo:*')
      expect(keys).toEqual(
        expect.arrayContaining([expect.stringMatching(/^quiltt-demo:sandbox-[\w-]+:token:p_/)]),
      )
      expect(keys).toHaveLength(2)
    } finally {
      client.destroy()
    }
  })
})
