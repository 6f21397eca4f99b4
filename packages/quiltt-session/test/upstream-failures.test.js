// @ts-check
// A failed Auth API call says what really failed (a request this runtime refuses is not an
// unreachable API), its `cause` keeps the underlying error's name and code but never its message
// (which may quote the secret), and a redirect is never followed: it is UPSTREAM_FAILED with its
// body cancelled, whether the runtime hands over the 3xx or an opaque redirect.
import { afterEach, expect, it, vi } from 'vitest'
import { createSessions } from '../src/index.js'
import { startAuthStub } from './helpers/auth-stub.js'
import { sandboxAuth } from './helpers/sandbox.js'

const SECRET = 'sk_upstream_secret_1234'

/** @type {(() => Promise<void>)[]} */
const cleanups = []
afterEach(async () => {
  vi.unstubAllGlobals()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** @param {import('./helpers/auth-stub.js').Answer} answer */
async function stub(answer) {
  const server = await startAuthStub(answer)
  cleanups.push(() => server.close())
  return server
}

/** @param {Promise<unknown>} promise @returns {Promise<any>} */
const failure = (promise) =>
  promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error) => error,
  )

/** Everything a log line of the error could show. */
const shown = (/** @type {any} */ error) =>
  JSON.stringify({ message: error.message, stack: error.stack, cause: error.cause })

it('a fetch that refuses redirect: "error", as workerd does, still gets a token', async () => {
  const auth = await sandboxAuth()
  cleanups.push(() => auth.close())
  /** @type {RequestRedirect[]} */
  const modes = []
  const sessions = createSessions({
    apiKeySecret: auth.apiKeySecret,
    authUrl: auth.authUrl,
    // workerd's words; it throws before sending anything.
    fetch: async (input, init) => {
      const request = new Request(input, init)
      modes.push(request.redirect)
      if (request.redirect === 'error') {
        throw new TypeError(
          'Invalid redirect value, must be one of "follow" or "manual" ("error" won\'t be ' +
            'implemented since it does not make sense at the edge; use "manual" and check the ' +
            'response status code).',
        )
      }
      return fetch(request)
    },
  })
  const session = await sessions.issue({ email: 'ada@example.com' })
  expect(session.token).toEqual(expect.any(String))
  expect(modes).toEqual(['manual'])
})

it.each([301, 302, 303, 307, 308])(
  'a %i is UPSTREAM_FAILED, not followed, its body cancelled',
  async (status) => {
    const target = await stub({ status: 201, body: '{}' })
    const server = await stub({
      status,
      headers: { location: `${target.url}/v1/users/sessions` },
      body: '<a href="/elsewhere">moved</a>',
    })
    let cancelled = false
    const sessions = createSessions({
      apiKeySecret: SECRET,
      authUrl: server.url,
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        const body = /** @type {ReadableStream} */ (response.body)
        const cancel = body.cancel.bind(body)
        body.cancel = (reason) => {
          cancelled = true
          return cancel(reason)
        }
        return response
      },
    })
    const error = await failure(sessions.issue({ userId: 'p_1' }))
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status })
    expect(error.message).toContain(`answered with a redirect (HTTP ${status})`)
    expect(error.message).toContain('`authUrl`')
    expect(error.message).not.toContain('elsewhere')
    expect(cancelled).toBe(true)
    expect(target.requests).toEqual([])
  },
)

it('an opaque redirect (a browser-like fetch) is UPSTREAM_FAILED, its body cancelled', async () => {
  let cancelled = false
  const body = new ReadableStream({
    cancel() {
      cancelled = true
    },
  })
  // What a browser's fetch resolves with for redirect: 'manual' (status 0, type opaqueredirect),
  // which no Response constructor can make.
  const opaque = Object.defineProperties(new Response(body), {
    type: { value: 'opaqueredirect' },
    status: { value: 0 },
  })
  const sessions = createSessions({
    apiKeySecret: SECRET,
    authUrl: 'https://auth.quiltt.test',
    fetch: async () => opaque,
  })
  const error = await failure(sessions.issue({ userId: 'p_1' }))
  expect(error.code).toBe('UPSTREAM_FAILED')
  expect(error.status).toBeUndefined()
  expect(error.message).toContain('answered with a redirect, which is not followed')
  expect(cancelled).toBe(true)
})

it('a request this runtime refuses to build is named as such; its message (with the secret) is not kept', async () => {
  const server = await stub({ status: 201, body: '{}' })
  // A runtime whose Request refuses a header value and quotes it, as Node's did for a NUL byte.
  vi.stubGlobal(
    'Request',
    class RefusingRequest extends Request {
      /** @param {RequestInfo | URL} input @param {RequestInit} [init] */
      constructor(input, init) {
        const authorization = new Headers(init?.headers).get('authorization')
        if (authorization) {
          throw new TypeError(`Headers.append: "${authorization}" is an invalid header value.`)
        }
        super(input, init)
      }
    },
  )
  const sessions = createSessions({ apiKeySecret: SECRET, authUrl: server.url })
  const error = await failure(sessions.issue({ userId: 'p_1' }))
  expect(error.code).toBe('UPSTREAM_FAILED')
  expect(error.message).toContain("This runtime's fetch refused to build the Auth API request")
  expect(error.message).toContain('(TypeError)')
  expect(error.message).toContain('nothing was sent')
  expect(error.message).not.toContain('could not be reached')
  expect(error.cause).toEqual({ name: 'TypeError' })
  expect(shown(error)).not.toContain(SECRET)
  expect(server.requests).toEqual([])
})

it.each([
  [
    'Node (code on the cause)',
    Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(`connect ECONNREFUSED, sent Bearer ${SECRET}`), {
        code: 'ECONNREFUSED',
      }),
    }),
    'TypeError, ECONNREFUSED',
    { name: 'TypeError', code: 'ECONNREFUSED' },
  ],
  [
    'Bun (code on the error)',
    Object.assign(new Error(`Unable to connect (Bearer ${SECRET})`), { code: 'ConnectionRefused' }),
    'Error, ConnectionRefused',
    { name: 'Error', code: 'ConnectionRefused' },
  ],
  [
    'Deno (no code)',
    new TypeError(`error sending request (Bearer ${SECRET}): Connection refused`),
    'TypeError',
    { name: 'TypeError' },
  ],
  [
    'a code that is not an identifier',
    Object.assign(new Error('x'), { code: `Bearer ${SECRET}` }),
    'Error',
    { name: 'Error' },
  ],
])(
  'a network failure (%s) keeps name and code, never the message',
  async (_, thrown, named, cause) => {
    const sessions = createSessions({
      apiKeySecret: SECRET,
      authUrl: 'https://auth.quiltt.test',
      fetch: async () => {
        throw thrown
      },
    })
    const error = await failure(sessions.issue({ userId: 'p_1' }))
    expect(error.code).toBe('UPSTREAM_FAILED')
    expect(error.message).toContain(`could not be reached (${named})`)
    expect(error.cause).toEqual(cause)
    expect(shown(error)).not.toContain(SECRET)
  },
)
