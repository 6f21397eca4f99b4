// @ts-check
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox } from '../src/index.js'
import { issueSession, postSession, request } from './helpers/http.js'

/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ tokenTtlSeconds: 3600, environmentId: 'env_test' })
})
afterAll(() => sandbox.close())

/** @param {string} token */
const withToken = (token) => ({ authorization: `Bearer ${token}` })

describe('Quiltt-SDK-Agent', () => {
  test('every Auth API call’s header is recorded as it arrived, a missing one as null', async () => {
    const agent = { 'quiltt-sdk-agent': 'quiltt-session/1.2.3 (Node/20.20.2)' }
    const stats = async () =>
      (
        await request(sandbox, {
          path: '/__sandbox/stats',
          headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
        })
      ).json.agents.authApi
    const issued = await request(sandbox, {
      method: 'POST',
      path: '/v1/users/sessions',
      headers: { authorization: `Bearer ${sandbox.apiKeySecret}`, ...agent },
    })
    const { token } = issued.json
    await request(sandbox, {
      path: '/v1/users/session',
      headers: { ...withToken(token), ...agent },
    })
    await request(sandbox, {
      method: 'DELETE',
      path: '/v1/users/session',
      headers: withToken(token),
    })
    expect((await stats()).slice(-3)).toEqual([
      agent['quiltt-sdk-agent'],
      agent['quiltt-sdk-agent'],
      null,
    ])
  })
})

describe('startSandbox', () => {
  test('resolves the documented URLs and a long random secret', () => {
    expect(sandbox.port).toBeGreaterThan(0)
    expect(sandbox.authUrl).toBe(`http://127.0.0.1:${sandbox.port}`)
    expect(sandbox.connectorUrl).toBe(`http://{connectorId}.localhost:${sandbox.port}`)
    expect(sandbox.scriptUrl).toBe(`http://cdn.localhost:${sandbox.port}/v1/connector.js`)
    expect(sandbox.apiKeySecret).toMatch(/^sk_sandbox_[\w-]{32,}$/)
  })

  test('rejects invalid options synchronously with the option name', async () => {
    await expect(startSandbox({ tokenTtlSeconds: -1 })).rejects.toThrow(/tokenTtlSeconds/)
    await expect(startSandbox({ rateLimit: { perHour: 0 } })).rejects.toThrow(/perHour/)
  })

  test('the Auth API works with plain fetch on authUrl', async () => {
    const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
    })
    expect(response.status).toBe(201)
    expect((await response.json()).userId).toMatch(/^p_/)
  })
})

