// The demo's minimal sign-in: a name, kept in a signed httpOnly cookie. A real app has its own
// login; what matters is that only a signed-in user can get a session token, so anonymous
// traffic never creates Quiltt Profiles or spends a real user's rate limit.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const COOKIE = 'quiltt_demo_user'
const NAME = /^[\p{L}\p{N} ._'-]{1,40}$/u

/** @param {unknown} value @returns {string | undefined} a trimmed, valid name */
export function parseName(value) {
  if (typeof value !== 'string') return undefined
  const name = value.trim().replace(/\s+/g, ' ')
  return NAME.test(name) ? name : undefined
}

/**
 * @param {{ key?: Buffer }} [options] the HMAC key; a fresh random one per start by default,
 *   so restarting the demo signs everyone out
 */
export function createSignIn({ key = randomBytes(32) } = {}) {
  /** @param {string} payload */
  const sign = (payload) => createHmac('sha256', key).update(payload).digest('base64url')

  return {
    /**
     * The signed-in name, or undefined when the cookie is missing, forged or malformed.
     * @param {import('node:http').IncomingMessage} req
     */
    userOf(req) {
      const value = readCookie(req.headers.cookie ?? '', COOKIE)
      const [payload, signature, extra] = (value ?? '').split('.')
      if (!payload || !signature || extra !== undefined) return undefined
      const expected = Buffer.from(sign(payload))
      const given = Buffer.from(signature)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
      return parseName(Buffer.from(payload, 'base64url').toString('utf8'))
    },

    /**
     * @param {import('node:http').ServerResponse} res
     * @param {string} name already checked with parseName
     */
    signIn(res, name) {
      const payload = Buffer.from(name, 'utf8').toString('base64url')
      res.appendHeader(
        'set-cookie',
        `${COOKIE}=${payload}.${sign(payload)}; Path=/; HttpOnly; SameSite=Lax`,
      )
    },

    /** @param {import('node:http').ServerResponse} res */
    signOut(res) {
      res.appendHeader('set-cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`)
    },
  }
}

/**
 * @param {string} header
 * @param {string} name
 */
function readCookie(header, name) {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}
