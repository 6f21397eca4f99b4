// Issues, caches and revokes each demo user's Quiltt session token. The API key secret is used
// here and only here: it goes into the Authorization header of requests to the Auth API.

/** A cached token is refreshed once it is this close to expiry. */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000

/** An Auth API failure, mapped to what the demo's browser endpoint answers. */
export class AuthApiError extends Error {
  /**
   * @param {'rate_limited' | 'upstream_error'} code
   * @param {string} message safe to show in the page (never includes a token or the secret)
   * @param {{ status?: number, retryAfter?: string | null, cause?: unknown }} [details]
   */
  constructor(code, message, details = {}) {
    super(message, { cause: details.cause })
    this.name = 'AuthApiError'
    this.code = code
    this.status = details.status
    this.retryAfter = details.retryAfter ?? null
  }
}

/**
 * @typedef {{ token: string, profileId: string, expiresAt: string, expiresAtMs: number }} Session
 * @typedef {{ profileId?: string, session?: Session, pending?: Promise<Session> }} UserRecord
 */

/**
 * @param {{
 *   authUrl: string,
 *   apiKeySecret: string,
 *   fetch?: typeof globalThis.fetch,
 *   now?: () => number,
 *   maxUsers?: number,
 * }} options
 */
export function createSessionStore({
  authUrl,
  apiKeySecret,
  fetch = globalThis.fetch,
  now = Date.now,
  maxUsers = 1000,
}) {
  /** @type {Map<string, UserRecord>} */
  const users = new Map()

  /** @param {string} demoUserId */
  function recordFor(demoUserId) {
    let record = users.get(demoUserId)
    if (!record) {
      record = {}
      users.set(demoUserId, record)
      // Anyone who loads the page becomes a demo user: keep memory bounded (oldest first).
      if (users.size > maxUsers) users.delete(users.keys().next().value)
    }
    return record
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {string} bearer
   * @param {unknown} [body]
   */
  function callAuthApi(method, path, bearer, body) {
    return fetch(new URL(path, authUrl), {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A redirect must never carry the Authorization header somewhere else.
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    })
  }

  /**
   * @param {string} demoUserId
   * @param {UserRecord} record
   * @returns {Promise<Session>}
   */
  async function requestSession(demoUserId, record) {
    // The first session creates the user's Profile; later ones reuse it, so Connections persist.
    const body = record.profileId
      ? { userId: record.profileId }
      : { email: `demo+${demoUserId}@example.com` }
    let response
    try {
      response = await callAuthApi('POST', '/v1/users/sessions', apiKeySecret, body)
    } catch (cause) {
      throw new AuthApiError('upstream_error', 'The Quiltt Auth API could not be reached.', {
        cause,
      })
    }
    if (response.status === 429) {
      await response.body?.cancel()
      throw new AuthApiError(
        'rate_limited',
        'Quiltt’s session rate limit for this Profile was reached (10 per hour, 20 per day). ' +
          'Try again later.',
        { status: 429, retryAfter: response.headers.get('retry-after') },
      )
    }
    if (response.status !== 201 && response.status !== 200) {
      await response.body?.cancel()
      throw new AuthApiError(
        'upstream_error',
        `The Quiltt Auth API answered ${response.status} when asked for a session token.`,
        { status: response.status },
      )
    }
    const session = parseSession(await response.json().catch(() => undefined))
    if (!session) {
      throw new AuthApiError(
        'upstream_error',
        'The Quiltt Auth API answered without a usable { token, userId, expiration } body.',
      )
    }
    record.profileId = session.profileId
    record.session = session
    return session
  }

  return {
    /**
     * The user's session token: the cached one while it has more than 5 minutes left, otherwise a
     * new one. Concurrent calls for one user share a single Auth API request.
     * @param {string} demoUserId
     * @returns {Promise<Session>}
     */
    async sessionFor(demoUserId) {
      const record = recordFor(demoUserId)
      if (record.session && record.session.expiresAtMs - now() > REFRESH_WINDOW_MS) {
        return record.session
      }
      record.pending ??= requestSession(demoUserId, record).finally(() => {
        record.pending = undefined
      })
      return record.pending
    },

    /**
     * Revokes the user's cached token and forgets it. The Profile is kept, so signing in again
     * finds the same Connections.
     * @param {string} demoUserId
     * @returns {Promise<{ revoked: boolean }>}
     */
    async signOut(demoUserId) {
      const record = users.get(demoUserId)
      if (!record) return { revoked: false }
      // A token being issued right now must not survive the sign-out.
      await record.pending?.catch(() => undefined)
      const session = record.session
      record.session = undefined
      if (!session) return { revoked: false }
      try {
        const response = await callAuthApi('DELETE', '/v1/users/session', session.token)
        await response.body?.cancel()
        return { revoked: response.status === 204 || response.status === 200 }
      } catch {
        return { revoked: false }
      }
    },
  }
}

/**
 * Parses the Auth API's `201 { token, userId, environmentId, expiration, expiresAt }`.
 * @param {unknown} body
 * @returns {Session | undefined}
 */
export function parseSession(body) {
  if (typeof body !== 'object' || body === null) return undefined
  const { token, userId, expiration, expiresAt } = /** @type {Record<string, unknown>} */ (body)
  if (typeof token !== 'string' || token === '' || typeof userId !== 'string' || userId === '') {
    return undefined
  }
  const expiresAtMs =
    typeof expiration === 'number' && Number.isFinite(expiration)
      ? expiration * 1000
      : typeof expiresAt === 'string'
        ? Date.parse(expiresAt)
        : Number.NaN
  if (!Number.isFinite(expiresAtMs)) return undefined
  return {
    token,
    profileId: userId,
    expiresAt: typeof expiresAt === 'string' ? expiresAt : new Date(expiresAtMs).toISOString(),
    expiresAtMs,
  }
}
