// The demo server's token cache against a real quiltt-sandbox, with one fake clock for both.
import { startSandbox } from 'quiltt-sandbox'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuthApiError, createSessionStore, parseSession } from '../lib/session-store.mjs'

const MINUTE = 60_000
let clock = Date.now()
const now = () => clock
/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox

async function stats() {
  const response = await fetch(`${sandbox.authUrl}/__sandbox/stats`, {
    headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
  })
  return response.json()
}

/** @param {Partial<Parameters<typeof createSessionStore>[0]>} [options] */
const store = (options) =>
  createSessionStore({
    authUrl: sandbox.authUrl,
    apiKeySecret: sandbox.apiKeySecret,
    now,
    ...options,
  })

beforeEach(async () => {
  clock = Date.now()
  sandbox = await startSandbox({ port: 0, now, tokenTtlSeconds: 3600 })
})
afterEach(() => sandbox.close())

describe('sessionFor', () => {
  it('creates the Profile once and reuses the cached token while it is fresh', async () => {
    const sessions = store()
    const first = await sessions.sessionFor('user-a')
    clock += 30 * MINUTE
    const second = await sessions.sessionFor('user-a')
    expect(second.token).toBe(first.token)
    expect((await stats()).sessionsIssued).toBe(1)
  })

  it('shares one Auth API request between concurrent calls', async () => {
    const sessions = store()
    const tokens = await Promise.all([1, 2, 3].map(() => sessions.sessionFor('user-a')))
    expect(new Set(tokens.map((session) => session.token)).size).toBe(1)
    expect((await stats()).sessionsIssued).toBe(1)
  })

  it('refreshes within 5 minutes of expiry, for the same Profile', async () => {
    const sessions = store()
    const first = await sessions.sessionFor('user-a')
    clock = first.expiresAtMs - 5 * MINUTE + 1000
    const second = await sessions.sessionFor('user-a')
    expect(second.token).not.toBe(first.token)
    expect(second.profileId).toBe(first.profileId)
    expect((await stats()).sessionsIssued).toBe(2)
  })

  it('keeps users apart', async () => {
    const sessions = store()
    const a = await sessions.sessionFor('user-a')
    const b = await sessions.sessionFor('user-b')
    expect(b.profileId).not.toBe(a.profileId)
  })

  it('turns a 429 into a rate_limited error without the secret', async () => {
    await sandbox.close()
    // Two-minute tokens are always inside the refresh window, so each call asks for a new one.
    sandbox = await startSandbox({
      port: 0,
      now,
      tokenTtlSeconds: 120,
      rateLimit: { perHour: 1, perDay: 5 },
    })
    const sessions = store()
    await sessions.sessionFor('user-a')
    const error = await sessions.sessionFor('user-a').catch((caught) => caught)
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfter).toMatch(/^\d+$/)
  })

  it('turns a refused secret into upstream_error whose message holds no secret', async () => {
    const sessions = store({ apiKeySecret: 'sk_wrong_secret_value' })
    const error = await sessions.sessionFor('user-a').catch((caught) => caught)
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error.code).toBe('upstream_error')
    expect(error.message).toContain('401')
    expect(error.message).not.toContain('sk_wrong_secret_value')
  })

  it('reports an unreachable Auth API as upstream_error', async () => {
    const sessions = store({ authUrl: 'http://127.0.0.1:9' })
    const error = await sessions.sessionFor('user-a').catch((caught) => caught)
    expect(error.code).toBe('upstream_error')
  })
})

describe('signOut', () => {
  it('revokes the cached token and issues a new one next time, same Profile', async () => {
    const sessions = store()
    const first = await sessions.sessionFor('user-a')
    expect(await sessions.signOut('user-a')).toEqual({ revoked: true })
    const check = await fetch(`${sandbox.authUrl}/v1/users/session`, {
      headers: { authorization: `Bearer ${first.token}` },
    })
    expect(check.status).toBe(401)
    const second = await sessions.sessionFor('user-a')
    expect(second.token).not.toBe(first.token)
    expect(second.profileId).toBe(first.profileId)
    expect(await stats()).toMatchObject({ sessionsIssued: 2, sessionsRevoked: 1 })
  })

  it('revokes a token that was still being issued', async () => {
    const sessions = store()
    const issuing = sessions.sessionFor('user-a')
    expect(await sessions.signOut('user-a')).toEqual({ revoked: true })
    await issuing
    expect((await stats()).sessionsRevoked).toBe(1)
  })

  it('is a no-op for a user without a token', async () => {
    expect(await store().signOut('nobody')).toEqual({ revoked: false })
  })
})

describe('parseSession', () => {
  it('accepts the Auth API body and prefers the numeric expiration', () => {
    expect(
      parseSession({ token: 't', userId: 'p_1', expiration: 1700000000, expiresAt: 'x' }),
    ).toEqual({ token: 't', profileId: 'p_1', expiresAt: 'x', expiresAtMs: 1700000000000 })
  })

  it.each([
    null,
    'token',
    {},
    { token: '', userId: 'p', expiration: 1 },
    { token: 't', userId: 'p' },
    { token: 't', userId: 'p', expiresAt: 'not a date' },
    { token: 't', userId: 1, expiration: 1 },
  ])('refuses %j', (body) => {
    expect(parseSession(body)).toBeUndefined()
  })
})
