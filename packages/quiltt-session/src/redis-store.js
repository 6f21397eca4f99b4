// @ts-check
// A store in Redis, shared by every server instance that uses the same Redis and prefix. It
// speaks raw commands through whichever client the caller created, so the package depends on
// neither node-redis nor ioredis.
import { SessionError } from './session-error.js'

/** Deletes the lock only if this caller still owns it (it may have expired and been retaken). */
const UNLOCK =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

/**
 * Uses a Redis client you created: node-redis (`createClient`, connected here on first use if
 * you did not) or ioredis (`new Redis`). Keys are `${prefix}token:…`, `${prefix}lock:…` and `${prefix}profile:…`; token
 * keys expire with the token.
 *
 * @example
 * const redis = createClient({ url: process.env.REDIS_URL }).on('error', log)
 * const sessions = createSessions({ apiKeySecret, store: redisStore(redis) })
 *
 * @param {unknown} client
 * @param {{ prefix?: string | undefined }} [options]
 * @returns {import('./index.js').SessionStore}
 */
export function redisStore(client, options = {}) {
  const run = commandRunner(client)
  // Own properties only, and `undefined` means the default (as for every optional option).
  const prefix =
    (Object.hasOwn(options, 'prefix') ? options.prefix : undefined) ?? 'quiltt-session:'
  if (typeof prefix !== 'string' || prefix.length > 100) {
    throw new SessionError('INVALID_OPTIONS', 'redisStore: `prefix` must be a short string.')
  }
  const ms = (/** @type {number} */ ttl) => String(Math.max(1, Math.ceil(ttl)))

  return {
    async get(key) {
      const value = await run(['GET', prefix + key])
      return typeof value === 'string' ? value : undefined
    },
    async set(key, value, ttl) {
      if (ttl === undefined) await run(['SET', prefix + key, value])
      else if (ttl > 0) await run(['SET', prefix + key, value, 'PX', ms(ttl)])
      else await run(['DEL', prefix + key])
    },
    async delete(key) {
      await run(['DEL', prefix + key])
    },
    async lock(key, ttl) {
      const owner = crypto.randomUUID()
      const reply = await run(['SET', prefix + key, owner, 'NX', 'PX', ms(ttl)])
      return reply === 'OK' ? owner : undefined
    },
    async unlock(key, owner) {
      await run(['EVAL', UNLOCK, '1', prefix + key, owner])
    },
  }
}

/**
 * ioredis sends raw commands with `call(name, ...args)`, node-redis with `sendCommand(args)`.
 * ioredis also has a `sendCommand`, taking a Command object, so it is recognised first. ioredis
 * connects by itself; a node-redis client is connected here on first use (nodeRedisRunner).
 * @param {unknown} client
 * @returns {(args: string[]) => Promise<unknown>}
 */
function commandRunner(client) {
  const candidate = /** @type {Record<string, unknown> | null} */ (
    typeof client === 'object' ? client : null
  )
  const call = candidate?.call
  if (typeof call === 'function') {
    return ([name, ...args]) => call.call(candidate, name, ...args)
  }
  const sendCommand = candidate?.sendCommand
  if (candidate && typeof sendCommand === 'function') {
    const send = (/** @type {string[]} */ args) => sendCommand.call(candidate, args)
    return typeof candidate.connect === 'function' && typeof candidate.isOpen === 'boolean'
      ? nodeRedisRunner(/** @type {NodeRedisClient} */ (candidate), send)
      : send
  }
  throw new SessionError(
    'INVALID_OPTIONS',
    'redisStore: pass a node-redis client (createClient(…), connected or not) or an ioredis ' +
      'client (new Redis(…)).',
  )
}

/**
 * @typedef {{ isOpen: boolean, connect(): Promise<unknown>, listenerCount?: (event: string) => number }} NodeRedisClient
 */

/**
 * A node-redis client may come unconnected: apps create it at module scope, where connecting
 * would run during `next build`. It is connected at first use, by one connect shared by every
 * request that arrives meanwhile; a failed connect is forgotten, so the next request tries again
 * and the app recovers once Redis is up. (A client that is connecting or reconnecting queues
 * commands itself; the store's deadline turns a long wait into STORE_FAILED.)
 * @param {NodeRedisClient} client
 * @param {(args: string[]) => Promise<unknown>} send
 * @returns {(args: string[]) => Promise<unknown>}
 */
function nodeRedisRunner(client, send) {
  /** @type {Promise<unknown> | undefined} */
  let connecting
  let checkedListener = false
  return async (args) => {
    if (!checkedListener) {
      checkedListener = true
      // node-redis emits 'error' on every lost connection: with no listener, Node throws it and
      // the process dies (or, caught elsewhere, the client stops reconnecting).
      if (typeof client.listenerCount === 'function' && client.listenerCount('error') === 0) {
        // biome-ignore lint/suspicious/noConsole: a setup that will surely fail later is warned once, as STYLE.md allows
        console.warn(
          "quiltt-session: the node-redis client passed to redisStore has no 'error' listener, " +
            "so a Redis restart will crash this process. Add one: client.on('error', log).",
        )
      }
    }
    if (connecting === undefined && !client.isOpen) {
      connecting = client.connect().then(
        () => {
          connecting = undefined
        },
        (cause) => {
          connecting = undefined
          throw cause
        },
      )
    }
    if (connecting !== undefined) await connecting
    return send(args)
  }
}
