// @ts-check
// Quiltt's Auth API: the only place the API key secret is used, in one Authorization header.
import { parseSession } from './parse-session.js'
import { SessionError } from './session-error.js'

/** @typedef {import('./index.js').Session} Session */

/**
 * @param {{ authUrl: URL, apiKeySecret: string | undefined, fetch: typeof globalThis.fetch, timeout: number, now: () => number }} config
 */
export function createAuthApi({ authUrl, apiKeySecret, fetch, timeout, now }) {
  /**
   * @param {string} method
   * @param {string} bearer
   * @param {unknown} [body]
   */
  async function send(method, bearer, body) {
    const path = method === 'POST' ? '/v1/users/sessions' : '/v1/users/session'
    /** @type {Request} */
    let request
    // Built apart from sending: an option or header this runtime refuses is named as such, not
    // reported as an unreachable Auth API.
    try {
      request = new Request(new URL(path, authUrl), {
        method,
        headers: headersFor(bearer, body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        // Not followed: a redirect must never carry the Authorization header to another host.
        // 'manual' rather than 'error', which workerd refuses; the answer is checked below.
        redirect: 'manual',
        // Twice `timeout`: createSessions answers its caller after `timeout`, but keeps waiting
        // for a late answer (Quiltt may have minted the token) before it lets anyone ask again.
        signal: AbortSignal.timeout(2 * timeout),
      })
    } catch (cause) {
      throw new SessionError(
        'UPSTREAM_FAILED',
        `This runtime's fetch refused to build the Auth API request (${describeError(cause)}), ` +
          `so nothing was sent to ${authUrl.origin}. Check that the runtime supports the Fetch ` +
          'standard (Request with redirect and signal).',
        { cause: safeCause(cause) },
      )
    }
    /** @type {Response} */
    let response
    try {
      response = await fetch(request)
    } catch (cause) {
      throw new SessionError(
        'UPSTREAM_FAILED',
        `The Quiltt Auth API at ${authUrl.origin} could not be reached ` +
          `(${isTimeout(cause) ? 'timed out' : describeError(cause)}). ` +
          'Try again; if it persists, check the network and `authUrl`.',
        { cause: safeCause(cause) },
      )
    }
    // A browser-like fetch reports a redirect as an opaque response with status 0; the others
    // hand over the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel()
      throw new SessionError(
        'UPSTREAM_FAILED',
        `The Quiltt Auth API at ${authUrl.origin} answered with a redirect` +
          `${response.status ? ` (HTTP ${response.status})` : ''}, which is not followed: the API ` +
          'key secret is sent to `authUrl` only. Set `authUrl` to the Auth API itself ' +
          '(https://auth.quiltt.io, or a quiltt-sandbox), not to an address that redirects.',
        { status: response.status || undefined },
      )
    }
    return response
  }

  return {
    /**
     * `POST /v1/users/sessions` with `{ userId }` or Profile attributes.
     * @param {Record<string, unknown>} body
     * @returns {Promise<Session>}
     */
    async issue(body) {
      const response = await send('POST', String(apiKeySecret), body)
      if (response.status !== 201 && response.status !== 200) {
        await response.body?.cancel()
        throw refusal(response)
      }
      const session = parseSession(await response.json().catch(() => undefined), now())
      if (!session) {
        throw new SessionError(
          'UPSTREAM_FAILED',
          'The Quiltt Auth API answered without a usable { token, userId, expiration } body ' +
            '(or with a token that has already expired). Check `authUrl`.',
          { status: response.status },
        )
      }
      return session
    },

    /**
     * `DELETE /v1/users/session` with the session token as Bearer.
     * @param {string} token
     * @returns {Promise<boolean>} whether Quiltt revoked it (false: it was already invalid)
     */
    async revoke(token) {
      const response = await send('DELETE', token)
      await response.body?.cancel()
      if (response.status === 204 || response.status === 200) return true
      if (response.status === 401) return false
      throw refusal(response)
    },
  }
}

