// @ts-check
// The two Redis clients integrators use; redisStore must work with either.
import { Redis } from 'ioredis'
import { createClient } from 'redis'

/**
 * @typedef {{ name: string, client: unknown, command(args: string[]): Promise<unknown>, close(): Promise<void> }} TestClient
 */

/** @type {Record<'node-redis' | 'ioredis', (url: string) => Promise<TestClient>>} */
export const redisClients = {
  async 'node-redis'(url) {
    // Reconnect quickly so the restart test does not wait on the default backoff.
    const client = createClient({ url, socket: { reconnectStrategy: () => 50 } })
    // Without an error listener node-redis would crash the process when Redis goes away.
    client.on('error', () => undefined)
    await client.connect()
    return {
      name: 'node-redis',
      client,
      command: (args) => client.sendCommand(args),
      close: async () => {
        client.destroy()
      },
    }
  },
  async ioredis(url) {
    const client = new Redis(url, { retryStrategy: () => 50, lazyConnect: true })
    client.on('error', () => undefined)
    await client.connect()
    return {
      name: 'ioredis',
      client,
      command: ([name, ...args]) => client.call(/** @type {string} */ (name), ...args),
      close: async () => {
        client.disconnect()
      },
    }
  },
}
