// @ts-check
// Attack: users with no identifying attribute ({ email: null }, { email: '' }, NaN, { metadata:
// {} }, …) must not all get one shared Profile, its token and its bank Connections. Every such
// input is INVALID_USER before any Auth API call.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSessions } from '../src/index.js'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
beforeAll(async () => {
  auth = await sandboxAuth()
})
afterAll(() => auth.close())

it.each([
  ['email: null', { email: null }],
  ['email: undefined', { email: undefined }],
  ['a blank email', { email: '' }],
  ['a whitespace email', { email: ' \t\n' }],
  ['false', { email: false }],
  ['NaN', { name: Number.NaN }],
  ['Infinity', { phone: Number.POSITIVE_INFINITY }],
  ['an empty array', { uuid: [] }],
  ['an empty object', { metadata: {} }],
  ['nested empties', { email: null, name: ' ', metadata: { plan: '', tags: [null, ''] } }],
])('%s is INVALID_USER with no Auth API call', async (_, attributes) => {
  const sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl })
  const error = await sessions.issue(/** @type {any} */ (attributes)).catch((reason) => reason)
  expect(error).toMatchObject({ name: 'SessionError', code: 'INVALID_USER' })
  expect(error.message).toMatch(/stable user ID/)
  expect((await auth.stats()).sessionsIssued).toBe(0)
})

it('two users with empty attributes cannot share a Profile (nor its token)', async () => {
  const sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl })
  const first = await sessions.issue(/** @type {any} */ ({ email: null })).catch((error) => error)
  const second = await sessions.issue({ email: '' }).catch((error) => error)
  expect(first.token).toBeUndefined()
  expect(second.token).toBeUndefined()
})

it('one identifying value is enough: empty ones beside it do not refuse the user', async () => {
  const sessions = createSessions({ apiKeySecret: auth.apiKeySecret, authUrl: auth.authUrl })
  const session = await sessions.issue({
    uuid: '0b9d6c1e-6f1a-4d8e-9a35-2f0c7d1e5a42',
    metadata: {},
  })
  expect(session.token).toEqual(expect.any(String))
  const other = await sessions.issue({ name: 'Ada', metadata: { plan: '' } })
  expect(other.userId).not.toBe(session.userId)
})