/**
 * Maps an Auth API refusal to a typed error. The response body is not copied into the message:
 * it is Quiltt's text, and nothing from upstream is echoed.
 * @param {Response} response
 */
function refusal(response) {
  const { status } = response
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
    return new SessionError(
      'RATE_LIMITED',
      `Quiltt’s session token limit for this Profile was reached (10 per hour, 20 per day); a ` +
        `new token is allowed in ${retryAfter} s. Serve the cached token until then.`,
      { status, retryAfter },
    )
  }
  if (status === 401 || status === 403) {
    return new SessionError(
      'UNAUTHORIZED',
      `The Quiltt Auth API refused the API key secret (HTTP ${status}). Check that ` +
        '`apiKeySecret` is the current secret of this environment.',
      { status },
    )
  }
  if (status === 404) {
    return new SessionError(
      'PROFILE_NOT_FOUND',
      'The Quiltt Auth API knows no Profile with this userId (HTTP 404). Pass the Profile ID ' +
        'Quiltt returned when the Profile was created.',
      { status },
    )
  }
  if (status === 400 || status === 422) {
    return new SessionError(
      'INVALID_USER',
      `The Quiltt Auth API refused the Profile attributes (HTTP ${status}). Check their names ` +
        'and types against Quiltt’s Profile fields.',
      { status },
    )
  }
  return new SessionError(
    'UPSTREAM_FAILED',
    `The Quiltt Auth API answered HTTP ${status}. Try again later.`,
    { status },
  )
}

/**
 * @param {string | null} header seconds or an HTTP date; anything else means one minute. Kept
 *   between 1 s and Quiltt's longest window (a day): a wild value must not hold a user off for
 *   years, and 0 must not make clients retry in a loop.
 */
function parseRetryAfter(header) {
  const text = header?.trim() ?? ''
  const date = Date.parse(text)
  const seconds = /^\d{1,9}$/.test(text)
    ? Number(text)
    : Number.isFinite(date)
      ? Math.ceil((date - Date.now()) / 1000)
      : 60
  return Math.min(Math.max(seconds, 1), 24 * 60 * 60)
}

/**
 * The headers of every Auth API call. The secret (or a session token) goes in Authorization and
 * nowhere else.
 * @param {string} bearer
 * @param {boolean} hasBody
 */
function headersFor(bearer, hasBody) {
  /** @type {Record<string, string>} */
  const headers = { authorization: `Bearer ${bearer}`, accept: 'application/json' }
  if (hasBody) headers['content-type'] = 'application/json'
  return headers
}

/** @param {unknown} error */
const isTimeout = (error) => error instanceof Error && error.name === 'TimeoutError'

/** Names and codes are identifiers; anything else in them is not shown. */
const IDENTIFIER = /^[A-Za-z][\w-]{0,63}$/

/**
 * What failed, for a message and a `cause`: the error's name and code (Node puts the code on the
 * error's own cause), never its message. A runtime's message may quote a header value, and so the
 * secret: "Headers.append: \"Bearer sk_…\" is an invalid header value".
 * @param {unknown} error
 * @returns {{ name: string, code?: string }}
 */
function safeCause(error) {
  const record = /** @type {{ name?: unknown, code?: unknown, cause?: { code?: unknown } }} */ (
    typeof error === 'object' && error !== null ? error : {}
  )
  const name =
    typeof record.name === 'string' && IDENTIFIER.test(record.name) ? record.name : 'Error'
  const code = [record.code, record.cause?.code].find(
    (value) => typeof value === 'string' && IDENTIFIER.test(value),
  )
  return code === undefined ? { name } : { name, code: /** @type {string} */ (code) }
}

/** @param {unknown} error */
function describeError(error) {
  const { name, code } = safeCause(error)
  return code === undefined ? name : `${name}, ${code}`
}