describe('POST /v1/users/sessions', () => {
  test('creates a Profile and returns Quiltt’s session shape', async () => {
    const before = Math.floor(Date.now() / 1000)
    const reply = await postSession(sandbox, { email: 'ada@example.com', name: 'Ada' })
    expect(reply.status).toBe(201)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    const { token, userId, environmentId, expiration, expiresAt } = reply.json
    expect(Object.keys(reply.json).sort()).toEqual(
      ['environmentId', 'expiration', 'expiresAt', 'token', 'userId'].sort(),
    )
    expect(userId).toMatch(/^p_\w+$/)
    expect(environmentId).toBe('env_test')
    expect(expiration).toBeGreaterThanOrEqual(before + 3600)
    expect(new Date(expiresAt).getTime()).toBe(expiration * 1000)
    expect(typeof token).toBe('string')
  })

  test('tokens are HS512 JWTs with Quiltt’s claim names and the configured lifetime', async () => {
    const { token, userId, expiration } = await issueSession(sandbox)
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS512' })
    const claims = decodeJwt(token)
    for (const name of ['iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'ver', 'uid', 'eid']) {
      expect(claims).toHaveProperty(name)
    }
    expect(claims.uid).toBe(userId)
    expect(claims.eid).toBe('env_test')
    expect(claims.iss).toBe('auth.quiltt.io')
    expect(claims.aud).toBe('api.quiltt.io')
    expect(claims.exp).toBe(expiration)
    expect(/** @type {number} */ (claims.exp) - /** @type {number} */ (claims.iat)).toBe(3600)
    expect(claims.nbf).toBe(claims.iat)
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
  })

  test('the signing key is not the API secret', async () => {
    const { token } = await issueSession(sandbox)
    const { createHmac } = await import('node:crypto')
    const [header, payload, signature] = token.split('.')
    const withSecret = createHmac('sha512', sandbox.apiKeySecret)
      .update(`${header}.${payload}`)
      .digest('base64url')
    expect(withSecret).not.toBe(signature)
  })

  test('`userId` issues another token for the same Profile; unknown IDs are 404', async () => {
    const first = await issueSession(sandbox)
    const second = await issueSession(sandbox, { userId: first.userId, metadata: { plan: 'pro' } })
    expect(second.userId).toBe(first.userId)
    expect(decodeJwt(second.token).jti).not.toBe(decodeJwt(first.token).jti)
    const missing = await postSession(sandbox, { userId: 'p_doesnotexist' })
    expect(missing.status).toBe(404)
    expect(missing.json).toEqual({ message: expect.any(String), instruction: expect.any(String) })
  })

  test('a caller-chosen uuid becomes the Profile ID', async () => {
    const uuid = '3baa7624-2053-46b4-93f6-9132ce6ec65a'
    const created = await issueSession(sandbox, { uuid })
    expect(created.userId).toBe(uuid)
    expect((await issueSession(sandbox, { userId: uuid })).userId).toBe(uuid)
    expect((await postSession(sandbox, { uuid })).status).toBe(422)
  })
})

describe('GET and DELETE /v1/users/session', () => {
  test('GET describes a valid session', async () => {
    const session = await issueSession(sandbox)
    const reply = await request(sandbox, {
      path: '/v1/users/session',
      headers: withToken(session.token),
    })
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({
      id: decodeJwt(session.token).jti,
      token: session.token,
      userId: session.userId,
      environmentId: 'env_test',
      expiration: session.expiration,
      expiresAt: session.expiresAt,
    })
  })

  test('DELETE revokes: 204, then the token fails everywhere', async () => {
    const { token } = await issueSession(sandbox)
    const revoke = await request(sandbox, {
      method: 'DELETE',
      path: '/v1/users/session',
      headers: withToken(token),
    })
    expect(revoke.status).toBe(204)
    expect(revoke.text).toBe('')
    const after = await request(sandbox, { path: '/v1/users/session', headers: withToken(token) })
    expect(after.status).toBe(401)
    expect(after.json.message).toBe('Not Authenticated')
    const again = await request(sandbox, {
      method: 'DELETE',
      path: '/v1/users/session',
      headers: withToken(token),
    })
    expect(again.status).toBe(401)
  })

  test('tokens from another sandbox, tampered tokens and the API secret are 401', async () => {
    const other = await startSandbox()
    try {
      const foreign = await issueSession(other)
      const own = await issueSession(sandbox)
      const [h, p, s] = own.token.split('.')
      const tampered = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`
      for (const token of [foreign.token, tampered, sandbox.apiKeySecret, 'x'.repeat(9000)]) {
        const reply = await request(sandbox, {
          path: '/v1/users/session',
          headers: withToken(token),
        })
        expect(reply.status).toBe(401)
      }
      const none = await request(sandbox, { path: '/v1/users/session' })
      expect(none.status).toBe(401)
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/)
    } finally {
      await other.close()
    }
  })

  test('expiry follows the sandbox clock', async () => {
    let now = Date.now()
    const timed = await startSandbox({ tokenTtlSeconds: 60, now: () => now })
    try {
      const { token } = await issueSession(timed)
      const check = () => request(timed, { path: '/v1/users/session', headers: withToken(token) })
      expect((await check()).status).toBe(200)
      now += 61_000
      expect((await check()).status).toBe(401)
    } finally {
      await timed.close()
    }
  })
})
