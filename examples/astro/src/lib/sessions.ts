import { createSessions } from 'quiltt-session'

// Read at run time (process.env), so the built server takes its settings from where it runs.
// The default memoryStore suits one server process; use redisStore when several serve the app.
// Nothing here does I/O or needs the secret until the first request.
export const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
