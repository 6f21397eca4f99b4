// A per-client limit on the token endpoint: each signed-in name can create a Quiltt Profile, so
// one client must not be able to sign in as thousands of names and create thousands of Profiles.

/**
 * Fixed windows per client key (the demo uses the remote address).
 * @param {{ limit: number, windowMs: number, now?: () => number }} options
 */
export function createClientLimit({ limit, windowMs, now = Date.now }) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const windows = new Map()

  return {
    /**
     * Counts one request; returns the seconds to wait when over the limit, else 0.
     * @param {string} client
     */
    take(client) {
      const time = now()
      // Forget finished windows now and then, so memory stays bounded by recent clients.
      if (windows.size > 10_000) {
        for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key)
      }
      let window = windows.get(client)
      if (!window || window.resetAt <= time) {
        window = { count: 0, resetAt: time + windowMs }
        windows.set(client, window)
      }
      window.count += 1
      return window.count > limit ? Math.ceil((window.resetAt - time) / 1000) : 0
    },
  }
}
