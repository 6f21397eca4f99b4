// @ts-check
// The endpoint reads no body, so every shape of POST gets a token: the SDK's (`{}` as JSON, which
// frameworks' own CSRF checks let through), a bare POST (no body, no Content-Type: curl, older
// SDKs) and a body without a type. Through handler() and through nodeHandler() on a real Node
// server, where an unread body must not spoil the requests after it.
import { once } from 'node:events'
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSessions } from '../src/index.js'
import { sandboxAuth } from './helpers/sandbox.js'

const SITE = 'https://app.example'
/** @type {Record<string, { headers?: Record<string, string>, body?: string }>} */
const SHAPES = {
  'the SDK’s request ({} as application/json)': {
    headers: { 'content-type': 'application/json' },
    body: '{}',
  },
  'a POST with no body and no Content-Type': {},
  'a body without a Content-Type header': { body: 'ignored' },
  'a JSON body naming another user': {
    headers: { 'content-type': 'application/json' },
    body: '{"userId":"p_attacker","email":"eve@example.com"}',
  },
}

/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
/** @type {ReturnType<typeof createSessions>} */
let sessions
beforeAll(async () => {
  auth = await sandboxAuth()
  sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl })
})
afterAll(() => auth.close())

describe('handler()', () => {
  const handle = () => sessions.handler({ user: () => ({ email: 'ada@example.com' }) })

  it.each(Object.entries(SHAPES))('%s gets the signed-in user’s token', async (_, shape) => {
    const request = new Request(`${SITE}/api/quiltt/session`, {
      method: 'POST',
      headers: { host: 'app.example', origin: SITE, ...shape.headers },
      body: shape.body,
    })
    const response = await handle()(request)
    expect(response.status).toBe(200)
    const { token } = await response.json()
    expect(token).toBe((await sessions.get({ email: 'ada@example.com' }))?.token)
    // Read by nobody: the body never chooses the user.
    expect(request.bodyUsed).toBe(false)
  })
})

describe('nodeHandler()', () => {
  it('answers every shape, one after another, each with the signed-in user’s token', async () => {
    const endpoint = sessions.nodeHandler({ user: () => ({ email: 'ada@example.com' }) })
    const server = createServer((req, res) => {
      endpoint(req, res)
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const address = server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    try {
      /** @type {string[]} */
      const tokens = []
      for (const [name, shape] of [...Object.entries(SHAPES), ...Object.entries(SHAPES)]) {
        const response = await fetch(`${base}/api/quiltt/session`, {
          method: 'POST',
          headers: { origin: base, ...shape.headers },
          body: shape.body,
        })
        expect(response.status, name).toBe(200)
        tokens.push((await response.json()).token)
      }
      expect(new Set(tokens).size).toBe(1)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
