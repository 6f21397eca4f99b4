// quiltt-session on Bun: `bun run server.js`, with the package from npm.
import { createSessions } from 'quiltt-session'
import { currentUser, signIn } from '../user.js'

// #region endpoint
const sessions = createSessions({
  apiKeySecret: Bun.env.QUILTT_API_KEY_SECRET,
  authUrl: Bun.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
const quilttSession = sessions.handler({ user: currentUser })
// #endregion endpoint

Bun.serve({
  hostname: '127.0.0.1',
  port: Number(Bun.env.PORT),
  routes: {
    '/api/quiltt/session': quilttSession,
    '/sign-in': { POST: signIn },
  },
  fetch: (request) =>
    new Response('quiltt-session on Bun', {
      status: new URL(request.url).pathname === '/' ? 200 : 404,
    }),
})
