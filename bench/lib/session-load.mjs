// quiltt-session under load (SPEC §9): 50 users × 10 concurrent requests each, spread over 2
// server instances sharing one Redis, against the sandbox's Auth API with Quiltt's real limits
// (10 tokens per Profile per hour). Counts the Auth API token requests over the whole run
// (budget: exactly 50, one per user) and failed requests, and times the handler with a warm cache.
// Alone: `npm run bench:session` prints the figures as JSON.
import { pathToFileURL } from 'node:url'
import { startSandbox } from 'quiltt-sandbox'
import { createSessions, redisStore } from 'quiltt-session'
import { createClient } from 'redis'
import { startRedis } from '../../packages/quiltt-session/test/helpers/redis-server.js'
import { round } from './stats.mjs'

const USERS = 50
const REQUESTS_PER_USER = 10
const INSTANCES = 2
const SITE = 'https://app.bench.example'

/**
 * @returns {Promise<{
 *   users: number, requestsPerUser: number, instances: number, requests: number,
 *   tokenRequests: number, sessionsIssued: number, errors: number,
 *   warm: { samples: number, p50Ms: number, p99Ms: number },
 * }>}
 */
export async function measureSessionLoad() {
  const redis = await startRedis()
  const sandbox = await startSandbox({ port: 0 })
  /** @type {import('redis').RedisClientType[]} */
  const clients = []
  try {
    let tokenRequests = 0
    /** @type {typeof fetch} */
    const countingFetch = (url, init) => {
      if (init?.method === 'POST' && new URL(String(url)).pathname === '/v1/users/sessions') {
        tokenRequests += 1
      }
      return fetch(url, init)
    }
    const handlers = []
    for (let i = 0; i < INSTANCES; i += 1) {
      const client = /** @type {import('redis').RedisClientType} */ (
        createClient({ url: redis.url })
      )
      client.on('error', () => undefined)
      await client.connect()
      clients.push(client)
      const sessions = createSessions({
        apiKeySecret: sandbox.apiKeySecret,
        authUrl: sandbox.authUrl,
        store: redisStore(client, { prefix: 'bench:' }),
        fetch: countingFetch,
      })
      // The signed-in user comes from a header here; an app reads its own session instead.
      handlers.push(
        sessions.handler({ user: (request) => ({ email: request.headers.get('x-user') }) }),
      )
    }

    /** One user's 10 concurrent requests, alternating instances; resolves the durations. */
    const userBurst = (/** @type {number} */ user) =>
      Promise.all(
        Array.from({ length: REQUESTS_PER_USER }, async (_, j) => {
          const request = new Request(`${SITE}/api/quiltt/session`, {
            method: 'POST',
            headers: { origin: SITE, 'x-user': `user-${user}@bench.example` },
          })
          const started = performance.now()
          const response = await /** @type {(typeof handlers)[number]} */ (handlers[j % INSTANCES])(
            request,
          )
          const ms = performance.now() - started
          const ok = response.status === 200 && typeof (await response.json()).token === 'string'
          return { ms, ok }
        }),
      )

    // Cold: every user's burst at once, 500 requests in flight.
    const cold = (await Promise.all(Array.from({ length: USERS }, (_, u) => userBurst(u)))).flat()
    // Warm: the same bursts one user at a time, so the timings are the handler's, not a queue's.
    const warm = []
    for (let u = 0; u < USERS; u += 1) warm.push(...(await userBurst(u)))
    const stats = await (
      await fetch(`${sandbox.authUrl}/__sandbox/stats`, {
        headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
      })
    ).json()
    const times = warm.map((sample) => sample.ms).sort((a, b) => a - b)
    const percentile = (/** @type {number} */ p) =>
      round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN)
    return {
      users: USERS,
      requestsPerUser: REQUESTS_PER_USER,
      instances: INSTANCES,
      requests: cold.length,
      tokenRequests,
      sessionsIssued: stats.sessionsIssued,
      errors: [...cold, ...warm].filter((sample) => !sample.ok).length,
      warm: { samples: times.length, p50Ms: percentile(50), p99Ms: percentile(99) },
    }
  } finally {
    for (const client of clients) client.destroy()
    await sandbox.close()
    await redis.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureSessionLoad(), null, 2))
}
