// The integrator's server: it alone holds the Quiltt API key secret, turns it into short-lived
// session tokens for the browser, and serves the demo pages with a strict security policy.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import { createAllowedHosts } from './lib/allowed-hosts.mjs'
import { createClientLimit } from './lib/client-limit.mjs'
import { createDemoSessions } from './lib/demo-sessions.mjs'
import { renderTemplate } from './lib/html.mjs'
import { resolveQuilttConfig } from './lib/quiltt-config.mjs'
import { isSameOrigin } from './lib/same-origin.mjs'
import { applySecurityHeaders, contentSecurityPolicy } from './lib/security-headers.mjs'
import { createSignIn, parseName } from './lib/sign-in.mjs'
import {
  connectorFrameSource,
  createNonce,
  strictContentSecurityPolicy,
} from './lib/strict-page.mjs'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const TOKEN_URL = '/api/quiltt/session'
const CONNECTION_ID = /^[A-Za-z0-9_-]{1,128}$/

/**
 * Starts the demo (and, without Quiltt credentials in `env`, an in-process quiltt-sandbox).
 * @param {{
 *   port?: number,
 *   host?: string,
 *   env?: Record<string, string | undefined>,
 *   sandbox?: Record<string, unknown>,
 *   clientLimit?: { limit: number, windowMs: number },
 *   now?: () => number,
 * }} [options] `sandbox` is passed to `startSandbox` (e.g. `{ tokenTtlSeconds, rateLimit }`);
 *   `clientLimit` is both the token endpoint's limit per signed-in user and the sign-in limit per
 *   client address (default 20 per 10 s); `now` is the session cache's clock (tests move it).
 *   `env.PUBLIC_URL`: the URL the demo is reached at when not on loopback (its host is served)
 * @returns {Promise<{
 *   url: string,
 *   mode: 'quiltt' | 'sandbox',
 *   connectorId: string,
 *   sandbox?: import('./lib/quiltt-config.mjs').QuilttConfig['sandbox'],
 *   store: 'memory' | 'redis',
 *   close(): Promise<void>,
 * }>}
 *
 * @example
 * const demo = await startDemo({ port: 0 })
 * console.log(demo.url) // http://localhost:54321
 * await demo.close()
 */
