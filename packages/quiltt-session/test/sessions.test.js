// @ts-check
// issue / get / revoke with the default memory store, against the sandbox's Auth API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSessions, memoryStore, SessionError } from '../src/index.js'
import { sandboxAuth } from './helpers/sandbox.js'

const HOUR = 3600_000
let clock = Date.now()
const now = () => clock
/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth

beforeEach(async () => {
  clock = Date.now()
  auth = await sandboxAuth({ now })
})
afterEach(() => auth.close())

/** @param {Partial<import('../src/index.js').SessionsOptions>} [options] */
const sessionsFor = (options) =>
  createSessions({
    apiKeySecret: auth.apiKeySecret,
    authUrl: auth.authUrl,
    now,
    store: memoryStore({ now }),
    ...options,
  })

describe('issue', () => {
  it('returns { token, userId, expiresAt } and reuses the token until refreshWithin', async () => {
    const userId = await auth.createProfile()
    const base = (await auth.stats()).sessionsIssued
    const sessions = sessionsFor()
    const first = await sessions.issue({ userId })
    expect(Object.keys(first).sort()).toEqual(['expiresAt', 'token', 'userId'])
    expect(first.userId).toBe(userId)
    expect(Date.parse(first.expiresAt) - clock).toBeCloseTo(24 * HOUR, -4)
    expect(await auth.check(first.token)).toBe(200)

    clock += 22 * HOUR
    expect((await sessions.issue({ userId })).token).toBe(first.token)
    expect((await auth.stats()).sessionsIssued - base).toBe(1)

    // Inside the last hour: the next call refreshes, for the same Profile.
    clock += 1 * HOUR + 1000
    const second = await sessions.issue({ userId })
    expect(second.token).not.toBe(first.token)
    expect(second.userId).toBe(userId)
    expect((await auth.stats()).sessionsIssued - base).toBe(2)
  })

  it('honours a custom refreshWithin', async () => {
    const userId = await auth.createProfile()
    const sessions = sessionsFor({ refreshWithin: 10 * HOUR })
    const first = await sessions.issue({ userId })
    clock += 14 * HOUR - 1000
    expect((await sessions.issue({ userId })).token).toBe(first.token)
    clock += 2000
    expect((await sessions.issue({ userId })).token).not.toBe(first.token)
  })

  it('a refreshWithin as long as the token still caches it for half its life', async () => {
    const userId = await auth.createProfile()
    const base = (await auth.stats()).sessionsIssued
    const sessions = sessionsFor({ refreshWithin: 24 * HOUR })
    const first = await sessions.issue({ userId })
    clock += 12 * HOUR - 1000
    expect((await sessions.issue({ userId })).token).toBe(first.token)
    expect((await auth.stats()).sessionsIssued - base).toBe(1)
    clock += 2000
    expect((await sessions.issue({ userId })).token).not.toBe(first.token)
  })

  it('shares one Auth API request between 20 concurrent calls (single flight)', async () => {
    const userId = await auth.createProfile()
    const base = (await auth.stats()).sessionsIssued
    const sessions = sessionsFor()
    const results = await Promise.all(Array.from({ length: 20 }, () => sessions.issue({ userId })))
    expect(new Set(results.map((result) => result.token)).size).toBe(1)
    expect((await auth.stats()).sessionsIssued - base).toBe(1)
  })

  it('creates a Profile from attributes once, and the same attributes reuse it', async () => {
    const sessions = sessionsFor()
    const created = await sessions.issue({ email: 'grace@example.com', name: 'Grace' })
    expect(created.userId).toMatch(/^p_/)
    // Key order does not matter; the cached token is served.
    const again = await sessions.issue({ name: 'Grace', email: 'grace@example.com' })
    expect(again).toEqual(created)
    // After the token is refreshed, still the same Profile.
    clock += 23 * HOUR + 1000
    const later = await sessions.issue({ email: 'grace@example.com', name: 'Grace' })
    expect(later.token).not.toBe(created.token)
    expect(later.userId).toBe(created.userId)
    const other = await sessions.issue({ email: 'ada@example.com' })
    expect(other.userId).not.toBe(created.userId)
  })

  it('keeps Profile IDs when the memory store evicts tokens (maxUsers)', async () => {
    const sessions = sessionsFor({ store: memoryStore({ maxUsers: 2, now }) })
    const first = await sessions.issue({ email: 'user-1@example.com' })
    for (const n of [2, 3, 4]) await sessions.issue({ email: `user-${n}@example.com` })
    const again = await sessions.issue({ email: 'user-1@example.com' })
    expect(again.userId).toBe(first.userId)
    // Its token was evicted, so a new one was issued for the same Profile.
    expect(again.token).not.toBe(first.token)
  })

  it.each([
    [undefined],
    ['p_123'],
    [{ userId: '' }],
    [{ userId: 'p 1' }],
    [{ userId: 42 }],
    [[{ userId: 'p_1' }]],
    [new (class User {})()],
    [{ email: 'x@example.com', self: { toJSON: () => 1n } }],
    // Read as attributes these would be `{}`: every such user would share one Profile.
    [{ userId: undefined }],
    [{ userId: null }],
    [{}],
  ])('refuses %s with INVALID_USER, before calling Quiltt', async (input) => {
    const base = (await auth.stats()).sessionsIssued
    const error = await sessionsFor()
      .issue(/** @type {any} */ (input))
      .catch((caught) => caught)
    expect(error).toBeInstanceOf(SessionError)
    expect(error.code).toBe('INVALID_USER')
    expect((await auth.stats()).sessionsIssued).toBe(base)
  })

  it('refuses an unknown Profile with PROFILE_NOT_FOUND', async () => {
    const error = await sessionsFor()
      .issue({ userId: 'p_nobody' })
      .catch((caught) => caught)
    expect(error.code).toBe('PROFILE_NOT_FOUND')
    expect(error.status).toBe(404)
  })
})

