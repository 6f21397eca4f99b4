// @ts-check
// The Auth API's answer is parsed, not trusted: a wrong authUrl, a proxy's error page or a
// broken upstream must not become a "token" handed to the browser.

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const PROFILE_ID = /^[A-Za-z0-9_-]{1,128}$/

/**
 * Parses `201 { token, userId, environmentId, expiration, expiresAt }`.
 * @param {unknown} body
 * @param {number} now epoch ms: a token that has already expired is refused
 * @returns {import('./index.js').Session | undefined}
 */
export function parseSession(body, now) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const field = (/** @type {string} */ key) =>
    Object.hasOwn(body, key) ? /** @type {Record<string, unknown>} */ (body)[key] : undefined
  const token = field('token')
  const userId = field('userId')
  const expiration = field('expiration')
  const expiresAtText = field('expiresAt')
  if (typeof token !== 'string' || token.length > 8192 || !JWS.test(token)) return undefined
  if (typeof userId !== 'string' || !PROFILE_ID.test(userId)) return undefined
  const expiresAtMs =
    typeof expiration === 'number' && Number.isFinite(expiration)
      ? expiration * 1000
      : typeof expiresAtText === 'string'
        ? Date.parse(expiresAtText)
        : Number.NaN
  if (!Number.isFinite(expiresAtMs) || expiresAtMs <= now) return undefined
  return { token, userId, expiresAt: new Date(expiresAtMs).toISOString() }
}

/**
 * Reads a session back from the store (written by this package, but the store is shared
 * infrastructure: parse it like any other input).
 * @param {string | undefined} text
 * @returns {import('./index.js').Session | undefined}
 */
export function parseStored(text) {
  if (text === undefined) return undefined
  try {
    const value = JSON.parse(text)
    const session = parseSession(
      { token: value?.token, userId: value?.userId, expiresAt: value?.expiresAt },
      0,
    )
    return session
  } catch {
    return undefined
  }
}

export { PROFILE_ID }
