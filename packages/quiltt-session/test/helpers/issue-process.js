// @ts-check
// A separate server process for the cross-process tests: it issues tokens through redisStore and
// prints one JSON line per result. Configuration comes from the environment (the secret too, so
// it never appears in a process listing).
import { createSessions, redisStore } from '../../src/index.js'
import { redisClients } from './redis-clients.js'

const { REDIS_URL, AUTH_URL, API_KEY_SECRET, CLIENT, USER_ID, COUNT, TIMEOUT } = process.env
const client = await redisClients[/** @type {'node-redis' | 'ioredis'} */ (CLIENT)](
  /** @type {string} */ (REDIS_URL),
)
const sessions = createSessions({
  apiKeySecret: /** @type {string} */ (API_KEY_SECRET),
  authUrl: AUTH_URL,
  store: redisStore(client.client, { prefix: 'processes:' }),
  ...(TIMEOUT ? { timeout: Number(TIMEOUT) } : {}),
})
const results = await Promise.all(
  Array.from({ length: Number(COUNT ?? 1) }, () =>
    sessions.issue({ userId: /** @type {string} */ (USER_ID) }).then(
      (session) => ({ token: session.token }),
      (error) => ({ error: error.code }),
    ),
  ),
)
process.stdout.write(`${JSON.stringify(results)}\n`)
await client.close()
