// quiltt-session on Deno: `deno run --allow-net --allow-env --allow-read server.js`.
import { createSessions } from 'quiltt-session'
import { currentUser, signIn } from '../user.js'

const sessions = createSessions({
  apiKeySecret: Deno.env.get('QUILTT_API_KEY_SECRET'),
  authUrl: Deno.env.get('QUILTT_AUTH_URL'), // unset: Quiltt itself; a quiltt-sandbox for development
})
// POST /api/quiltt/session → { token, expiresAt } for the signed-in user (401 when signed out).
const quilttSession = sessions.handler({ user: currentUser })

Deno.serve({ hostname: '127.0.0.1', port: Number(Deno.env.get('PORT') ?? 8000) }, (request) => {
  const { pathname } = new URL(request.url)
  if (pathname === '/api/quiltt/session') return quilttSession(request)
  if (pathname === '/sign-in' && request.method === 'POST') return signIn(request)
  return new Response('quiltt-session on Deno', { status: pathname === '/' ? 200 : 404 })
})
