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
  const client = createClient({ url: redisUrl })
  client.on('error', (error) => console.error(`demo: Redis: ${error.message}`))
  await client.connect()
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
