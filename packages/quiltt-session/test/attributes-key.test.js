// @ts-check
// The store remembers which Profile a set of attributes created under `profile:<key>`. The key
// must never change between versions: after an upgrade, a changed key would find nothing, and
// every user created from attributes would get a second, empty Profile. These vectors were
// computed by the release that hashed with node:crypto; every later one must give the same.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSessions, memoryStore } from '../src/index.js'
import { sandboxAuth } from './helpers/sandbox.js'

/** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
let auth
beforeAll(async () => {
  auth = await sandboxAuth()
})
afterAll(() => auth.close())

const VECTORS = /** @type {const} */ ([
  [{ email: 'ada@example.com' }, '4WbgjjtJb_tqdGm49vVzvcFM2yWBPpF7NgX9_9UzLkA'],
  [{ uuid: '0b9d6c1e-6f1a-4d8e-9a35-2f0c7d1e5a42' }, 'niHroubp9waICwFwZc8cBJJupGcOhK0gZWj52iy_3gY'],
  // Non-ASCII (UTF-8 of 2, 3 and 4 bytes), nesting, an array with null, -0.
  [
    {
      name: 'Zoë Ñúñez 東京 🏦',
      metadata: { tier: 'gold', tags: ['a', null, 1.5], nested: { z: true, a: -0 } },
      email: 'zoe@example.com',
    },
    '6Vw9cxWyHMw9Rl3o6TLTi_Ob5DmMA_p3yg1riYWpl5I',
  ],
  // The same attributes in another key order: the same Profile.
  [
    {
      metadata: { nested: { a: 0, z: true }, tags: ['a', null, 1.5], tier: 'gold' },
      email: 'zoe@example.com',
      name: 'Zoë Ñúñez 東京 🏦',
    },
    '6Vw9cxWyHMw9Rl3o6TLTi_Ob5DmMA_p3yg1riYWpl5I',
  ],
  // Characters JSON escapes, and one (U+2028) it does not.
  [
    {
      email: 'eve@example.com',
      metadata: { note: 'quote " backslash \\ bell \u0007 line-sep \u2028 end' },
    },
    'o4WXT7oyilFQsEqeo48qtHpy20ytfjhKA7uQkywwb0E',
  ],
])

it.each(VECTORS)('%j is remembered under the same key as in every release', async (user, key) => {
  const store = memoryStore()
  /** @type {string[]} */
  const written = []
  const sessions = createSessions({
    apiKeySecret: auth.apiKeySecret,
    authUrl: auth.authUrl,
    store: {
      ...store,
      set(name, value, ttl) {
        written.push(name)
        return store.set(name, value, ttl)
      },
    },
  })
  const { userId } = await sessions.issue(user)
  expect(written.filter((name) => name.startsWith('profile:'))).toEqual([`profile:${key}`])
  expect(await store.get(`profile:${key}`)).toBe(userId)
})
