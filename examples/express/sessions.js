import { createSessions, redisStore } from 'quiltt-session'
import { createClient } from 'redis'

// Not connected here: redisStore connects on first use, and again after Redis comes back.
// The error listener keeps a Redis restart from crashing the process.
const redis = createClient({ url: process.env.REDIS_URL }).on('error', (error) => {
  console.error('Redis:', error.message)
})

export const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
  store: redisStore(redis),
})
