// The `browser` export condition: a bundler building for the browser lands here instead of on
// code that holds the API key secret. It throws when loaded (package.json marks it as having
// side effects, so bundlers keep it); the exports exist only so bundlers resolve the imports.
const message =
  'quiltt-session runs on your server: it holds your Quiltt API key secret, which must never ' +
  'reach a browser. Import it from server code only (an API route, a Node server), and give the ' +
  'browser the session token it returns.'

throw new Error(message)

export function createSessions() {
  throw new Error(message)
}
export function memoryStore() {
  throw new Error(message)
}
export function redisStore() {
  throw new Error(message)
}
export class SessionError extends Error {}