export async function startDemo({
  port = 3000,
  host = '127.0.0.1',
  env = process.env,
  sandbox: sandboxOptions,
  clientLimit = { limit: 20, windowMs: 10_000 },
  now,
} = {}) {
  // Checked first: a bad PUBLIC_URL stops the demo before a sandbox is started.
  const allowedHost = createAllowedHosts(env.PUBLIC_URL?.trim())
  const quiltt = await resolveQuilttConfig(env, sandboxOptions)
  const demoSessions = await createDemoSessions(quiltt, {
    redisUrl: env.REDIS_URL?.trim(),
    now,
  }).catch(async (error) => {
    await quiltt.sandbox?.close()
    throw error
  })
  const { sessions } = demoSessions
  const signIn = createSignIn()
  // Tokens are limited per signed-in user, so users behind one address (an office, a NAT) do not
  // share a limit; new names are limited per address, since each name can create a Profile.
  const tokenLimit = createClientLimit(clientLimit)
  const signInLimit = createClientLimit(clientLimit)
  /**
   * What quiltt-session issues tokens for: the signed-in name as Profile attributes. The first
   * token creates the Profile; quiltt-session keeps its ID in the store, so the same name always
   * gets the same Profile (and its Connections).
   * @param {import('node:http').IncomingMessage} req
   */
  const profileOf = (req) => {
    const name = signIn.userOf(req)
    return name ? { name } : undefined
  }
  const tokenEndpoint = sessions.nodeHandler({
    user: profileOf,
    onError: (error) => {
      if (error instanceof Error) console.error(`demo: ${TOKEN_URL}: ${error.message}`)
    },
  })
  const homeTemplate = readFileSync(here('./templates/home.html'), 'utf8')
  const csp = contentSecurityPolicy(quiltt)
  const plainTemplate = readFileSync(here('./templates/plain.html'), 'utf8')
  const strictTemplate = readFileSync(here('./templates/strict.html'), 'utf8')
  const strictFrameSrc = connectorFrameSource(quiltt)
  const publicFiles = sirv(here('./public'), { etag: true })
  // dev mode looks files up per request, so a rebuild while the demo runs is served at once.
  const sdkFiles = sirv(here('../packages/quiltt-embed/dist'), { dev: true, etag: true })
  const bundleFiles = sirv(here('./dist'), { dev: true, etag: true })

  /** Options the pages pass to the SDK: the Connector ID, and the sandbox's URLs in sandbox mode. */
  const pageConfig = {
    connectorId: quiltt.connectorId,
    ...(quiltt.connectorUrl ? { connectorUrl: quiltt.connectorUrl } : {}),
    ...(quiltt.scriptUrl ? { scriptUrl: quiltt.scriptUrl } : {}),
  }

  const api = {
    'GET /api/config': async (_req, res) => sendJson(res, 200, pageConfig),
    [`POST ${TOKEN_URL}`]: async (req, res) => {
      const name = signIn.userOf(req)
      const key = name ? `user:${name}` : `address:${req.socket.remoteAddress ?? 'unknown'}`
      const wait = tokenLimit.take(key)
      if (wait > 0) return tooMany(res, wait, 'session requests')
      return tokenEndpoint(req, res)
    },
    'POST /api/signin': async (req, res) => {
      const wait = signInLimit.take(req.socket.remoteAddress ?? 'unknown')
      if (wait > 0) return tooMany(res, wait, 'sign-ins')
      const name = parseName(await readForm(req))
      if (!name) {
        return sendJson(res, 400, {
          code: 'INVALID_NAME',
          message: 'A name is 1 to 40 letters, digits, spaces, dots, hyphens or apostrophes.',
        })
      }
      signIn.signIn(res, name)
      return redirectOrJson(req, res, { name })
    },
    // Revokes the user's cached token at Quiltt and signs out. The Profile is kept, so signing
    // in again with the same name finds the same Connections.
    'POST /api/signout': async (req, res) => {
      const user = profileOf(req)
      const { revoked } = user ? await sessions.revoke(user) : { revoked: false }
      signIn.signOut(res)
      return redirectOrJson(req, res, { revoked })
    },
  }

  /** @type {import('node:http').RequestListener} */
  async function handle(req, res) {
    applySecurityHeaders(res, csp)
    // Before anything else, DNS rebinding: a name the demo is not served under gets nothing.
    if (!allowedHost(req.headers.host)) {
      return sendJson(res, 403, {
        code: 'HOST_NOT_ALLOWED',
        message:
          'This demo answers only at localhost, 127.0.0.1, [::1] and the host of PUBLIC_URL.',
      })
    }
    const url = new URL(req.url ?? '/', 'http://demo.invalid')
    const { pathname } = url

    if (pathname.startsWith('/api/')) {
      res.setHeader('cache-control', 'no-store')
      const route = api[`${req.method} ${pathname}`]
      if (!route) {
        const allowed = Object.keys(api).filter((key) => key.endsWith(` ${pathname}`))
        if (allowed.length === 0) return sendJson(res, 404, { error: 'not_found' })
        res.setHeader('allow', allowed.map((key) => key.split(' ')[0]).join(', '))
        return sendJson(res, 405, { error: 'method_not_allowed' })
      }
      // Before any route runs or counts: a refused request must not fill the user's limit
      // (quiltt-session's handler checks the token endpoint again, by the same rule).
      if (req.method === 'POST' && !isSameOrigin(req)) {
        return sendJson(res, 403, {
          code: 'CROSS_SITE_REFUSED',
          message: 'Cross-site requests are refused: call the demo from its own pages.',
        })
      }
      return route(req, res)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      return sendJson(res, 405, { error: 'method_not_allowed' })
    }
    if (pathname === '/' || pathname === '/index.html') {
      const name = signIn.userOf(req)
      return sendHtml(
        res,
        renderTemplate(homeTemplate, {
          userName: name ?? '',
          signInForm: name ? { hidden: '' } : {},
          signOutForm: name ? {} : { hidden: '' },
        }),
      )
    }
    if (pathname === '/plain.html' || pathname === '/plain') {
      return sendHtml(res, renderPlain(url.searchParams.get('connection')))
    }
    if (pathname === '/strict.html' || pathname === '/strict') {
      // A fresh nonce per response; this page's policy replaces the default one.
      const nonce = createNonce()
      res.setHeader(
        'content-security-policy',
        strictContentSecurityPolicy({ nonce, frameSrc: strictFrameSrc }),
      )
      return sendHtml(
        res,
        renderTemplate(strictTemplate, {
          nonce,
          mode: quiltt.mode,
          connectorId: quiltt.connectorId,
        }),
      )
    }
    if (pathname.startsWith('/sdk/')) return serveUnder('/sdk', sdkFiles, req, res)
    if (pathname.startsWith('/dist/')) return serveUnder('/dist', bundleFiles, req, res)
    publicFiles(req, res, () => sendJson(res, 404, { error: 'not_found' }))
  }

  /** @param {string | null} connectionId from the query string: validated, then escaped */
  function renderPlain(connectionId) {
    // Where the token comes from and goes is the page author's call: it sits on the SDK's own
    // script tag. Markup only names what to open.
    const sdkScript = {
      'data-token-url': TOKEN_URL,
      'data-connector-ids': quiltt.connectorId,
      ...(quiltt.connectorUrl ? { 'data-connector-url': quiltt.connectorUrl } : {}),
      ...(quiltt.scriptUrl ? { 'data-script-url': quiltt.scriptUrl } : {}),
    }
    const reconnect = connectionId && CONNECTION_ID.test(connectionId) ? connectionId : undefined
    return renderTemplate(plainTemplate, {
      mode: quiltt.mode,
      connectorId: quiltt.connectorId,
      sdkScript,
      modalButton: { 'data-quiltt-button': quiltt.connectorId, 'data-quiltt-preload': 'hover' },
      scriptButton: { 'data-quiltt-button': quiltt.connectorId, 'data-quiltt-transport': 'script' },
      inlineContainer: { 'data-quiltt-container': quiltt.connectorId },
      reconnectSection: reconnect ? {} : { hidden: '' },
      reconnectButton: reconnect
        ? { 'data-quiltt-button': quiltt.connectorId, 'data-quiltt-connection': reconnect }
        : { disabled: '' },
      connectionId: reconnect ?? '',
    })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('demo: request failed', error)
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' })
      else res.destroy()
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port

  return {
    url: `http://localhost:${actualPort}`,
    mode: quiltt.mode,
    connectorId: quiltt.connectorId,
    sandbox: quiltt.sandbox,
    store: demoSessions.store,
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      })
      await demoSessions.close()
      await quiltt.sandbox?.close()
    },
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} wait seconds
 * @param {string} what
 */
