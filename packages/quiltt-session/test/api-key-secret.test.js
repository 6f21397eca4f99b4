// @ts-check
// The API key secret as it comes from the environment: surrounding whitespace (a secret file's
// final line break) is trimmed; anything that cannot be a secret is INVALID_OPTIONS at first use,
// naming the setting and never showing the value, and nothing is sent.
import { afterEach, expect, it } from 'vitest'
import { createSessions } from '../src/index.js'
import { startAuthStub } from './helpers/auth-stub.js'

/** @type {(() => Promise<void>)[]} */
const cleanups = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function stub() {
  const server = await startAuthStub({ status: 503 })
  cleanups.push(() => server.close())
  return server
}

it.each([
  ['a final line break', 'sk_some_secret_1234\n'],
  ['spaces and a tab around it', '  sk_some_secret_1234\t'],
  ['a CRLF from a Windows file', 'sk_some_secret_1234\r\n'],
])('a secret with %s is sent trimmed', async (_, apiKeySecret) => {
  const server = await stub()
  const sessions = createSessions({ apiKeySecret, authUrl: server.url })
  await sessions.issue({ userId: 'p_1' }).catch(() => undefined)
  expect(server.requests.map((request) => request.authorization)).toEqual([
    'Bearer sk_some_secret_1234',
  ])
})

const MALFORMED = /** @type {const} */ ([
  ['a NUL byte', 'sk_secret\u0000value_1234'],
  ['a space inside', 'sk_secret value_1234'],
  ['a line break inside', 'sk_secret\nvalue_1234'],
  ['a non-ASCII letter', 'sk_sécret_value_1234'],
  ['fewer than 8 characters', 'sk_1234'],
  ['a number', 12345678901234],
  ['an object', { secret: 'sk_secret_value_1234' }],
])

it.each(MALFORMED)(
  'a secret with %s is INVALID_OPTIONS at first use, value not shown, nothing sent',
  async (_, apiKeySecret) => {
    const server = await stub()
    // Construction passes: a build that loads the module must not fail on the environment.
    const sessions = createSessions({
      apiKeySecret: /** @type {any} */ (apiKeySecret),
      authUrl: server.url,
    })
    for (const call of [sessions.issue({ userId: 'p_1' }), sessions.revoke({ userId: 'p_1' })]) {
      const error = await call.catch((reason) => reason)
      expect(error).toMatchObject({ name: 'SessionError', code: 'INVALID_OPTIONS' })
      expect(error.message).toContain('`apiKeySecret`')
      expect(error.cause).toBeUndefined()
      const shown = JSON.stringify({ message: error.message, stack: error.stack })
      expect(shown).not.toContain('value_1234')
      expect(shown).not.toContain('sk_1234')
    }
    expect(server.requests).toEqual([])
  },
)

it('the endpoint answers 500 INVALID_OPTIONS for a malformed secret, without the value', async () => {
  const server = await stub()
  const secret = 'sk_secret\u0000value_1234'
  const sessions = createSessions({ apiKeySecret: secret, authUrl: server.url })
  const handle = sessions.handler({ user: () => ({ userId: 'p_1' }) })
  const response = await handle(
    new Request('http://app.test/api/quiltt/session', {
      method: 'POST',
      headers: { host: 'app.test', origin: 'http://app.test' },
    }),
  )
  expect(response.status).toBe(500)
  const text = await response.text()
  expect(JSON.parse(text)).toMatchObject({ code: 'INVALID_OPTIONS' })
  expect(text).not.toContain('value_1234')
  expect(server.requests).toEqual([])
})
