import { createSessions } from 'quiltt-session'

// For routes on the Edge runtime: Redis needs TCP sockets, which Edge has not, so the default
// memoryStore, which lives in one isolate: each isolate asks Quiltt once per user (within its
// 10 tokens per Profile per hour) and keeps that token while it runs.
export const edgeSessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
