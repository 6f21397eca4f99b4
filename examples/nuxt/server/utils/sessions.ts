import { createSessions } from 'quiltt-session'

// The default memoryStore suits one server process; use redisStore when several serve the app.
// The secret stays in the server's environment: never put it in runtimeConfig.public.
export const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
