import { createSessions } from 'quiltt-session'
import { env } from '$env/dynamic/private'

// The default memoryStore suits one server process; use redisStore when several serve the app.
// Nothing here does I/O or needs the secret until the first request.
export const sessions = createSessions({
  apiKeySecret: env.QUILTT_API_KEY_SECRET,
  authUrl: env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
