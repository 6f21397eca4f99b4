// @ts-check
// What issue() accepts: `{ userId }` (an existing Profile) or Profile attributes (a new one).
// The input may come from request data, so it is checked like any untrusted value.
import { PROFILE_ID } from './parse-session.js'
import { SessionError } from './session-error.js'

const MAX_JSON = 16 * 1024

/**
 * Exactly one of `userId` and `attributesKey` is set.
 * @typedef {{ userId?: string, attributesKey?: string, body: Record<string, unknown> }} UserInput
 */

/**
 * @param {unknown} input
 * @returns {Promise<UserInput>}
 */
export async function parseUserInput(input) {
  if (!isPlainObject(input)) {
    throw invalidUser('issue() takes { userId } (a Quiltt Profile ID) or Profile attributes')
  }
  // A `userId` key is a Profile ID or an error, never "no ID": read as attributes, `{ userId:
  // undefined }` would be `{}`, and every such user would share one Profile.
  if (Object.hasOwn(input, 'userId'))
    return { userId: parseUserId(input.userId), body: copy(input) }
  const body = copy(input)
  // After the JSON copy, NaN and Infinity are null and undefined is gone; what is left must
  // hold one real value, or every such user would hash to one attribute set and share one
  // Profile (its token and its bank Connections).
  if (isEmpty(body)) {
    throw invalidUser(
      'issue() needs { userId } or at least one Profile attribute with a value; attributes that ' +
        'are all empty (null, blank, false, NaN, [] or {}) would give every such user the same ' +
        'Profile. Pass a stable user ID of yours ({ uuid }) rather than an email, which can be ' +
        'recycled, and keep the userId it returns',
    )
  }
  // The same attributes always map to the same Profile: the store remembers which Profile they
  // created under this hash (no personal data in key names).
  return { attributesKey: await sha256Base64url(canonicalJson(body)), body }
}

/**
 * SHA-256 of the UTF-8 text, base64url without padding. Web Crypto, which every server runtime
 * has (node:crypto is missing on Workers without nodejs_compat and on the Edge runtime). Byte for
 * byte the key the node:crypto version made: stored keys must keep finding their Profiles.
 * @param {string} text
 */
async function sha256Base64url(text) {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  )
  return btoa(String.fromCharCode(...digest))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/**
 * Whether a JSON value identifies nothing: null, a blank string, false, or an array or object
 * whose every item is itself empty.
 * @param {unknown} value
 * @returns {boolean}
 */
function isEmpty(value) {
  if (value === null || value === false) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.every(isEmpty)
  if (typeof value === 'object') return Object.values(value).every(isEmpty)
  return false
}

/**
 * @param {unknown} userId
 * @returns {string}
 */
function parseUserId(userId) {
  if (typeof userId !== 'string' || !PROFILE_ID.test(userId)) {
    throw invalidUser('`userId` must be the Quiltt Profile ID (letters, digits, _ and -)')
  }
  return userId
}

/** @param {string} what */
function invalidUser(what) {
  return new SessionError('INVALID_USER', `quiltt-session: ${what}.`)
}

/**
 * A JSON copy of the caller's object with own enumerable properties only.
 * @param {Record<string, unknown>} input
 * @returns {Record<string, unknown>}
 */
function copy(input) {
  let text
  try {
    text = JSON.stringify(input)
  } catch {
    throw invalidUser('Profile attributes must be JSON values')
  }
  if (text.length > MAX_JSON) throw invalidUser('Profile attributes must be under 16 KB of JSON')
  return JSON.parse(text)
}

/**
 * JSON with object keys sorted at every level, so `{ a, b }` and `{ b, a }` hash alike.
 * @param {unknown} value
 * @returns {string}
 */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const record = /** @type {Record<string, unknown>} */ (value)
    const keys = Object.keys(record).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
