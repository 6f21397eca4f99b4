// @ts-check
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import { findBank } from '../public/connector/banks.js'
import { recordAgent } from './agents.js'
import {
  ASSET_HEADERS,
  renderAppPage,
  renderAuthorizePage,
  renderCallbackPage,
  renderStatusPage,
  sendHtml,
} from './connector-pages.js'
import {
  bearerToken,
  isPlainObject,
  readJsonBody,
  sendError,
  sendJson,
  sendMethodNotAllowed,
  sendNotFound,
} from './http-util.js'
import { randomId } from './profiles.js'

/** @typedef {import('./context.js').SandboxContext} SandboxContext */
/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const PUBLIC_DIR = fileURLToPath(new URL('../public/connector', import.meta.url))
const OAUTH_STATE = /^[A-Za-z0-9_-]{8,128}$/
const SESSION_EXPIRED = {
  title: 'Session expired',
  message: 'Your session has expired. Please close this window and try again.',
}
const UNKNOWN_CONNECTION = {
  title: 'Connection not found',
  message: 'We could not find the connection you are trying to reconnect.',
}

/**
 * The Connector app of SPEC §4.1, served on `{connectorId}.localhost`.
 * @param {SandboxContext} ctx
 */
export function createConnectorApp(ctx) {
  const assets = sirv(PUBLIC_DIR, {
    etag: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(ASSET_HEADERS)) res.setHeader(name, value)
    },
  })

  /** @param {Req} req @param {Res} res @param {URL} url @param {string} connectorId */
  return async function handleConnector(req, res, url, connectorId) {
    const readOnly = req.method === 'GET' || req.method === 'HEAD'
    if (url.pathname === '/api/connections') {
      if (req.method !== 'POST') return sendMethodNotAllowed(res, ['POST'])
      return createConnection(ctx, req, res)
    }
    if (!readOnly) return sendMethodNotAllowed(res, ['GET', 'HEAD'])
    if (url.pathname === '/') return appPage(ctx, res, url, connectorId)
    if (url.pathname === '/oauth/authorize') {
      const state = url.searchParams.get('state') ?? ''
      if (!OAUTH_STATE.test(state)) return sendHtml(res, 400, renderStatusPage(400), 'oauth')
      const code = randomBytes(16).toString('base64url')
      return sendHtml(res, 200, renderAuthorizePage({ state, code }), 'oauth')
    }
    if (url.pathname === '/oauth/callback') return sendHtml(res, 200, renderCallbackPage(), 'oauth')
    assets(req, res, () => sendNotFound(res))
  }
}

/** @param {SandboxContext} ctx @param {Res} res @param {URL} url @param {string} connectorId */
async function appPage(ctx, res, url, connectorId) {
  ctx.stats.connectorPageRequests += 1
  recordAgent(ctx.stats.agents.connectorPages, url.searchParams.get('agent'))
  const fault = ctx.faults.forConnector(connectorId)
  if (fault.status) return sendHtml(res, fault.status, renderStatusPage(fault.status))
  const query = url.searchParams
  const base = {
    connectorId,
    mode: /^[A-Z_]{1,20}$/.test(query.get('mode') ?? '') ? query.get('mode') : 'INLINE',
    parentOrigin: originOf(query.get('embed_location')),
    appLauncherUrl: urlOrNull(query.get('app_launcher_url')),
    // As the real Connector: light, dark, or auto (the embedding browser's prefers-color-scheme).
    themeMode: /^(light|dark|auto)$/.test(query.get('theme_mode') ?? '')
      ? query.get('theme_mode')
      : null,
    suppressLoad: fault.suppressLoad === true,
    connectorSession: { id: randomId('cs') },
  }
  // The token is checked here, before any app code runs, as Quiltt's Connector does.
  const session = await ctx.tokens.verify(query.get('token'))
  const profile = session && ctx.profiles.get(session.userId)
  if (!session || !profile) {
    return sendHtml(res, 200, renderAppPage({ ...base, flow: 'error', error: SESSION_EXPIRED }))
  }
  const authed = { ...base, profileId: profile.id, token: session.token }
  const connectionId = query.get('connectionId')
  if (connectionId !== null) {
    const connection = profile.connections.get(connectionId)
    const bank = connection && findBank(connection.institutionId)
    if (!connection || !bank) {
      return sendHtml(
        res,
        200,
        renderAppPage({ ...authed, flow: 'error', error: UNKNOWN_CONNECTION }),
      )
    }
    const shown = { id: connection.id, institution: { id: bank.id, name: bank.name } }
    return sendHtml(res, 200, renderAppPage({ ...authed, flow: 'reconnect', connection: shown }))
  }
  const institution = (query.get('institution') ?? '').slice(0, 200) || null
  sendHtml(res, 200, renderAppPage({ ...authed, flow: 'connect', institution }))
}

/**
 * `POST /api/connections` from the Connector page: `{ institutionId, code? }` with the session
 * token as Bearer. Remembers the new Connection on the Profile.
 * @param {SandboxContext} ctx @param {Req} req @param {Res} res
 */
async function createConnection(ctx, req, res) {
  const session = await ctx.tokens.verify(bearerToken(req))
  const profile = session && ctx.profiles.get(session.userId)
  if (!profile) {
    return sendError(res, 401, 'Not Authenticated', 'Send a valid Session token as Bearer.')
  }
  const body = await readJsonBody(req)
  if (!body.ok) return sendError(res, body.status, body.message, body.instruction)
  const value = isPlainObject(body.value) ? body.value : {}
  const bank = findBank(value.institutionId)
  if (!bank) {
    return sendError(res, 422, 'Unprocessable Entity', 'Send a known `institutionId`.', {
      extra: { errors: { institutionId: 'is not a sandbox institution' } },
    })
  }
  if (bank.login === 'oauth' && (typeof value.code !== 'string' || !value.code)) {
    return sendError(res, 422, 'Unprocessable Entity', 'Send the OAuth `code`.', {
      extra: { errors: { code: 'is required for OAuth institutions' } },
    })
  }
  if (bank.fails) {
    return sendError(res, 502, `${bank.name} is unavailable`, 'Choose another institution.')
  }
  const connection = ctx.profiles.addConnection(profile, bank.id)
  sendJson(res, 201, { connectionId: connection.id, institution: { id: bank.id, name: bank.name } })
}

/** @param {string | null} value @returns {string | null} the http(s) origin of `value` */
function originOf(value) {
  const url = urlOrNull(value)
  if (!url) return null
  const { protocol, origin } = new URL(url)
  return (protocol === 'http:' || protocol === 'https:') && origin !== 'null' ? origin : null
}

/** @param {string | null} value @returns {string | null} */
function urlOrNull(value) {
  if (!value || value.length > 2048) return null
  try {
    return new URL(value).href
  } catch {
    return null
  }
}