describe('get and revoke', () => {
  it('get returns the cached token without calling Quiltt, and nothing once expired', async () => {
    const userId = await auth.createProfile()
    const sessions = sessionsFor()
    expect(await sessions.get({ userId })).toBeUndefined()
    const issued = await sessions.issue({ userId })
    const base = (await auth.stats()).sessionsIssued
    expect(await sessions.get({ userId })).toEqual(issued)
    clock = Date.parse(issued.expiresAt)
    expect(await sessions.get({ userId })).toBeUndefined()
    expect((await auth.stats()).sessionsIssued).toBe(base)
  })

  it('revoke deletes the cached token and revokes it at Quiltt; the next issue is new', async () => {
    const userId = await auth.createProfile()
    const sessions = sessionsFor()
    const first = await sessions.issue({ userId })
    expect(await sessions.revoke({ userId })).toEqual({ revoked: true })
    expect(await auth.check(first.token)).toBe(401)
    expect(await sessions.get({ userId })).toBeUndefined()
    const second = await sessions.issue({ userId })
    expect(second.token).not.toBe(first.token)
    expect(second.userId).toBe(userId)
    expect(await sessions.revoke({ userId: 'p_never_issued' })).toEqual({ revoked: false })
  })

  it('a revoke that fails at Quiltt keeps the token, so calling revoke again revokes it', async () => {
    const userId = await auth.createProfile()
    let failNextDelete = true
    const sessions = sessionsFor({
      fetch: (input, init) => {
        const request = new Request(input, init)
        if (request.method === 'DELETE' && failNextDelete) {
          failNextDelete = false
          return Promise.reject(new TypeError('fetch failed'))
        }
        return fetch(request)
      },
    })
    const { token } = await sessions.issue({ userId })
    const error = await sessions.revoke({ userId }).catch((caught) => caught)
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(await auth.check(token)).toBe(200)
    expect(await sessions.revoke({ userId })).toEqual({ revoked: true })
    expect(await auth.check(token)).toBe(401)
    expect(await sessions.get({ userId })).toBeUndefined()
  })

  it('revoke waits for a token being issued, so it does not survive the revoke', async () => {
    const userId = await auth.createProfile()
    const sessions = sessionsFor()
    const issuing = sessions.issue({ userId })
    expect(await sessions.revoke({ userId })).toEqual({ revoked: true })
    expect(await auth.check((await issuing).token)).toBe(401)
    expect(await sessions.get({ userId })).toBeUndefined()
  })
})

describe('memoryStore TTL', () => {
  it('drops a token at its expiry', async () => {
    const store = memoryStore({ now })
    await store.set('token:x', 'value', 1000)
    clock += 999
    expect(await store.get('token:x')).toBe('value')
    clock += 1
    expect(await store.get('token:x')).toBeUndefined()
  })

  it('a lock is exclusive until released or expired', async () => {
    const store = memoryStore({ now })
    const owner = await store.lock('lock:x', 1000)
    expect(owner).toEqual(expect.any(String))
    expect(await store.lock('lock:x', 1000)).toBeUndefined()
    await store.unlock('lock:x', 'someone-else')
    expect(await store.lock('lock:x', 1000)).toBeUndefined()
    clock += 1000
    expect(await store.lock('lock:x', 1000)).toEqual(expect.any(String))
  })
})

describe('get and revoke by attributes', () => {
  it('find the Profile the attributes created, without creating one', async () => {
    const sessions = sessionsFor()
    expect(await sessions.revoke({ email: 'new@example.com' })).toEqual({ revoked: false })
    expect(await sessions.get({ email: 'new@example.com' })).toBeUndefined()
    expect((await auth.stats()).sessionsIssued).toBe(0)
    const issued = await sessions.issue({ email: 'new@example.com' })
    expect(await sessions.get({ email: 'new@example.com' })).toEqual(issued)
    expect(await sessions.revoke({ email: 'new@example.com' })).toEqual({ revoked: true })
    expect(await auth.check(issued.token)).toBe(401)
    expect((await sessions.issue({ email: 'new@example.com' })).userId).toBe(issued.userId)
  })
})
