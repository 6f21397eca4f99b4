// @ts-check
// redisStore against a real redis-server, through both node-redis and ioredis: instances sharing
// one Redis share tokens and one Auth API call; keys expire with the token; an outage fails
// closed and heals by itself.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSessions, redisStore } from '../src/index.js'
import { redisClients } from './helpers/redis-clients.js'
import { startRedis } from './helpers/redis-server.js'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {Awaited<ReturnType<typeof startRedis>>} */
let redis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(() => redis?.stop())

describe.each(Object.keys(redisClients))('with %s', (clientName) => {
  const connect = redisClients[/** @type {keyof typeof redisClients} */ (clientName)]
  /** @type {import('./helpers/redis-clients.js').TestClient[]} */
  let clients = []
  /** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
  let auth
  const prefix = `test-${clientName}:`

  beforeEach(async () => {
    auth = await sandboxAuth()
  })
  afterEach(async () => {
    for (const client of clients) {
      await client.command(['FLUSHALL']).catch(() => undefined)
      await client.close()
    }
    clients = []
    await auth.close()
  })

  /** A server instance: its own client and createSessions, sharing Redis with the others. */
  async function instance(options = {}) {
    const client = await connect(redis.url)
    clients.push(client)
    const sessions = createSessions({
      apiKeySecret: auth.apiKeySecret,
      authUrl: auth.authUrl,
      store: redisStore(client.client, { prefix }),
      ...options,
    })
    return { sessions, client }
  }

  it('two instances sharing Redis make one Auth API call for 20 concurrent requests', async () => {
    const userId = await auth.createProfile()
    const base = (await auth.stats()).sessionsIssued
    const a = await instance()
    const b = await instance()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).sessions.issue({ userId })),
    )
    expect(new Set(results.map((result) => result.token)).size).toBe(1)
    expect((await auth.stats()).sessionsIssued - base).toBe(1)
    // A third instance started later finds the token in Redis.
    const c = await instance()
    expect((await c.sessions.issue({ userId })).token).toBe(results[0]?.token)
    expect((await auth.stats()).sessionsIssued - base).toBe(1)
  })

  it('attributes create one Profile across instances, remembered in Redis', async () => {
    const a = await instance()
    const b = await instance()
    const [first, second] = await Promise.all([
      a.sessions.issue({ email: 'grace@example.com' }),
      b.sessions.issue({ email: 'grace@example.com' }),
    ])
    expect(second).toEqual(first)
    expect((await auth.stats()).sessionsIssued).toBe(1)
    const keys = /** @type {string[]} */ (await a.client.command(['KEYS', '*'])).sort()
    expect(keys).toEqual([
      expect.stringMatching(new RegExp(`^${prefix}profile:[A-Za-z0-9_-]{43}$`)),
      `${prefix}token:${first.userId}`,
    ])
    // The Profile mapping has no expiry; the key names hold no personal data.
    expect(await a.client.command(['PTTL', /** @type {string} */ (keys[0])])).toBe(-1)
    expect(keys.join()).not.toContain('grace')
  })

  it('the token key is namespaced and expires with the token', async () => {
    const userId = await auth.createProfile()
    const { sessions, client } = await instance()
    const before = Date.now()
    const session = await sessions.issue({ userId })
    const ttl = Number(await client.command(['PTTL', `${prefix}token:${userId}`]))
    const after = Date.now()
    // The key lives exactly until the token expires. Redis counts the PX from when the SET reached
    // it, between `before` and `after` like the PTTL read, so these bounds hold however long the
    // commands take on a busy machine (+1: the store rounds the PX up to a whole millisecond).
    const expiresAt = Date.parse(session.expiresAt)
    expect(ttl).toBeGreaterThanOrEqual(expiresAt - after)
    expect(ttl).toBeLessThanOrEqual(expiresAt - before + 1)
    // No lock is left behind.
    expect(await client.command(['KEYS', `${prefix}lock:*`])).toEqual([])
  })

  it('a key at its expiry is gone from Redis, and the next issue asks Quiltt again', async () => {
    await auth.close()
    auth = await sandboxAuth({ tokenTtlSeconds: 2 })
    const userId = await auth.createProfile()
    const base = (await auth.stats()).sessionsIssued
    const { sessions, client } = await instance({ refreshWithin: 0 })
    const first = await sessions.issue({ userId })
    const key = `${prefix}token:${userId}`
    expect(await client.command(['EXISTS', key])).toBe(1)
    await expect
      .poll(() => client.command(['EXISTS', key]), { timeout: 5000, interval: 100 })
      .toBe(0)
    const second = await sessions.issue({ userId })
    expect(second.token).not.toBe(first.token)
    expect((await auth.stats()).sessionsIssued - base).toBe(2)
  })

  it('revoke deletes the key and revokes the token for every instance', async () => {
    const userId = await auth.createProfile()
    const a = await instance()
    const b = await instance()
    const session = await a.sessions.issue({ userId })
    expect(await b.sessions.revoke({ userId })).toEqual({ revoked: true })
    expect(await a.client.command(['EXISTS', `${prefix}token:${userId}`])).toBe(0)
    expect(await auth.check(session.token)).toBe(401)
    expect(await a.sessions.get({ userId })).toBeUndefined()
  })

  it('Redis going down fails with STORE_FAILED (no token minted), and recovers by itself', async () => {
    const userId = await auth.createProfile()
    const { sessions } = await instance()
    await sessions.issue({ userId })
    const base = (await auth.stats()).sessionsIssued

    await redis.stop()
    const errors = await Promise.all(
      Array.from({ length: 5 }, () => sessions.issue({ userId }).catch((error) => error)),
    )
    for (const error of errors) expect(error.code).toBe('STORE_FAILED')
    expect((await auth.stats()).sessionsIssued).toBe(base)

    await redis.restart()
    // The restarted Redis is empty, so one new token, then it is cached again.
    await expect
      .poll(
        () =>
          sessions.issue({ userId }).then(
            (s) => s.userId,
            (e) => e.code,
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe(userId)
    await sessions.issue({ userId })
    expect((await auth.stats()).sessionsIssued - base).toBe(1)
  })
})
