// quiltt-session under load (SPEC §9): 50 users × 10 concurrent requests each, spread over 2
// server instances sharing one Redis, against the sandbox's Auth API with Quiltt's real limits
// (10 tokens per Profile per hour). Each instance is a real node:http server running
// `sessions.nodeHandler()`, and each request is a fetch() to it with the `Origin` a page on that
// server would send, so the handler sees what it sees in production (`Host` included) and its
// same-origin rule applies as it does there. Counts the Auth API token requests over the whole
// run (budget: exactly one per user) and the failed requests, and times requests with a warm
// cache. Alone: `npm run bench:session` prints the figures as JSON, and exits 1 when the run
// measured nothing (failed requests, or no Auth API call at all).
import { once } from 'node:events'
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'
import { startSandbox } from 'quiltt-sandbox'
import { createSessions, redisStore } from 'quiltt-session'
import { createClient } from 'redis'
import { startRedis } from '../../packages/quiltt-session/test/helpers/redis-server.js'
import { BUDGETS, SESSION_LOAD, withinBudget } from './budgets.mjs'
import { sessionProblems } from './preconditions.mjs'
import { round } from './stats.mjs'

/**
 * @typedef {{
 *   users: number, requestsPerUser: number, instances: number, requests: number,
 *   tokenRequests: number, sessionsIssued: number, errors: number,
 *   failures: Record<string, number>,
 *   warm: { samples: number, p50Ms: number, p99Ms: number },
 * }} SessionLoad
 * `failures`: failed requests by `status code` (e.g. `403 CROSS_SITE_REFUSED`)
 */

/** @param {import('node:http').Server} server @returns {Promise<string>} its origin */
async function listen(server) {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

/**
 * @param {Partial<typeof SESSION_LOAD>} [load] fewer users for `npm test`; SPEC §9's by default
 * @returns {Promise<SessionLoad>}
 */
export async function measureSessionLoad(load = {}) {
  const { users, requestsPerUser, instances } = { ...SESSION_LOAD, ...load }
  const redis = await startRedis()
  const sandbox = await startSandbox({ port: 0 })
  /** @type {import('redis').RedisClientType[]} */
  const clients = []
  /** @type {import('node:http').Server[]} */
  const servers = []
  try {
    let tokenRequests = 0
    /** @type {typeof fetch} */
    const countingFetch = (input, init) => {
      // quiltt-session calls fetch(request) or fetch(url, init). (A `new Request(input)` here
      // would use up the body of the request it copies.)
      const asked = input instanceof Request ? input : { method: init?.method, url: String(input) }
      if (asked.method === 'POST' && new URL(asked.url).pathname === '/v1/users/sessions') {
        tokenRequests += 1
      }
      return fetch(input, init)
    }
    /** Each instance's origin: where its pages are, and so the `Origin` they send. */
    const origins = []
    for (let i = 0; i < instances; i += 1) {
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
      const server = createServer(
        sessions.nodeHandler({ user: (req) => ({ email: req.headers['x-user'] }) }),
      )
      servers.push(server)
      origins.push(await listen(server))
    }

    /** @type {Record<string, number>} */
    const failures = {}
    /** One user's concurrent requests, alternating instances; resolves the durations. */
    const userBurst = (/** @type {number} */ user) =>
      Promise.all(
        Array.from({ length: requestsPerUser }, async (_, j) => {
          const origin = /** @type {string} */ (origins[j % instances])
          const started = performance.now()
          const response = await fetch(`${origin}/api/quiltt/session`, {
            method: 'POST',
            headers: { origin, 'x-user': `user-${user}@bench.example` },
          })
          const body = await response.json().catch(() => ({}))
          const ms = performance.now() - started
          const ok = response.status === 200 && typeof body.token === 'string'
          if (!ok) {
            const key = `${response.status} ${body.code ?? 'no code'}`
            failures[key] = (failures[key] ?? 0) + 1
          }
          return { ms, ok }
        }),
      )

    // Cold: every user's burst at once, users × requestsPerUser requests in flight.
    const cold = (await Promise.all(Array.from({ length: users }, (_, u) => userBurst(u)))).flat()
    // Warm: the same bursts one user at a time, so the timings are the handler's, not a queue's.
    const warm = []
    for (let u = 0; u < users; u += 1) warm.push(...(await userBurst(u)))
    const stats = await (
      await fetch(`${sandbox.authUrl}/__sandbox/stats`, {
        headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
      })
    ).json()
    const times = warm.map((sample) => sample.ms).sort((a, b) => a - b)
    const percentile = (/** @type {number} */ p) =>
      round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN)
    return {
      users,
      requestsPerUser,
      instances,
      requests: cold.length + warm.length,
      tokenRequests,
      sessionsIssued: stats.sessionsIssued,
      errors: [...cold, ...warm].filter((sample) => !sample.ok).length,
      failures,
      warm: { samples: times.length, p50Ms: percentile(50), p99Ms: percentile(99) },
    }
  } finally {
    for (const server of servers) {
      server.closeAllConnections()
      server.close()
    }
    for (const client of clients) client.destroy()
    await sandbox.close()
    await redis.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const session = await measureSessionLoad()
  console.log(JSON.stringify(session, null, 2))
  const problems = sessionProblems(session)
  for (const problem of problems) console.error(`bench: ${problem}`)
  const pass = withinBudget(BUDGETS.tokenRequests, session.tokenRequests)
  console.log(
    `${BUDGETS.tokenRequests.spec}: ${session.tokenRequests} (budget ${BUDGETS.tokenRequests.limit}) ${pass ? 'PASS' : 'FAIL'}`,
  )
  if (problems.length) process.exitCode = 1
}
