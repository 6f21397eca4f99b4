import { createSessions, redisStore } from 'quiltt-session'
import { createClient } from 'redis'

// `next build` loads this module, with no secret and no Redis: nothing here connects or throws.
// redisStore connects on first use, and again after a Redis restart.
const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://localhost:6379' })
// Without an error listener, a Redis restart crashes the server.
redis.on('error', (error) => console.error('Redis:', error.message))

export const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
  store: redisStore(redis),
})