function tooMany(res, wait, what) {
  res.setHeader('retry-after', String(wait))
  sendJson(res, 429, {
    code: 'TOO_MANY_REQUESTS',
    message: `Too many ${what} from this client. Try again in ${wait} s.`,
  })
}

/**
 * Reads the `name` field of a small form (or JSON) body; undefined when there is none.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>}
 */
async function readForm(req) {
  let body = ''
  for await (const chunk of req) {
    body += chunk
    if (body.length > 1024) return undefined
  }
  if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    try {
      const parsed = JSON.parse(body)
      return typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'name')
        ? parsed.name
        : undefined
    } catch {
      return undefined
    }
  }
  return new URLSearchParams(body).get('name') ?? undefined
}

/**
 * A form post (the home page) goes back to the home page; a fetch() gets JSON.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {unknown} body
 */
function redirectOrJson(req, res, body) {
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    res.writeHead(303, { location: '/' })
    res.end()
    return
  }
  sendJson(res, 200, body)
}

/**
 * Serves `handler`'s directory at `prefix` (sirv reads the path from `req.url`).
 * @param {string} prefix
 * @param {import('sirv').RequestHandler} handler
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function serveUnder(prefix, handler, req, res) {
  req.url = (req.url ?? '/').slice(prefix.length)
  handler(req, res, () => sendJson(res, 404, { error: 'not_found' }))
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} html
 */
function sendHtml(res, html) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(html)
}
