// @ts-check
import { randomBytes } from 'node:crypto'

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] TCP port; 0 (default) picks a free one
 * @property {string} [host] interface to listen on (default '127.0.0.1')
 * @property {string} [apiKeySecret] the API key secret the Auth API expects (default: random)
 * @property {number} [tokenTtlSeconds] Session token lifetime (default 86400, Quiltt's 24 hours)
 * @property {{ perHour?: number, perDay?: number }} [rateLimit] Session issuance per Profile (default 10/20)
 * @property {string} [environmentId] reported in sessions and the `eid` claim (default 'env_sandbox')
 * @property {() => number} [now] clock in epoch milliseconds; tests pass a fake one to move time
 *
 * @typedef {object} ResolvedOptions
 * @property {number} port
 * @property {string} host
 * @property {string} apiKeySecret
 * @property {number} tokenTtlSeconds
 * @property {{ perHour: number, perDay: number }} rateLimit
 * @property {string} environmentId
 * @property {string} deploymentId
 * @property {() => number} now
 */

/** A fresh sandbox secret: recognisable prefix plus 256 random bits. */
export function generateSecret() {
  return `sk_sandbox_${randomBytes(32).toString('base64url')}`
}

/**
 * Validates options and fills in defaults; throws a TypeError naming the bad option.
 * @param {SandboxOptions} [options]
 * @returns {ResolvedOptions}
 */
export function resolveOptions(options = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    tokenTtlSeconds = 86400,
    environmentId = 'env_sandbox',
  } = options
  const apiKeySecret = options.apiKeySecret ?? generateSecret()
  const perHour = options.rateLimit?.perHour ?? 10
  const perDay = options.rateLimit?.perDay ?? 20
  const now = options.now ?? Date.now
  const positiveInt = (/** @type {unknown} */ v) =>
    Number.isInteger(v) && /** @type {number} */ (v) > 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('port', 'an integer 0–65535', port)
  if (typeof host !== 'string' || !host) fail('host', 'a hostname or IP address', host)
  if (typeof apiKeySecret !== 'string' || !/^\S{8,}$/.test(apiKeySecret)) {
    fail('apiKeySecret', 'a string of at least 8 non-space characters', '(redacted)')
  }
  if (!positiveInt(tokenTtlSeconds)) fail('tokenTtlSeconds', 'a positive integer', tokenTtlSeconds)
  if (!positiveInt(perHour)) fail('rateLimit.perHour', 'a positive integer', perHour)
  if (!positiveInt(perDay)) fail('rateLimit.perDay', 'a positive integer', perDay)
  if (typeof environmentId !== 'string' || !environmentId) {
    fail('environmentId', 'a non-empty string', environmentId)
  }
  if (typeof now !== 'function') fail('now', 'a function returning epoch milliseconds', typeof now)
  return {
    port,
    host,
    apiKeySecret,
    tokenTtlSeconds,
    rateLimit: { perHour, perDay },
    environmentId,
    deploymentId: 'api_sandbox',
    now,
  }
}

/** @param {string} name @param {string} expected @param {unknown} received @returns {never} */
function fail(name, expected, received) {
  throw new TypeError(
    `quiltt-sandbox: option \`${name}\` must be ${expected}; received ${JSON.stringify(received)}.`,
  )
}
