// Serves the built Angular app (dist/quiltt-example/browser) and its API. The server alone holds
// the Quiltt API key secret; the page gets a session token from POST /api/quiltt/session.
import { randomUUID } from 'node:crypto'
import express from 'express'
import { createSessions } from 'quiltt-session'

const COOKIE = 'example_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// The smallest sign-in that is not exploitable: a random ID the server keeps in an httpOnly
// cookie, so a request body can never choose whose token it gets. Use your own sessions.
function userIdOf(req) {
  const cookies = new URLSearchParams((req.headers.cookie ?? '').replaceAll('; ', '&'))
  const id = cookies.get(COOKIE)
  return id && UUID.test(id) ? id : undefined
}

// The default memoryStore suits one process; use redisStore when several serve the app.
const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})

const app = express()
// #region endpoint
app.post(
  '/api/quiltt/session',
  sessions.nodeHandler({
    user: (req) => {
      const id = userIdOf(req)
      // `uuid` is your own ID for the Profile: Quiltt creates the Profile once, then reuses it.
      return id ? { uuid: id } : undefined
    },
  }),
)
// #endregion endpoint
// A form on another site can post here too (a top-level navigation, so the Lax cookie is set)
// and silently sign the visitor in as another user (login CSRF): refuse what is not from this
// app's own pages (Sec-Fetch-Site; Origin in older browsers).
function fromThisSite(headers) {
  if (headers['sec-fetch-site']) return headers['sec-fetch-site'] === 'same-origin'
  if (!headers.origin) return true
  try {
    return new URL(headers.origin).host === headers.host
  } catch {
    return false
  }
}
app.post('/sign-in', (req, res) => {
  if (!fromThisSite(req.headers)) return res.status(403).send('Sign in from this site.')
  res.cookie(COOKIE, randomUUID(), { httpOnly: true, sameSite: 'lax', path: '/' })
  res.redirect(303, '/')
})
// What the page needs to know; connectorUrl only for a quiltt-sandbox.
app.get('/api/app', (req, res) => {
  res.json({
    signedIn: userIdOf(req) !== undefined,
    connectorId: process.env.QUILTT_CONNECTOR_ID ?? 'your-connector-id',
    connectorUrl: process.env.QUILTT_CONNECTOR_URL,
  })
})
app.use(express.static('dist/quiltt-example/browser'))

const port = Number(process.env.PORT ?? 3000)
app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`Listening on http://localhost:${port}`)
})
