// @ts-check
import { handleAuthApi } from './auth-api.js'
import { createCdn } from './cdn.js'
import { createConnectorApp } from './connector-app.js'
import { handleControlApi } from './control-api.js'
import { sendError } from './http-util.js'

/** @typedef {import('./context.js').SandboxContext} SandboxContext */
/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const CONNECTOR_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Which app a request is for, from its `Host` header (one port serves them all).
 * @param {string | undefined} host
 * @returns {{ app: 'auth' } | { app: 'cdn' } | { app: 'connector', connectorId: string } | undefined}
 */
export function routeHost(host) {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(host ?? '')
  if (!match) return undefined
  const hostname = (match[1] ?? '').toLowerCase().replace(/\.$/, '')
  if (LOOPBACK.has(hostname)) return { app: 'auth' }
  if (hostname === 'cdn.localhost') return { app: 'cdn' }
  const label = hostname.endsWith('.localhost') ? hostname.slice(0, -'.localhost'.length) : ''
  return CONNECTOR_ID.test(label) ? { app: 'connector', connectorId: label } : undefined
}

/**
 * The request listener. It never throws: every failure becomes a JSON 500.
 * @param {SandboxContext} ctx
 */
export function createRouter(ctx) {
  const cdn = createCdn(ctx)
  const connector = createConnectorApp(ctx)

  /** @param {Req} req @param {Res} res */
  async function route(req, res) {
    const target = routeHost(req.headers.host)
    let url
    try {
      url = new URL(req.url ?? '/', 'http://sandbox.invalid')
    } catch {
      return sendError(res, 400, 'Bad Request', 'Send a valid request path.')
    }
    if (!target) {
      return sendError(
        res,
        404,
        'Unknown Host',
        'Use 127.0.0.1 (Auth API), cdn.localhost or {connectorId}.localhost.',
      )
    }
    if (target.app === 'cdn') return cdn(req, res, url)
    if (target.app === 'connector') return connector(req, res, url, target.connectorId)
    if (url.pathname.startsWith('/__sandbox/')) return handleControlApi(ctx, req, res, url)
    return handleAuthApi(ctx, req, res, url)
  }

  /** @param {Req} req @param {Res} res */
  return (req, res) => {
    route(req, res).catch((error) => {
      if (!res.headersSent) {
        sendError(res, 500, 'Internal Server Error', 'The sandbox hit a bug; see its console.')
      } else res.destroy()
      console.error('quiltt-sandbox: request failed', error)
    })
  }
}
