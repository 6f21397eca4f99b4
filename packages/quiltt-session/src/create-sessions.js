// @ts-check
// The core: one cached token per Profile, one Auth API call per refresh however many requests
// and server instances ask at once, and Quiltt's rate limit respected when it answers 429.
import { createAuthApi } from './auth-api.js'
import { guardedStore } from './guarded-store.js'
import { createHandler } from './handler.js'
import { nodeHandlerFor } from './node-handler.js'
import { resolveOptions, secretError } from './options.js'
import { parseStored, tokenClaims } from './parse-session.js'
import { SessionError } from './session-error.js'
import { parseUserInput } from './user-input.js'

/** @typedef {import('./index.js').Session} Session */
/** @typedef {import('./user-input.js').UserInput} UserInput */

/** Store calls that take longer than this fail with STORE_FAILED. */
const STORE_TIMEOUT = 3000
/** What the race against `timeout` resolves to when the Auth API has not answered. */
const TIMED_OUT = Symbol('timed out')
/** Waiters check the store this often while another instance holds the lock. */
const POLL_MS = 20

/**
 * @param {import('./index.js').SessionsOptions} options
 * @returns {import('./index.js').Sessions}
 */
export function createSessions(options) {
  const config = resolveOptions(options)
  const { now, refreshWithin } = config
  const store = guardedStore(config.store, STORE_TIMEOUT)
  const authApi = createAuthApi(config)
  const requireSecret = () => {
    const error = secretError(config.secretProblem)
    if (error) throw error
  }
  // A crashed lock holder is outlived by the lock, and a live one is never: it holds it for one
  // Auth API call (answered within `timeout`, or late within twice that: auth-api.js aborts it
  // then) plus at most five store calls around it.
  const lockTtl = 2 * config.timeout + 5 * STORE_TIMEOUT
  /** @type {Map<string, Promise<Session>>} single flight within this process */
  const flights = new Map()

  /**
   * Served from the store until `refreshWithin` before expiry, or until half its life has gone
   * if that comes first: a window as long as the token's life would mint one per request.
   * @param {Session | undefined} s
   */
  const fresh = (s) => {
    if (s === undefined) return false
    const expires = Date.parse(s.expiresAt)
    const iat = tokenClaims(s.token)?.iat
    const life = iat === undefined ? Number.POSITIVE_INFINITY : expires - iat * 1000
    return expires - now() > Math.min(refreshWithin, life / 2)
  }
  const valid = (/** @type {Session | undefined} */ s) =>
    s !== undefined && Date.parse(s.expiresAt) > now()

  /** @param {string} userId */
  const readToken = async (userId) => parseStored(await store.get(`token:${userId}`))

  /**
   * @param {UserInput} input
   * @returns {Promise<string | undefined>}
   */
  async function profileOf(input) {
    if (input.userId !== undefined) return input.userId
    return (await store.get(`profile:${input.attributesKey}`)) || undefined
  }

  /**
   * Holds the lock: asks the Auth API unless another instance just did, or Quiltt told us to
   * wait (then the cached token is served while it is valid).
   * @param {UserInput} input
   * @param {string} flightKey
   * @param {{ late?: Promise<unknown> }} pending set when the caller gave up on an answer that
   *   may still come: the lock is held until it has, so nobody mints a second token meanwhile
   * @returns {Promise<Session>}
   */
  async function issueLocked(input, flightKey, pending) {
    const userId = await profileOf(input)
    const cached = userId ? await readToken(userId) : undefined
    if (fresh(cached)) return /** @type {Session} */ (cached)
    const holdUntil = Number(await store.get(`hold:${flightKey}`))
    if (holdUntil > now()) {
      if (valid(cached)) return /** @type {Session} */ (cached)
      throw rateLimited(Math.ceil((holdUntil - now()) / 1000))
    }
    const answer = askAuthApi(input, flightKey, userId, cached)
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(resolve, config.timeout, TIMED_OUT)
    })
    try {
      const first = await Promise.race([answer, timedOut])
      if (first !== TIMED_OUT) return /** @type {Session} */ (first)
    } finally {
      clearTimeout(timer)
    }
    // Quiltt may have minted the token and be slow to say so. The caller fails now, but the
    // answer is still awaited (up to another `timeout`) and cached, under the lock.
    pending.late = answer.catch(() => undefined)
    throw new SessionError(
      'UPSTREAM_FAILED',
      `The Quiltt Auth API at ${config.authUrl.origin} could not be reached (timed out). ` +
        'Try again; if it persists, check the network and `authUrl`.',
    )
  }

  /**
   * One Auth API call and what follows it: the token cached, or Quiltt's 429 remembered.
   * @param {UserInput} input
   * @param {string} flightKey
   * @param {string | undefined} userId
   * @param {Session | undefined} cached
   * @returns {Promise<Session>}
   */
  async function askAuthApi(input, flightKey, userId, cached) {
    let session
    try {
      // A Profile these attributes created before is asked for by ID alone: resending them
      // would ask Quiltt to update it (and a `uuid` would clash with itself).
      session = await authApi.issue(input.userId !== undefined || !userId ? input.body : { userId })
      // A token for another Profile is never cached or served in place of this one.
      if (userId && session.userId !== userId) {
        throw new SessionError(
          'UPSTREAM_FAILED',
          'The Quiltt Auth API answered with a token for another Profile than the one asked ' +
            'for. Check `authUrl`.',
        )
      }
    } catch (error) {
      if (!(error instanceof SessionError) || error.code !== 'RATE_LIMITED') throw error
      const wait = (error.retryAfter ?? 60) * 1000
      await store.set(`hold:${flightKey}`, String(now() + wait), wait)
      if (valid(cached)) return /** @type {Session} */ (cached)
      throw error
    }
    const ttl = Date.parse(session.expiresAt) - now()
    await store.set(`token:${session.userId}`, JSON.stringify(session), ttl)
    if (input.attributesKey !== undefined)
      await store.set(`profile:${input.attributesKey}`, session.userId)
    return session
  }

  /**
   * @param {UserInput} input
   * @param {string} flightKey
   * @returns {Promise<Session>}
   */
  async function obtain(input, flightKey) {
    const deadline = performance.now() + lockTtl + config.timeout
    for (;;) {
      const userId = await profileOf(input)
      const cached = userId ? await readToken(userId) : undefined
      if (fresh(cached)) return /** @type {Session} */ (cached)
      const owner = await store.lock(`lock:${flightKey}`, lockTtl)
      if (owner) {
        /** @type {{ late?: Promise<unknown> }} */
        const pending = {}
        // An unlock that fails leaves the lock to expire on its own.
        const unlock = () => store.unlock(`lock:${flightKey}`, owner).catch(() => undefined)
        try {
          return await issueLocked(input, flightKey, pending)
        } finally {
          if (pending.late) pending.late.finally(unlock)
          else await unlock()
        }
      }
      if (performance.now() > deadline) {
        throw new SessionError(
          'UPSTREAM_FAILED',
          'Another server instance has been issuing this user’s token for longer than an Auth ' +
            'API call may take. Try again.',
        )
      }
      await delay(POLL_MS + Math.random() * POLL_MS)
    }
  }

  /**
   * Waits for the lock so that a token being issued elsewhere lands before revoke deletes it;
   * gives up (returns undefined) after a lock's lifetime.
   * @param {string} key
   */
  async function waitForLock(key) {
    const deadline = performance.now() + lockTtl
    for (;;) {
      const owner = await store.lock(key, lockTtl)
      if (owner || performance.now() > deadline) return owner
      await delay(POLL_MS)
    }
  }

  /** @param {UserInput} parsed */
  const flightKeyOf = (parsed) =>
    parsed.userId !== undefined ? parsed.userId : `attributes:${parsed.attributesKey}`

  /** @type {import('./index.js').Sessions} */
  const sessions = {
    async issue(input) {
      requireSecret()
      const parsed = await parseUserInput(input)
      const flightKey = flightKeyOf(parsed)
      let flight = flights.get(flightKey)
      if (!flight) {
        flight = obtain(parsed, flightKey).finally(() => flights.delete(flightKey))
        flights.set(flightKey, flight)
      }
      const { token, userId, expiresAt } = await flight
      return { token, userId, expiresAt }
    },

    async get(input) {
      const userId = await profileOf(await parseUserInput(input))
      const cached = userId ? await readToken(userId) : undefined
      return valid(cached) ? cached : undefined
    },

    async revoke(input) {
      requireSecret()
      const parsed = await parseUserInput(input)
      const flightKey = flightKeyOf(parsed)
      await flights.get(flightKey)?.catch(() => undefined)
      const owner = await waitForLock(`lock:${flightKey}`)
      try {
        const userId = await profileOf(parsed)
        const cached = userId ? await readToken(userId) : undefined
        // Quiltt first: when that fails, the token stays in the store, so calling revoke()
        // again can still find it and revoke it.
        const revoked = cached ? await authApi.revoke(cached.token) : false
        if (userId) await store.delete(`token:${userId}`)
        // Quiltt frees a revoked token's rate-limit slot, so the next issue may ask again.
        await store.delete(`hold:${flightKey}`)
        return { revoked }
      } finally {
        if (owner) await store.unlock(`lock:${flightKey}`, owner).catch(() => undefined)
      }
    },

    // The generic signatures of index.d.ts are checked there; here they are erased.
    handler: (handlerOptions) =>
      createHandler(
        sessions,
        /** @type {import('./index.js').HandlerOptions<any>} */ (handlerOptions),
        requireSecret,
      ),
    nodeHandler: (handlerOptions) =>
      /** @type {any} */ (
        nodeHandlerFor(
          sessions,
          /** @type {import('./index.js').NodeHandlerOptions<any>} */ (handlerOptions),
          requireSecret,
        )
      ),
  }
  return sessions
}

/** @param {number} retryAfter seconds */
function rateLimited(retryAfter) {
  return new SessionError(
    'RATE_LIMITED',
    `Quiltt’s session token limit for this Profile was reached (10 per hour, 20 per day) and ` +
      `no cached token is valid; a new token is allowed in ${retryAfter} s.`,
    { status: 429, retryAfter },
  )
}

/** @param {number} ms */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
