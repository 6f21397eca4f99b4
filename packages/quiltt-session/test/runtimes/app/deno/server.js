// quiltt-session on Deno: `deno run --allow-net --allow-env server.js`, with the package from npm.
import { createSessions } from 'quiltt-session'
import { currentUser, signIn } from '../user.js'

// #region endpoint
const sessions = createSessions({
  apiKeySecret: Deno.env.get('QUILTT_API_KEY_SECRET'),
  authUrl: Deno.env.get('QUILTT_AUTH_URL'), // unset: Quiltt itself; a quiltt-sandbox for development
})
const quilttSession = sessions.handler({ user: currentUser })
// #endregion endpoint

Deno.serve({ hostname: '127.0.0.1', port: Number(Deno.env.get('PORT')) }, (request) => {
  const { pathname } = new URL(request.url)
  if (pathname === '/api/quiltt/session') return quilttSession(request)
  if (pathname === '/sign-in' && request.method === 'POST') return signIn(request)
  return new Response('quiltt-session on Deno', { status: pathname === '/' ? 200 : 404 })
})
