// @ts-check
// The Auth API's answer is parsed, not trusted: a wrong authUrl, a proxy's error page or a
// broken upstream must not become a "token" handed to the browser.

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const PROFILE_ID = /^[A-Za-z0-9_-]{1,128}$/
/** Quiltt's tokens live 24 hours: nothing is cached, or told to the browser, for longer. */
const MAX_LIFETIME_MS = 24 * 60 * 60 * 1000

/**
 * The claims of a session token as SPEC §5 (and the browser SDK) accept it: a compact JWS whose
 * header has a real `alg` and whose payload has a numeric `exp`. Signatures are Quiltt's to check.
 * @param {string} token
 * @returns {{ exp: number, iat?: number } | undefined}
 */
export function tokenClaims(token) {
  if (token.length > 8192 || !JWS.test(token)) return undefined
  const [header, payload] = token.split('.').map(decodeSegment)
  const alg = header?.alg
  const exp = payload?.exp
  if (typeof alg !== 'string' || /^(none)?$/i.test(alg)) return undefined
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined
  const iat = payload?.iat
  return typeof iat === 'number' && Number.isFinite(iat) ? { exp, iat } : { exp }
}

/**
 * @param {string | undefined} segment
 * @returns {Record<string, unknown> | undefined}
 */
function decodeSegment(segment) {
  try {
    const value = JSON.parse(decodeBase64url(segment ?? ''))
    return typeof value === 'object' && value !== null ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * Base64url to text, on what every runtime has (Buffer is Node's: Workers have none). The caller
 * checked the alphabet; a malformed length throws, as malformed JSON does.
 * @param {string} segment
 */
function decodeBase64url(segment) {
  const binary = atob(segment.replaceAll('-', '+').replaceAll('_', '/'))
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
}

/**
 * Parses `201 { token, userId, environmentId, expiration, expiresAt }`. The expiry is the
 * earliest of the body's, the token's own `exp` and 24 hours from now: a body that states its
 * expiry in the wrong unit (or a far future) can never keep a token cached past its real end.
 * @param {unknown} body
 * @param {number} now epoch ms: a token that has already expired is refused
 * @param {number} [latest] epoch ms: the latest expiry believed
 * @returns {import('./index.js').Session | undefined}
 */
export function parseSession(body, now, latest = now + MAX_LIFETIME_MS) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const field = (/** @type {string} */ key) =>
    Object.hasOwn(body, key) ? /** @type {Record<string, unknown>} */ (body)[key] : undefined
  const token = field('token')
  const userId = field('userId')
  const expiration = field('expiration')
  const expiresAtText = field('expiresAt')
  const claims = typeof token === 'string' ? tokenClaims(token) : undefined
  if (typeof token !== 'string' || !claims) return undefined
  if (typeof userId !== 'string' || !PROFILE_ID.test(userId)) return undefined
  const stated =
    typeof expiration === 'number' && Number.isFinite(expiration)
      ? expiration * 1000
      : typeof expiresAtText === 'string'
        ? Date.parse(expiresAtText)
        : Number.NaN
  if (!Number.isFinite(stated)) return undefined
  const expiresAtMs = Math.min(stated, claims.exp * 1000, latest)
  if (!(expiresAtMs > now)) return undefined
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
      // Capped when it was written; whether it is still valid is the caller's question.
      Number.POSITIVE_INFINITY,
    )
    return session
  } catch {
    return undefined
  }
}

export { PROFILE_ID }
