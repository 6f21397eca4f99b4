// @ts-check
import { randomBytes, randomUUID } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'

// Same values as the tokens Quiltt's Auth API issues, so decoded sandbox tokens look familiar.
export const ISSUER = 'auth.quiltt.io'
export const AUDIENCE = 'api.quiltt.io'
export const TOKEN_VERSION = 2
const MAX_TOKEN_LENGTH = 8 * 1024

/**
 * @typedef {object} Session
 * @property {string} id the token's `jti`
 * @property {string} token
 * @property {string} userId the Profile ID (`uid` claim)
 * @property {string} environmentId the `eid` claim
 * @property {number} expiration unix seconds
 * @property {string} expiresAt ISO 8601
 */

/**
 * Issues and verifies HS512 session tokens. The signing key is random per sandbox, never the
 * API secret: a leaked token must not help anyone guess the secret.
 * @param {{ ttlSeconds: number, environmentId: string, deploymentId: string, now: () => number }} config
 */
export function createTokenService({ ttlSeconds, environmentId, deploymentId, now }) {
  const key = randomBytes(64)
  /** jti → exp (unix seconds), so the set can be pruned once tokens would have expired anyway */
  const revoked = new Map()

  /**
   * @param {string} profileId
   * @returns {Promise<Session>}
   */
  async function issue(profileId) {
    const iat = Math.floor(now() / 1000)
    const exp = iat + ttlSeconds
    const jti = randomUUID()
    // Claim names follow Quiltt's tokens: `uid` is the Profile ID, `eid` the Environment.
    const claims = { ver: TOKEN_VERSION, did: deploymentId, eid: environmentId, uid: profileId }
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS512' })
      .setNotBefore(iat)
      .setIssuedAt(iat)
      .setJti(jti)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(exp)
      .sign(key)
    return sessionOf(token, jti, profileId, exp)
  }

  /**
   * Checks signature, algorithm, issuer, audience, `exp`, `nbf` and revocation.
   * @param {unknown} token
   * @returns {Promise<Session | undefined>}
   */
  async function verify(token) {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS512'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'nbf', 'iat', 'jti', 'uid'],
      })
      const { jti, uid, exp } = payload
      if (typeof jti !== 'string' || typeof uid !== 'string' || typeof exp !== 'number') return
      if (revoked.has(jti)) return undefined
      return sessionOf(token, jti, uid, exp)
    } catch {
      return undefined
    }
  }

  /** @param {Session} session */
  function revoke(session) {
    const nowSeconds = Math.floor(now() / 1000)
    for (const [jti, exp] of revoked) if (exp <= nowSeconds) revoked.delete(jti)
    revoked.set(session.id, session.expiration)
  }

  /**
   * @param {string} token @param {string} jti @param {string} userId @param {number} exp
   * @returns {Session}
   */
  function sessionOf(token, jti, userId, exp) {
    const expiresAt = new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return { id: jti, token, userId, environmentId, expiration: exp, expiresAt }
  }

  return { issue, verify, revoke }
}
