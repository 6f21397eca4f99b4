// @ts-check
// The session endpoint as a Fetch-standard handler: Next.js route handlers, Hono, Bun, Deno,
// Workers. Every answer is JSON; errors say `{ code, message }` and never hold a secret.
import { own } from './options.js'
import { refuseCrossSite } from './request-origin.js'
import { SessionError } from './session-error.js'

/** HTTP status for each error code a browser may see. */
const STATUS = /** @type {const} */ ({
  RATE_LIMITED: 429,
  STORE_FAILED: 503,
  UPSTREAM_FAILED: 502,
  UNAUTHORIZED: 502,
  PROFILE_NOT_FOUND: 502,
  INVALID_USER: 502,
  INVALID_OPTIONS: 500,
})

/**
 * @param {import('./index.js').Sessions} sessions
 * @param {import('./index.js').HandlerOptions} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function createHandler(sessions, options) {
  const user = isObject(options) ? own(options, 'user') : undefined
  if (typeof user !== 'function') {
    throw new SessionError(
      'INVALID_OPTIONS',
      'handler: `user` must be a function (request) => ({ userId }) | attributes | undefined.',
    )
  }
  const allowed = own(options, 'allowOrigins') ?? []
  if (!Array.isArray(allowed) || !allowed.every((origin) => typeof origin === 'string')) {
    throw new SessionError(
      'INVALID_OPTIONS',
      'handler: `allowOrigins` must be an array of origins.',
    )
  }
  const allowOrigins = new Set(allowed)
  const onError = own(options, 'onError')
  const report = typeof onError === 'function' ? onError : () => undefined

  return async function handleSessionRequest(request) {
    if (request.method !== 'POST') {
      return json(405, error('METHOD_NOT_ALLOWED', 'Use POST.'), { allow: 'POST' })
    }
    const refusal = refuseCrossSite(request, allowOrigins)
    if (refusal) return json(403, error('CROSS_SITE_REFUSED', refusal))
    try {
      const who = await user(request)
      if (who === undefined || who === null || who === false) {
        return json(401, error('UNAUTHENTICATED', 'Sign in first: no user for this request.'))
      }
      const { token, expiresAt } = await sessions.issue(who)
      return json(200, { token, expiresAt })
    } catch (caught) {
      // A failing logger must not cost the user an answer (or crash the process).
      try {
        report(caught)
      } catch {}
      if (!(caught instanceof SessionError)) {
        return json(500, error('INTERNAL_ERROR', 'The session endpoint failed. Try again.'))
      }
      /** @type {Record<string, string>} */
      const headers = {}
      if (caught.code === 'RATE_LIMITED') headers['retry-after'] = String(caught.retryAfter ?? 60)
      return json(STATUS[caught.code] ?? 500, error(caught.code, caught.message), headers)
    }
  }
}

/** @param {string} code @param {string} message */
const error = (code, message) => ({ code, message })

/**
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  })
}

/** @param {unknown} value @returns {value is object} */
const isObject = (value) => typeof value === 'object' && value !== null
