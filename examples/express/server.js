// Express serving a plain HTML page that uses the quiltt-embed script tag. The server alone holds
// the Quiltt API key secret; the page gets a session token from POST /api/quiltt/session.
import { createRequire } from 'node:module'
import express from 'express'
import { renderPage } from './page.js'
import { sessions } from './sessions.js'
import { signIn, user } from './sign-in.js'

const require = createRequire(import.meta.url)
const app = express()

// #region endpoint
app.post('/api/quiltt/session', sessions.nodeHandler({ user }))
// #endregion endpoint

app.post('/sign-in', signIn)
// The SDK's IIFE as published; in production, pin a version on a CDN with its integrity hash.
app.get('/quiltt-embed.min.js', (_req, res) => {
  res.sendFile(require.resolve('quiltt-embed/quiltt-embed.min.js'))
})
app.use(express.static('public'))
app.get('/', (req, res) => {
  res.type('html').send(
    renderPage({
      signedIn: user(req) !== undefined,
      connectorId: process.env.QUILTT_CONNECTOR_ID ?? 'your-connector-id',
      connectorUrl: process.env.QUILTT_CONNECTOR_URL,
    }),
  )
})

const port = Number(process.env.PORT ?? 3000)
app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`Listening on http://localhost:${port}`)
})
