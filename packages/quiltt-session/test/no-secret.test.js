// @ts-check
// Records every output of the package through success and every failure path (errors with their
// causes and stacks, handler responses, onError reports, console and stdio, Redis contents) and
// checks that the API key secret appears in none of them.
import { inspect } from 'node:util'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { createSessions, redisStore } from '../src/index.js'
import { startAuthStub } from './helpers/auth-stub.js'
import { redisClients } from './helpers/redis-clients.js'
import { startRedis } from './helpers/redis-server.js'
import { sandboxAuth } from './helpers/sandbox.js'

const SECRET = `sk_live_${'Secr3tValue'.repeat(4)}`
const WRONG = `sk_live_${'WrongSecret'.repeat(4)}`
const SITE = 'https://app.example'

/** @type {string[]} */
const outputs = []
/** @param {unknown} value */
function record(value) {
  outputs.push(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }))
  if (value instanceof Error) {
    outputs.push(String(value.stack))
    outputs.push(JSON.stringify(value))
  }
}

/** @type {Awaited<ReturnType<typeof startRedis>>} */
let redis
/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
beforeAll(async () => {
  redis = await startRedis()
  auth = await sandboxAuth({
    apiKeySecret: SECRET,
    tokenTtlSeconds: 120,
    rateLimit: { perHour: 1, perDay: 20 },
  })
})
afterAll(async () => {
  await auth?.close()
  await redis?.stop()
})

it('the secret appears in no error, log line, response or stored value', async () => {
  const writes = [vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write')]
  const logs = ['log', 'info', 'warn', 'error', 'debug'].map((name) =>
    vi.spyOn(console, /** @type {'log'} */ (name)),
  )
  const client = await redisClients.ioredis(redis.url)
  const stubs = await Promise.all([
    startAuthStub({ status: 503, body: JSON.stringify({ echo: SECRET }) }),
    startAuthStub({ status: 201, body: `{"token":"${SECRET}","userId":"p_1","expiration":1}` }),
    startAuthStub('hang'),
  ])
  try {
    const store = redisStore(client.client, { prefix: 'leak:' })
    const user = () => ({ email: 'ada@example.com' })
    const request = () =>
      new Request(`${SITE}/api/quiltt/session`, { method: 'POST', headers: { origin: SITE } })
    /** @param {Partial<import('../src/index.js').SessionsOptions>} options */
    async function exercise(options) {
      const sessions = createSessions({ apiKeySecret: SECRET, store, timeout: 500, ...options })
      record(sessions)
      const results = [
        sessions.issue({ email: 'ada@example.com' }),
        sessions.issue({ userId: 'p_unknown' }),
        sessions.get({ userId: 'p_unknown' }),
        sessions.revoke({ userId: 'p_unknown' }),
      ]
      for (const result of await Promise.allSettled(results)) {
        record(result.status === 'fulfilled' ? result.value : result.reason)
      }
      const response = await sessions.handler({ user, onError: record })(request())
      record({
        status: response.status,
        headers: [...response.headers],
        body: await response.text(),
      })
    }

    await exercise({ authUrl: auth.authUrl }) // success, then 429 paths
    await exercise({ authUrl: auth.authUrl, now: () => Date.now() + 61_000 }) // 429, cached token
    await exercise({ authUrl: auth.authUrl, now: () => Date.now() + 200_000 }) // RATE_LIMITED
    await exercise({ authUrl: auth.authUrl, apiKeySecret: WRONG }) // 401
    for (const stub of stubs) await exercise({ authUrl: stub.url }) // 503, malformed, timeout
    await exercise({ authUrl: 'http://127.0.0.1:9' }) // unreachable
    await redis.stop()
    await exercise({ authUrl: auth.authUrl }) // store down
    await redis.restart()
    await expect.poll(() => client.command(['PING']).catch(() => 'down')).toBe('PONG')
    // Malformed secrets are reported at first use; a NUL byte once reached Headers.append, whose
    // message quotes the header value (the secret) into the error's cause.
    for (const bad of [`${SECRET}\u0000`, `Bearer ${SECRET}`, { secret: SECRET }]) {
      const sessions = createSessions(
        /** @type {any} */ ({ apiKeySecret: bad, authUrl: auth.authUrl }),
      )
      await sessions.issue({ userId: 'p_1' }).catch(record)
    }
    await exercise({ authUrl: auth.authUrl }) // after the restart
    const keys = /** @type {string[]} */ (await client.command(['KEYS', '*']))
    for (const key of keys) record([key, await client.command(['GET', key])])
  } finally {
    for (const stub of stubs) await stub.close()
    await client.close()
    for (const spy of [...writes, ...logs]) {
      outputs.push(inspect(spy.mock.calls, { depth: Number.POSITIVE_INFINITY }))
      spy.mockRestore()
    }
  }

  // The recorder saw the failures it should have (and tokens, which are not secrets).
  const all = outputs.join('\n')
  for (const code of ['UNAUTHORIZED', 'UPSTREAM_FAILED', 'STORE_FAILED', 'RATE_LIMITED']) {
    expect(all).toContain(code)
  }
  expect(all).toMatch(/"token":"ey/)
  const leaks = outputs.filter(
    (output) => output.includes(SECRET) || output.includes(WRONG) || output.includes('Secr3tValue'),
  )
  expect(leaks).toEqual([])
})
