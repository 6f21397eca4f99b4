// @ts-check
// Separate OS processes sharing one Redis: one Auth API call between them, and a lock holder
// that dies mid-issue is outlived by its lock.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSessions, redisStore } from '../src/index.js'
import { startAuthStub } from './helpers/auth-stub.js'
import { redisClients } from './helpers/redis-clients.js'
import { startRedis } from './helpers/redis-server.js'
import { sandboxAuth } from './helpers/sandbox.js'

const script = fileURLToPath(new URL('./helpers/issue-process.js', import.meta.url))

/** @type {Awaited<ReturnType<typeof startRedis>>} */
let redis
/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
beforeAll(async () => {
  redis = await startRedis()
  auth = await sandboxAuth()
})
afterAll(async () => {
  await auth?.close()
  await redis?.stop()
})
/** @type {import('node:child_process').ChildProcess[]} */
const children = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

/**
 * @param {Record<string, string>} env
 * @returns {{ child: import('node:child_process').ChildProcess, results: Promise<{ token?: string, error?: string }[]> }}
 */
function serverProcess(env) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, REDIS_URL: redis.url, API_KEY_SECRET: auth.apiKeySecret, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  const results = once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`the server process exited with ${code}`)
    return JSON.parse(output)
  })
  return { child, results }
}

describe.each(Object.keys(redisClients))('with %s', (clientName) => {
  it('two processes × 10 concurrent requests make one Auth API call', async () => {
    const userId = await auth.createProfile(`${clientName}@example.com`)
    const base = (await auth.stats()).sessionsIssued
    const env = { AUTH_URL: auth.authUrl, CLIENT: clientName, USER_ID: userId, COUNT: '10' }
    const [a, b] = await Promise.all([serverProcess(env).results, serverProcess(env).results])
    const tokens = [...a, ...b].map((result) => result.token)
    expect(tokens).toHaveLength(20)
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).toEqual(expect.any(String))
    expect((await auth.stats()).sessionsIssued - base).toBe(1)
  })

  it('a lock holder killed mid-issue is outlived by its lock; then one token is issued', async () => {
    const userId = await auth.createProfile(`dying-${clientName}@example.com`)
    const base = (await auth.stats()).sessionsIssued
    // The dying process talks to an Auth API that never answers, so it holds the lock when killed.
    const silent = await startAuthStub('hang')
    try {
      const timeout = 1000
      const dying = serverProcess({
        AUTH_URL: silent.url,
        CLIENT: clientName,
        USER_ID: userId,
        TIMEOUT: String(timeout),
      })
      dying.results.catch(() => undefined)
      await silent.nextRequest()
      const killedAt = performance.now()
      dying.child.kill('SIGKILL')
      await once(dying.child, 'exit')

      const client = await redisClients[/** @type {'node-redis' | 'ioredis'} */ (clientName)](
        redis.url,
      )
      try {
        const lockTtl = Number(await client.command(['PTTL', `processes:lock:${userId}`]))
        expect(lockTtl).toBeGreaterThan(0)
        const sessions = createSessions({
          apiKeySecret: auth.apiKeySecret,
          authUrl: auth.authUrl,
          store: redisStore(client.client, { prefix: 'processes:' }),
        })
        const session = await sessions.issue({ userId })
        // It waited for the dead holder's lock instead of racing it, then issued exactly once.
        expect(performance.now() - killedAt).toBeGreaterThan(lockTtl - 200)
        expect(await auth.check(session.token)).toBe(200)
        expect((await auth.stats()).sessionsIssued - base).toBe(1)
      } finally {
        await client.close()
      }
    } finally {
      await silent.close()
    }
  })
})
