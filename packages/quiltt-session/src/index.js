// @ts-check
// quiltt-session: the integrator's server side. Types are in index.d.ts.
export { createSessions } from './create-sessions.js'
export { memoryStore } from './memory-store.js'
export { redisStore } from './redis-store.js'
export { SessionError } from './session-error.js'
