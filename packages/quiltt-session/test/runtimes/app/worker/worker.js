// quiltt-session on Cloudflare Workers (workerd), as `wrangler dev` or `wrangler deploy` runs it.
// The page uses quiltt-embed's script tag: its button asks /api/quiltt/session for the token.
// #region endpoint
import { env } from 'cloudflare:workers'
import { createSessions } from 'quiltt-session'
import { currentUser, signIn } from '../user.js'

// One per isolate: its memoryStore serves each user's token to the requests this isolate gets.
const sessions = createSessions({
  apiKeySecret: env.QUILTT_API_KEY_SECRET, // a secret: `wrangler secret put QUILTT_API_KEY_SECRET`
  authUrl: env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
// POST /api/quiltt/session → { token, expiresAt } for the signed-in user (401 when signed out).
const quilttSession = sessions.handler({ user: currentUser })

export default {
  /** @param {Request} request */
  async fetch(request) {
    const { pathname } = new URL(request.url)
    if (pathname === '/api/quiltt/session') return quilttSession(request)
    return site(request, pathname)
  },
}
// #endregion endpoint

/** The rest of this small app: its sign-in and its page. @param {Request} request @param {string} pathname */
function site(request, pathname) {
  if (pathname === '/sign-in' && request.method === 'POST') return signIn(request)
  if (pathname === '/') return page(currentUser(request) !== undefined)
  return new Response('Not found', { status: 404 })
}

/** Values come from the Worker's own configuration, and are escaped all the same. */
const escapeHtml = (/** @type {unknown} */ value) =>
  String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** @param {boolean} signedIn */
function page(signedIn) {
  const sandbox = env.QUILTT_CONNECTOR_URL
    ? ` data-connector-url="${escapeHtml(env.QUILTT_CONNECTOR_URL)}"`
    : ''
  const action = signedIn
    ? `<button type="button" data-quiltt-button="${escapeHtml(env.QUILTT_CONNECTOR_ID)}">Connect your bank</button>`
    : '<form method="post" action="/sign-in"><button>Sign in</button></form>'
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Quiltt on Cloudflare Workers</title>
    <link rel="icon" href="data:," />
    <script src="/app.js" defer></script>
    <script src="/quiltt-embed.min.js" data-token-url="/api/quiltt/session"${sandbox} defer></script>
  </head>
  <body>
    <main>
      <h1>Quiltt on Cloudflare Workers</h1>
      ${action}
      <ul aria-label="Connections" id="connections"></ul>
    </main>
  </body>
</html>
`
  return new Response(html, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })
}
