// @ts-check
import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox } from '../src/index.js'
import { postSession, request } from './helpers/http.js'

/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

/** @param {Record<string, string>} [extra] */
const secret = (extra = {}) => ({ authorization: `Bearer ${sandbox.apiKeySecret}`, ...extra })
const json = { 'content-type': 'application/json' }

/**
 * Every error is Quiltt-shaped JSON, and the server still issues tokens afterwards.
 * @param {import('./helpers/http.js').Reply} reply @param {number} status
 */
async function expectQuilttError(reply, status) {
  expect(reply.status).toBe(status)
  expect(reply.headers['content-type']).toMatch(/^application\/json/)
  expect(reply.json).toMatchObject({ message: expect.any(String), instruction: expect.any(String) })
  expect((await postSession(sandbox)).status).toBe(201)
}

describe('Auth API errors', () => {
  test('401 without a secret, with a wrong one, or with another scheme', async () => {
    for (const authorization of [
      undefined,
      'Bearer nope',
      `Basic ${sandbox.apiKeySecret}`,
      'Bearer',
    ]) {
      const reply = await request(sandbox, {
        method: 'POST',
        path: '/v1/users/sessions',
        headers: { ...json, ...(authorization ? { authorization } : {}) },
        body: '{}',
      })
      await expectQuilttError(reply, 401)
      expect(reply.text).not.toContain(sandbox.apiKeySecret)
    }
  })

  test('400 on malformed JSON', async () => {
    const reply = await request(sandbox, {
      method: 'POST',
      path: '/v1/users/sessions',
      headers: secret(json),
      body: '{"email": ',
    })
    await expectQuilttError(reply, 400)
  })

  test('413 on a 100 KB body, answered cleanly', async () => {
    const body = JSON.stringify({ metadata: { blob: 'x'.repeat(100 * 1024) } })
    const reply = await request(sandbox, {
      method: 'POST',
      path: '/v1/users/sessions',
      headers: secret(json),
      body,
    })
    await expectQuilttError(reply, 413)
  })

  test('415 on a non-JSON body', async () => {
    const reply = await request(sandbox, {
      method: 'POST',
      path: '/v1/users/sessions',
      headers: secret({ 'content-type': 'text/plain' }),
      body: 'email=ada@example.com',
    })
    await expectQuilttError(reply, 415)
  })

  test('422 on bad attributes, naming each field', async () => {
    const reply = await postSession(sandbox, {
      email: 42,
      phone: '555',
      metadata: 'nope',
      favouriteColour: 'blue',
    })
    await expectQuilttError(reply, 422)
    expect(Object.keys(reply.json.errors).sort()).toEqual(
      ['email', 'favouriteColour', 'metadata', 'phone'].sort(),
    )
    for (const body of [[], 'text', null, 7, { userId: 12 }]) {
      await expectQuilttError(await postSession(sandbox, body), 422)
    }
  })

  test('405 with Allow on wrong methods', async () => {
    const cases = [
      ['GET', '/v1/users/sessions', 'POST'],
      ['PUT', '/v1/users/session', 'GET, DELETE'],
      ['POST', '/__sandbox/stats', 'GET'],
      ['GET', '/__sandbox/faults', 'POST, DELETE'],
    ]
    for (const [method, path, allow] of cases) {
      const reply = await request(sandbox, { method, path, headers: secret() })
      await expectQuilttError(reply, 405)
      expect(reply.headers.allow).toBe(allow)
    }
  })

  test('404 JSON for unknown paths and unknown hosts', async () => {
    await expectQuilttError(await request(sandbox, { path: '/v2/whatever' }), 404)
    await expectQuilttError(await request(sandbox, { path: '/', host: 'evil.example' }), 404)
    await expectQuilttError(await request(sandbox, { path: '/', host: 'bad_id.localhost' }), 404)
    await expectQuilttError(
      await request(sandbox, { host: 'cdn.localhost', path: '/v2/x.js' }),
      404,
    )
  })

  test('odd headers and raw garbage do not crash the server', async () => {
    const odd = await request(sandbox, {
      method: 'POST',
      path: '/v1/users/sessions',
      headers: {
        authorization: `Bearer ${'a'.repeat(8000)}`,
        'content-type': 'application/json;;;',
      },
      body: '{}',
    })
    await expectQuilttError(odd, 401)
    const raw = await new Promise((resolve, reject) => {
      const socket = connect(sandbox.port, '127.0.0.1', () => socket.end('GARBAGE\r\n\r\n'))
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk
      })
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(raw).toContain('"message"')
    expect((await postSession(sandbox)).status).toBe(201)
  })

  test('any JSON body gets a 2xx or a 4xx JSON answer, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const reply = await postSession(sandbox, value)
        expect(reply.status === 201 || (reply.status >= 400 && reply.status < 500)).toBe(true)
        expect(reply.json).toBeTypeOf('object')
      }),
      { numRuns: 150 },
    )
  })
})
