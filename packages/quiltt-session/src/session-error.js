// @ts-check
// One error class for everything the package throws; `code` is the public contract.

/** @typedef {import('./index.js').SessionErrorCode} SessionErrorCode */

export class SessionError extends Error {
  /**
   * @param {SessionErrorCode} code
   * @param {string} message says what happened and what to do; never holds a token or the secret
   * @param {{ status?: number, retryAfter?: number, cause?: unknown }} [details]
   */
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'SessionError'
    /** @type {SessionErrorCode} */
    this.code = code
    /** @type {number | undefined} the Auth API's HTTP status, when it answered */
    this.status = details.status
    /** @type {number | undefined} seconds until Quiltt allows a new token (RATE_LIMITED only) */
    this.retryAfter = details.retryAfter
  }
}

/**
 * Wraps a store failure. The cause is kept (a Redis error names the command, never a value we
 * wrote there, so it cannot hold a token).
 * @param {unknown} cause
 */
export function storeFailed(cause) {
  if (cause instanceof SessionError) return cause
  return new SessionError(
    'STORE_FAILED',
    'The session store did not answer, so no token was issued (issuing without the store would ' +
      'spend Quiltt’s rate limit on every request). Check that Redis is reachable; requests ' +
      'succeed again as soon as it is.',
    { cause },
  )
}
