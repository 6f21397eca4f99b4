// @ts-check
// A node-redis client handed over before it is connected, as apps do at module scope (where
// connecting would run during `next build`): connected at first use by one shared connect, a
// failed connect retried by the next request, and one warning for a client without an `error`
// listener. Against a real redis-server.

import { createClient } from 'redis'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { createSessions, redisStore } from '../src/index.js'
import { startRedis } from './helpers/redis-server.js'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {Awaited<ReturnType<typeof startRedis>>} */
let redis
/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
/** @type {(() => unknown)[]} */
const cleanups = []
beforeAll(async () => {
  redis = await startRedis()
  auth = await sandboxAuth({ rateLimit: { perHour: 1000, perDay: 1000 } })
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  await auth?.close()
  await redis?.stop()
})

/**
 * A node-redis client as an app creates it at module scope: not connected. Its connects are
 * counted. `giveUp`: stop retrying after a few attempts, so a connect to a Redis that is down
 * fails instead of waiting for it.
 * @param {{ listener?: boolean, giveUp?: boolean }} [options]
 */
function unconnectedClient({ listener = true, giveUp = false } = {}) {
  const client = createClient({
    url: redis.url,
    socket: {
      reconnectStrategy: (retries) => (giveUp && retries >= 2 ? new Error('Redis is down') : 50),
    },
  })
  if (listener) client.on('error', () => undefined)
  const connect = client.connect.bind(client)
  const counted = { client, connects: 0 }
  client.connect = () => {
    counted.connects += 1
    return connect()
  }
  cleanups.push(() => client.isOpen && client.destroy())
  return counted
}

/** @param {unknown} client */
const sessionsWith = (client, prefix = `lazy-${Math.random()}:`) =>
  createSessions({
    apiKeySecret: auth.apiKeySecret,
    authUrl: auth.authUrl,
    store: redisStore(client, { prefix }),
  })

it('connects an unconnected client at first use, once for all concurrent first requests', async () => {
  const counted = unconnectedClient()
  const sessions = sessionsWith(counted.client)
  expect(counted.client.isOpen).toBe(false)
  expect(counted.connects).toBe(0)
  const userId = await auth.createProfile('lazy@example.com')
  const results = await Promise.all(Array.from({ length: 10 }, () => sessions.issue({ userId })))
  expect(new Set(results.map((result) => result.token)).size).toBe(1)
  expect(counted.connects).toBe(1)
  await sessions.issue({ userId })
  expect(counted.connects).toBe(1)
})

it('a failed connect is forgotten: once Redis is up, the next request connects and succeeds', async () => {
  await redis.stop()
  const counted = unconnectedClient({ giveUp: true })
  const sessions = sessionsWith(counted.client)
  const userId = 'p_lazy_down'
  const failures = await Promise.all(
    Array.from({ length: 5 }, () => sessions.issue({ userId }).catch((error) => error)),
  )
  for (const error of failures) expect(error.code).toBe('STORE_FAILED')
  // The five first uses shared one connect attempt.
  expect(counted.connects).toBe(1)
  await expect.poll(() => counted.client.isOpen, { timeout: 10_000 }).toBe(false)

  await redis.restart()
  const profile = await auth.createProfile('recovered@example.com')
  const session = await sessions.issue({ userId: profile })
  expect(session.userId).toBe(profile)
  expect(counted.connects).toBe(2)
})

it("warns once, at first use, when the client has no 'error' listener", async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  cleanups.push(() => warn.mockRestore())
  const counted = unconnectedClient({ listener: false })
  const sessions = sessionsWith(counted.client)
  expect(warn).not.toHaveBeenCalled()
  const userId = await auth.createProfile('nolistener@example.com')
  await sessions.issue({ userId })
  await sessions.issue({ userId })
  await sessions.get({ userId })
  expect(warn).toHaveBeenCalledTimes(1)
  expect(String(warn.mock.calls[0]?.[0])).toContain("no 'error' listener")

  warn.mockClear()
  const listened = unconnectedClient()
  await sessionsWith(listened.client).issue({ userId })
  expect(warn).not.toHaveBeenCalled()
})

it('an already connected client is used as it is, and prefix: undefined means the default', async () => {
  const counted = unconnectedClient()
  await counted.client.connect()
  const sessions = createSessions({
    apiKeySecret: auth.apiKeySecret,
    authUrl: auth.authUrl,
    store: redisStore(counted.client, { prefix: undefined }),
  })
  const userId = await auth.createProfile('connected@example.com')
  await sessions.issue({ userId })
  expect(counted.connects).toBe(1)
  expect(await counted.client.exists(`quiltt-session:token:${userId}`)).toBe(1)
})
