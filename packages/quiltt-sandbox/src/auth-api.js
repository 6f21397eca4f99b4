// @ts-check
import { recordAgent } from './agents.js'
import {
  bearerToken,
  readJsonBody,
  safeEqual,
  sendError,
  sendJson,
  sendMethodNotAllowed,
  sendNotFound,
} from './http-util.js'
import { parseSessionRequest } from './profiles.js'

/** @typedef {import('./context.js').SandboxContext} SandboxContext */
/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const NEED_SECRET = 'Send your API key secret as `Authorization: Bearer <API_KEY_SECRET>`.'
const NEED_SESSION = 'Send a valid, unexpired Session token as `Authorization: Bearer <token>`.'

/**
 * True when the request carries the sandbox API secret; otherwise answers 401.
 * @param {SandboxContext} ctx @param {Req} req @param {Res} res
 */
export function requireSecret(ctx, req, res) {
  const credential = bearerToken(req)
  if (credential !== undefined && safeEqual(credential, ctx.config.apiKeySecret)) return true
  sendError(res, 401, 'Not Authenticated', NEED_SECRET, {
    headers: { 'WWW-Authenticate': 'Bearer realm="quiltt-sandbox"' },
  })
  return false
}

/**
 * The Auth API of SPEC §4.3, served on the loopback address.
 * @param {SandboxContext} ctx @param {Req} req @param {Res} res @param {URL} url
 */
export async function handleAuthApi(ctx, req, res, url) {
  if (url.pathname === '/v1/users/sessions' || url.pathname === '/v1/users/session')
    recordAgent(ctx.stats.agents.authApi, req.headers['quiltt-sdk-agent'])
  if (url.pathname === '/v1/users/sessions') {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, ['POST'])
    return issueSession(ctx, req, res)
  }
  if (url.pathname === '/v1/users/session') {
    if (req.method === 'GET') return showSession(ctx, req, res)
    if (req.method === 'DELETE') return revokeSession(ctx, req, res)
    return sendMethodNotAllowed(res, ['GET', 'DELETE'])
  }
  sendNotFound(res)
}

/** @param {SandboxContext} ctx @param {Req} req @param {Res} res */
async function issueSession(ctx, req, res) {
  if (!requireSecret(ctx, req, res)) return
  const body = await readJsonBody(req)
  if (!body.ok) return sendError(res, body.status, body.message, body.instruction)
  const parsed = parseSessionRequest(body.value)
  if (!parsed.ok) {
    return sendError(res, 422, 'Unprocessable Entity', 'Fix the listed Profile attributes.', {
      extra: { errors: parsed.errors },
    })
  }
  const { profiles, limiter, tokens, stats } = ctx
  let profile
  if (parsed.userId !== undefined) {
    profile = profiles.get(parsed.userId)
    if (!profile) {
      return sendError(
        res,
        404,
        'Profile Not Found',
        'Send the `userId` of an existing Profile, or omit it to create one.',
      )
    }
  } else {
    profile = profiles.create(parsed.attributes)
    if (!profile) {
      return sendError(
        res,
        422,
        'Unprocessable Entity',
        'That uuid is taken; send it as `userId`.',
        {
          extra: { errors: { uuid: 'already belongs to a Profile' } },
        },
      )
    }
  }
  const wait = limiter.retryAfter(profile.id)
  if (wait > 0) {
    return sendError(
      res,
      429,
      'Too Many Requests',
      `This Profile reached its Session token limit (${ctx.config.rateLimit.perHour}/hour, ${ctx.config.rateLimit.perDay}/day). Reuse or revoke existing tokens; retry in ${wait} seconds.`,
      {
        headers: { 'Retry-After': String(wait) },
      },
    )
  }
  if (parsed.userId !== undefined) profiles.update(profile, parsed.attributes)
  const slot = limiter.record(profile.id)
  const session = await tokens.issue(profile.id)
  slot.jti = session.id
  stats.sessionsIssued += 1
  const { token, userId, environmentId, expiration, expiresAt } = session
  sendJson(res, 201, { token, userId, environmentId, expiration, expiresAt })
}

/** @param {SandboxContext} ctx @param {Req} req @param {Res} res */
async function authenticateSession(ctx, req, res) {
  const session = await ctx.tokens.verify(bearerToken(req))
  if (!session) {
    sendError(res, 401, 'Not Authenticated', NEED_SESSION, {
      headers: { 'WWW-Authenticate': 'Bearer realm="quiltt-sandbox", error="invalid_token"' },
    })
  }
  return session
}

/** @param {SandboxContext} ctx @param {Req} req @param {Res} res */
async function showSession(ctx, req, res) {
  const session = await authenticateSession(ctx, req, res)
  if (session) sendJson(res, 200, session)
}

/** @param {SandboxContext} ctx @param {Req} req @param {Res} res */
async function revokeSession(ctx, req, res) {
  const session = await authenticateSession(ctx, req, res)
  if (!session) return
  ctx.tokens.revoke(session)
  ctx.limiter.release(session.userId, session.id)
  ctx.stats.sessionsRevoked += 1
  sendJson(res, 204)
}
