// @ts-check
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox } from '../src/index.js'
import { issueSession, postSession, request } from './helpers/http.js'

let now = Date.now()
/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: { perHour: 3, perDay: 5 }, now: () => now })
})
afterAll(() => sandbox.close())

describe('rate limit per Profile', () => {
  test('the next token past perHour is 429 with Retry-After; an hour later it works again', async () => {
    const { userId } = await issueSession(sandbox)
    await issueSession(sandbox, { userId })
    await issueSession(sandbox, { userId })
    const limited = await postSession(sandbox, { userId })
    expect(limited.status).toBe(429)
    expect(limited.json).toMatchObject({
      message: 'Too Many Requests',
      instruction: expect.any(String),
    })
    const retryAfter = Number(limited.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(3500)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    // Other Profiles are unaffected.
    expect((await postSession(sandbox)).status).toBe(201)
    now += retryAfter * 1000
    expect((await postSession(sandbox, { userId })).status).toBe(201)
  })

  test('perDay caps the rolling day even when each hour is under its limit', async () => {
    const { userId } = await issueSession(sandbox)
    await issueSession(sandbox, { userId })
    now += 3600_000
    await issueSession(sandbox, { userId })
    await issueSession(sandbox, { userId })
    now += 3600_000
    await issueSession(sandbox, { userId })
    const limited = await postSession(sandbox, { userId })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(20 * 3600)
  })

  test('revoking a token frees its slot', async () => {
    const first = await issueSession(sandbox)
    const { userId } = first
    await issueSession(sandbox, { userId })
    await issueSession(sandbox, { userId })
    expect((await postSession(sandbox, { userId })).status).toBe(429)
    const revoke = await request(sandbox, {
      method: 'DELETE',
      path: '/v1/users/session',
      headers: { authorization: `Bearer ${first.token}` },
    })
    expect(revoke.status).toBe(204)
    expect((await postSession(sandbox, { userId })).status).toBe(201)
  })

  test('concurrent requests for one Profile cannot overshoot the limit', async () => {
    const { userId } = await issueSession(sandbox)
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => postSession(sandbox, { userId })),
    )
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(2)
    expect(replies.filter((reply) => reply.status === 429)).toHaveLength(8)
  })
})
