// @ts-check
// The default store: one process's memory. Fine for a single server; several instances need
// redisStore so they share tokens and the lock.
import { SessionError } from './session-error.js'

/**
 * @typedef {{ value: string, expiresAt: number }} Entry
 */

/**
 * Keeps tokens in memory. At most `maxUsers` expiring entries (tokens, locks) are held; past
 * that the least recently written goes first. Entries without expiry (the Profile a set of
 * attributes created) are never dropped: dropping one would put that user on a new Profile.
 *
 * @example
 * const sessions = createSessions({ apiKeySecret, store: memoryStore({ maxUsers: 50_000 }) })
 *
 * @param {{ maxUsers?: number | undefined, now?: (() => number) | undefined }} [options]
 * @returns {import('./index.js').SessionStore}
 */
export function memoryStore(options = {}) {
  const maxUsers = (Object.hasOwn(options, 'maxUsers') ? options.maxUsers : undefined) ?? 10_000
  const now = (Object.hasOwn(options, 'now') ? options.now : undefined) ?? Date.now
  if (!Number.isInteger(maxUsers) || /** @type {number} */ (maxUsers) < 1) {
    throw new SessionError('INVALID_OPTIONS', 'memoryStore: `maxUsers` must be a positive integer.')
  }
  /** @type {Map<string, Entry>} insertion order = write order, oldest first */
  const expiring = new Map()
  /** @type {Map<string, string>} */
  const durable = new Map()

  /** @param {string} key */
  function live(key) {
    const entry = expiring.get(key)
    if (entry && entry.expiresAt <= now()) {
      expiring.delete(key)
      return undefined
    }
    return entry
  }

  /** @param {string} key @param {string} value @param {number} ttl */
  function write(key, value, ttl) {
    expiring.delete(key)
    expiring.set(key, { value, expiresAt: now() + ttl })
    for (const oldest of expiring.keys()) {
      if (expiring.size <= /** @type {number} */ (maxUsers)) break
      expiring.delete(oldest)
    }
  }

  return {
    async get(key) {
      return live(key)?.value ?? durable.get(key)
    },
    async set(key, value, ttl) {
      durable.delete(key)
      expiring.delete(key)
      if (ttl === undefined) durable.set(key, value)
      else if (ttl > 0) write(key, value, ttl)
    },
    async delete(key) {
      expiring.delete(key)
      durable.delete(key)
    },
    async lock(key, ttl) {
      if (live(key)) return undefined
      const owner = crypto.randomUUID()
      write(key, owner, ttl)
      return owner
    },
    async unlock(key, owner) {
      if (live(key)?.value === owner) expiring.delete(key)
    },
  }
}
