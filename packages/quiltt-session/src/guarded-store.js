// @ts-check
// Every store call gets a deadline: a Redis client that is reconnecting queues commands
// silently, and a request must fail with STORE_FAILED rather than hang.
import { storeFailed } from './session-error.js'

/** @typedef {import('./index.js').SessionStore} SessionStore */

/**
 * @param {SessionStore} store
 * @param {number} timeout ms per call
 * @returns {SessionStore}
 */
export function guardedStore(store, timeout) {
  /**
   * @template T
   * @param {() => Promise<T>} call
   * @returns {Promise<T>}
   */
  async function guarded(call) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer
    const expired = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout)
    })
    try {
      return await Promise.race([call(), expired])
    } catch (error) {
      throw storeFailed(error)
    } finally {
      clearTimeout(timer)
    }
  }
  return {
    get: (key) => guarded(() => store.get(key)),
    set: (key, value, ttl) => guarded(() => store.set(key, value, ttl)),
    delete: (key) => guarded(() => store.delete(key)),
    lock: (key, ttl) => guarded(() => store.lock(key, ttl)),
    unlock: (key, owner) => guarded(() => store.unlock(key, owner)),
  }
}
