// The demo's quiltt-session instance: a memory store by default, Redis when REDIS_URL is set (so
// several demo processes share tokens and the Auth API sees one call per refresh).
import { randomUUID } from 'node:crypto'
import { createSessions, memoryStore, redisStore } from 'quiltt-session'

/**
 * @param {import('./quiltt-config.mjs').QuilttConfig} quiltt
 * @param {{ redisUrl?: string, now?: () => number }} options
 */
export async function createDemoSessions(quiltt, { redisUrl, now }) {
  const clock = now ? { now } : {}
  if (!redisUrl) {
    const sessions = createSessions({
      apiKeySecret: quiltt.apiKeySecret,
      authUrl: quiltt.authUrl,
      store: memoryStore(clock),
      ...clock,
    })
    return { sessions, store: 'memory', close: async () => undefined }
  }
  // Imported only when used: a demo without Redis needs no Redis client.
  const { createClient } = await import('redis')
  let connected = false
  const client = createClient({
    url: redisUrl,
    socket: {
      // At start, give up after about 2 s with a message that says what to do, instead of
      // retrying forever with a demo that never comes up. Once connected, keep reconnecting:
      // quiltt-session answers STORE_FAILED meanwhile and recovers when Redis is back.
      reconnectStrategy: (retries) =>
        connected
          ? Math.min(100 * 2 ** retries, 2000)
          : retries < 10
            ? 200
            : new Error('demo: cannot reach Redis at REDIS_URL. Start Redis, or unset REDIS_URL.'),
    },
  })
  // Start-up failures end in the one message above; later ones are logged as they happen.
  client.on('error', (error) => connected && console.error(`demo: Redis: ${error.message}`))
  await client.connect()
  connected = true
  // The sandbox's Profiles live in memory and end with this process: keep its keys apart.
  const prefix = `quiltt-demo:${quiltt.mode === 'sandbox' ? `sandbox-${randomUUID()}:` : ''}`
  const sessions = createSessions({
    apiKeySecret: quiltt.apiKeySecret,
    authUrl: quiltt.authUrl,
    store: redisStore(client, { prefix }),
    ...clock,
  })
  return {
    sessions,
    store: 'redis',
    prefix,
    close: async () => {
      client.destroy()
    },
  }
}
