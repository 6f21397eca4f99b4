// quiltt-session on Bun: `bun run server.js`.
import { createSessions } from 'quiltt-session'
import { currentUser, signIn } from '../user.js'

const sessions = createSessions({
  apiKeySecret: Bun.env.QUILTT_API_KEY_SECRET,
  authUrl: Bun.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
// POST /api/quiltt/session → { token, expiresAt } for the signed-in user (401 when signed out).
const quilttSession = sessions.handler({ user: currentUser })

Bun.serve({
  hostname: '127.0.0.1',
  port: Number(Bun.env.PORT ?? 3000),
  routes: {
    '/api/quiltt/session': quilttSession,
    '/sign-in': { POST: signIn },
  },
  fetch: (request) =>
    new Response('quiltt-session on Bun', {
      status: new URL(request.url).pathname === '/' ? 200 : 404,
    }),
})
