// The integrator's server: it alone holds the Quiltt API key secret, turns it into short-lived
// session tokens for the browser, and serves the demo pages with a strict security policy.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import { demoUser } from './lib/demo-user.mjs'
import { renderTemplate } from './lib/html.mjs'
import { resolveQuilttConfig } from './lib/quiltt-config.mjs'
import { applySecurityHeaders, contentSecurityPolicy } from './lib/security-headers.mjs'
import { AuthApiError, createSessionStore } from './lib/session-store.mjs'
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
 * }} [options] `sandbox` is passed to `startSandbox` (e.g. `{ tokenTtlSeconds, rateLimit }`)
 * @returns {Promise<{
 *   url: string,
 *   mode: 'quiltt' | 'sandbox',
 *   connectorId: string,
 *   sandbox?: import('./lib/quiltt-config.mjs').QuilttConfig['sandbox'],
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
} = {}) {
  const quiltt = await resolveQuilttConfig(env, sandboxOptions)
  const sessions = createSessionStore({
    authUrl: quiltt.authUrl,
    apiKeySecret: quiltt.apiKeySecret,
  })
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
      try {
        const { token, expiresAt } = await sessions.sessionFor(demoUser(req, res))
        sendJson(res, 200, { token, expiresAt })
      } catch (error) {
        if (!(error instanceof AuthApiError)) throw error
        if (error.retryAfter) res.setHeader('retry-after', error.retryAfter)
        sendJson(res, error.code === 'rate_limited' ? 429 : 502, {
          error: error.code,
          message: error.message,
        })
      }
    },
    'POST /api/signout': async (req, res) => {
      sendJson(res, 200, await sessions.signOut(demoUser(req, res)))
    },
  }

  /** @type {import('node:http').RequestListener} */
  async function handle(req, res) {
    applySecurityHeaders(res, csp)
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
      if (req.method === 'POST' && !isSameOrigin(req)) {
        return sendJson(res, 403, { error: 'cross_origin_request' })
      }
      return route(req, res)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      return sendJson(res, 405, { error: 'method_not_allowed' })
    }
    if (pathname === '/plain.html' || pathname === '/plain') {
      demoUser(req, res)
      return sendHtml(res, renderPlain(url.searchParams.get('connection')))
    }
    if (pathname === '/strict.html' || pathname === '/strict') {
      demoUser(req, res)
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
    // Pages set the demo-user cookie early, so concurrent first token requests share one user.
    if (pathname === '/' || pathname.endsWith('.html')) demoUser(req, res)
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
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      })
      await quiltt.sandbox?.close()
    },
  }
}

/**
 * Browsers send `Origin` on POST: a cross-site page must not spend this user's session tokens.
 * @param {import('node:http').IncomingMessage} req
 */
function isSameOrigin(req) {
  const origin = req.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
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
