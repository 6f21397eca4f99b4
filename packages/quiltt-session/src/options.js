// @ts-check
// Reads createSessions' options as own properties only: a polluted Object.prototype must never
// redirect the API key secret to another authUrl.
import { memoryStore } from './memory-store.js'
import { SessionError } from './session-error.js'

const HOUR = 60 * 60 * 1000
const DEFAULT_AUTH_URL = 'https://auth.quiltt.io'

/** Printable ASCII without spaces (what an HTTP header carries as is), 8 characters or more. */
const SECRET = /^[\x21-\x7e]{8,}$/

/**
 * The error every issue() and revoke() rejects with while the secret is unusable; undefined when
 * it is fine. Never thrown at construction: `next build` and other build steps load the module
 * without the secret (or with a placeholder), and must pass.
 * @param {'missing' | 'malformed' | undefined} problem
 * @returns {SessionError | undefined}
 */
export function secretError(problem) {
  if (problem === 'missing') {
    return new SessionError(
      'INVALID_OPTIONS',
      'createSessions: `apiKeySecret` is missing or empty, so no session token can be issued. ' +
        'Set it from your server’s environment (QUILTT_API_KEY_SECRET) where the app runs.',
    )
  }
  if (problem === 'malformed') {
    // The value itself is never shown: it may be the secret with a typo.
    return new SessionError(
      'INVALID_OPTIONS',
      'createSessions: `apiKeySecret` is not a Quiltt API key secret: after trimming surrounding ' +
        'whitespace it must be printable ASCII without spaces, 8 characters or more (value not ' +
        'shown). Check QUILTT_API_KEY_SECRET for a stray character, quote or line break.',
    )
  }
  return undefined
}

/**
 * @param {object} object
 * @param {string} key
 * @returns {unknown}
 */
export const own = (object, key) =>
  Object.hasOwn(object, key) ? /** @type {Record<string, unknown>} */ (object)[key] : undefined

/**
 * @param {string} name
 * @param {string} expected
 * @returns {never}
 */
function invalid(name, expected) {
  throw new SessionError('INVALID_OPTIONS', `createSessions: \`${name}\` must be ${expected}.`)
}

/**
 * @param {unknown} options
 * @returns {{
 *   apiKeySecret: string | undefined, secretProblem: 'missing' | 'malformed' | undefined, authUrl: URL, store: import('./index.js').SessionStore,
 *   refreshWithin: number, fetch: typeof globalThis.fetch, timeout: number, now: () => number,
 * }}
 */
export function resolveOptions(options) {
  if (typeof options !== 'object' || options === null) {
    invalid('options', 'an object such as { apiKeySecret: process.env.QUILTT_API_KEY_SECRET }')
  }
  const { apiKeySecret, secretProblem } = parseSecret(own(options, 'apiKeySecret'))
  const authUrlValue = own(options, 'authUrl') ?? DEFAULT_AUTH_URL
  const authUrl = parseUrl(authUrlValue)
  if (!authUrl || !/^https?:$/.test(authUrl.protocol) || authUrl.username || authUrl.password) {
    invalid('authUrl', `an http(s) URL without credentials (default ${DEFAULT_AUTH_URL})`)
  }
  const refreshWithin = own(options, 'refreshWithin') ?? HOUR
  if (typeof refreshWithin !== 'number' || !(refreshWithin >= 0) || refreshWithin > 24 * HOUR) {
    invalid('refreshWithin', 'milliseconds between 0 and 86400000 (default 3600000, one hour)')
  }
  const timeout = own(options, 'timeout') ?? 10_000
  if (typeof timeout !== 'number' || !(timeout >= 100) || timeout > 120_000) {
    invalid('timeout', 'milliseconds between 100 and 120000 (default 10000)')
  }
  const fetchOption = own(options, 'fetch') ?? globalThis.fetch
  if (typeof fetchOption !== 'function') invalid('fetch', 'a fetch function')
  const now = own(options, 'now') ?? Date.now
  if (typeof now !== 'function') invalid('now', 'a function returning epoch milliseconds')
  const store = own(options, 'store') ?? memoryStore()
  if (!isStore(store)) {
    invalid('store', 'memoryStore() or redisStore(client)')
  }
  return {
    apiKeySecret,
    secretProblem,
    authUrl,
    store,
    refreshWithin,
    fetch: /** @type {typeof globalThis.fetch} */ (fetchOption),
    timeout,
    now: /** @type {() => number} */ (now),
  }
}

/**
 * The secret as sent: trimmed of surrounding whitespace (secret files and `echo` end in a line
 * break). Anything but printable ASCII would be refused by the runtime's Headers, whose message
 * quotes the value; it is reported at first use instead, without the value.
 * @param {unknown} value
 * @returns {{ apiKeySecret: string | undefined, secretProblem: 'missing' | 'malformed' | undefined }}
 */
function parseSecret(value) {
  const trimmed = typeof value === 'string' ? value.trim() : value
  if (trimmed === undefined || trimmed === '') {
    return { apiKeySecret: undefined, secretProblem: 'missing' }
  }
  if (typeof trimmed !== 'string' || !SECRET.test(trimmed)) {
    return { apiKeySecret: undefined, secretProblem: 'malformed' }
  }
  return { apiKeySecret: trimmed, secretProblem: undefined }
}

/**
 * @param {unknown} value
 * @returns {value is import('./index.js').SessionStore}
 */
function isStore(value) {
  if (typeof value !== 'object' || value === null) return false
  return ['get', 'set', 'delete', 'lock', 'unlock'].every(
    (name) => typeof (/** @type {Record<string, unknown>} */ (value)[name]) === 'function',
  )
}

/** @param {unknown} value */
function parseUrl(value) {
  if (typeof value !== 'string') return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}
