// @ts-check
// A store in Redis, shared by every server instance that uses the same Redis and prefix. It
// speaks raw commands through whichever client the caller created, so the package depends on
// neither node-redis nor ioredis.
import { randomUUID } from 'node:crypto'
import { SessionError } from './session-error.js'

/** Deletes the lock only if this caller still owns it (it may have expired and been retaken). */
const UNLOCK =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

/**
 * Uses a Redis client you created and connected: node-redis (`createClient`) or ioredis
 * (`new Redis`). Keys are `${prefix}token:…`, `${prefix}lock:…` and `${prefix}profile:…`; token
 * keys expire with the token.
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL }).on('error', log).connect()
 * const sessions = createSessions({ apiKeySecret, store: redisStore(redis) })
 *
 * @param {unknown} client
 * @param {{ prefix?: string }} [options]
 * @returns {import('./index.js').SessionStore}
 */
export function redisStore(client, options = {}) {
  const run = commandRunner(client)
  const prefix = Object.hasOwn(options, 'prefix') ? options.prefix : 'quiltt-session:'
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
      const owner = randomUUID()
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
 * ioredis also has a `sendCommand`, taking a Command object, so it is recognised first.
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
  if (typeof sendCommand === 'function') return (args) => sendCommand.call(candidate, args)
  throw new SessionError(
    'INVALID_OPTIONS',
    'redisStore: pass a connected node-redis client (createClient(…).connect()) or an ioredis ' +
      'client (new Redis(…)).',
  )
}
