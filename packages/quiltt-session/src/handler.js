// @ts-check
// The session endpoint as a Fetch-standard handler: Next.js route handlers, Hono, Bun, Deno,
// Workers. Every answer is JSON; errors say `{ code, message }` and never hold a secret.
import { own } from './options.js'
import { normalizeOrigin, refuseCrossSite } from './request-origin.js'
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
 * @param {import('./index.js').HandlerOptions<any>} options
 * @param {() => void} requireSecret throws INVALID_OPTIONS while `apiKeySecret` is unset
 * @returns {(input: any) => Promise<Response>}
 */
export function createHandler(sessions, options, requireSecret) {
  const user = isObject(options) ? own(options, 'user') : undefined
  if (typeof user !== 'function') {
    throw new SessionError(
      'INVALID_OPTIONS',
      'handler: `user` must be a function (request) => ({ userId }) | attributes | undefined.',
    )
  }
  const allowOrigins = parseAllowOrigins(own(options, 'allowOrigins'))
  const onError = own(options, 'onError')
  const report = typeof onError === 'function' ? onError : () => undefined

  return async function handleSessionRequest(input) {
    const request = requestOf(input)
    if (request.method !== 'POST') {
      return json(405, error('METHOD_NOT_ALLOWED', 'Use POST.'), { allow: 'POST' })
    }
    const refusal = refuseCrossSite(request, allowOrigins)
    if (refusal) return json(403, error('CROSS_SITE_REFUSED', refusal))
    try {
      // Every request hears of a missing secret, signed in or not: it is the deployment's fault.
      requireSecret()
      // `user` gets what the framework passed (a Request, SvelteKit's RequestEvent, …), so it
      // can read the framework's own session (`event.locals`).
      const who = await user(input)
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

/**
 * Given, the only origins accepted (the Host check is not used); each is normalized as browsers
 * send `Origin`. An empty list would refuse every request, so it is a mistake, not a policy.
 * @param {unknown} value
 * @returns {ReadonlySet<string> | undefined}
 */
function parseAllowOrigins(value) {
  if (value === undefined) return undefined
  const origins = Array.isArray(value)
    ? value.map((origin) => (typeof origin === 'string' ? normalizeOrigin(origin) : undefined))
    : []
  if (origins.length === 0 || origins.includes(undefined)) {
    throw new SessionError(
      'INVALID_OPTIONS',
      'handler: `allowOrigins` must be a non-empty array of your app’s public origins, such as ' +
        "['https://app.example.com'] (scheme and host, no path), or left out.",
    )
  }
  return new Set(/** @type {string[]} */ (origins))
}

/**
 * The Fetch `Request` in what the framework passed: the request itself (Next.js, Hono, Bun,
 * Deno, Workers) or an object carrying it as `request` (SvelteKit's RequestEvent, Astro's
 * APIContext, SolidStart). Anything else is a wiring mistake, named as such rather than
 * answered with a misleading 405.
 * @param {unknown} input
 * @returns {Request}
 */
function requestOf(input) {
  if (isRequest(input)) return input
  const inner = isObject(input) ? /** @type {{ request?: unknown }} */ (input).request : undefined
  if (isRequest(inner)) return inner
  throw new SessionError(
    'INVALID_OPTIONS',
    `handler(): expected a Fetch Request or an object with a \`request\` property (such as ` +
      `SvelteKit's RequestEvent), got ${describe(input)}. For Node http or Express, use ` +
      'nodeHandler().',
  )
}

/** @param {unknown} value @returns {value is Request} */
function isRequest(value) {
  if (value instanceof Request) return true
  // Another realm's Request (or a framework's subclass built on its own fetch implementation).
  if (!isObject(value)) return false
  const candidate =
    /** @type {{ method?: unknown, url?: unknown, headers?: { get?: unknown } }} */ (value)
  return (
    typeof candidate.method === 'string' &&
    typeof candidate.url === 'string' &&
    typeof candidate.headers?.get === 'function'
  )
}

/**
 * What a wrong argument was, for the error message: its type or class, and for a plain object
 * its first few keys. Never a value (it could hold a cookie or a token).
 * @param {unknown} value
 */
function describe(value) {
  if (value === null) return 'null'
  if (typeof value !== 'object')
    return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`
  const name = Object.getPrototypeOf(value)?.constructor?.name
  if (typeof name === 'string' && name !== 'Object' && /^[\w$]{1,40}$/.test(name)) {
    return `an instance of ${name}`
  }
  const keys = Object.keys(value)
    .slice(0, 5)
    .map((key) => key.slice(0, 40))
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`
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
