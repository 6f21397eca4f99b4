// @ts-check
// The README's Hono endpoint, as written (between the region markers); hono.test.js runs it
// against the sandbox. current-user.js stands in for the app's own sign-in.
// #region hono
import { Hono } from 'hono'
import { createSessions } from 'quiltt-session'
import { currentUser } from './current-user.js'

const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  // Unset in production; a quiltt-sandbox's authUrl in development.
  authUrl: process.env.QUILTT_AUTH_URL,
})

const quilttSession = sessions.handler({
  // The Quiltt Profile ID you keep with the signed-in user; undefined answers 401.
  user: async (request) => {
    const user = await currentUser(request)
    return user ? { userId: user.quilttProfileId } : undefined
  },
  // Your app's public origin(s), e.g. https://app.example.com: in production, only these pass.
  allowOrigins: process.env.PUBLIC_ORIGIN ? [process.env.PUBLIC_ORIGIN] : undefined,
})

export const app = new Hono()
app.post('/api/quiltt/session', (c) => quilttSession(c.req.raw))
// #endregion hono
