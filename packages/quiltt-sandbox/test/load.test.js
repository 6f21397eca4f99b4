// @ts-check
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandbox } from '../src/index.js'
import { control } from './helpers/http.js'

/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

/**
 * Runs `tasks` with at most `limit` in flight.
 * @template T
 * @param {number} count @param {number} limit @param {(index: number) => Promise<T>} task
 */
async function pool(count, limit, task) {
  /** @type {T[]} */
  const results = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next++
      results[index] = await task(index)
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}

test('2,000 token requests at concurrency 50 all succeed', { timeout: 120_000 }, async () => {
  const PROFILES = 400
  /** @type {string[]} */
  const userIds = []
  const issue = async (/** @type {number} */ index) => {
    // The first 400 create Profiles; the rest reuse them 4 more times each (5 < 10/hour).
    const body =
      index < PROFILES
        ? { email: `user${index}@example.com` }
        : { userId: userIds[index % PROFILES] }
    const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.apiKeySecret}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    })
    const json = await response.json()
    if (index < PROFILES) userIds[index] = json.userId
    return { status: response.status, token: json.token }
  }
  const created = await pool(PROFILES, 50, issue)
  const reused = await pool(1600, 50, (index) => issue(index + PROFILES))
  const all = [...created, ...reused]
  expect(all.filter((reply) => reply.status !== 201)).toEqual([])
  expect(new Set(all.map((reply) => decodeJwt(reply.token).jti)).size).toBe(2000)
  const stats = await control(sandbox, 'GET', '/__sandbox/stats')
  expect(stats.json.sessionsIssued).toBe(2000)
})
