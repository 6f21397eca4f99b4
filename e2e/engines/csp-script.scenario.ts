// Strict CSP with and without Trusted Types, with both built bundles, and the script transport:
// the modal and connector.js work with no violation whether the engine enforces Trusted Types or
// lacks them, and several connectors share one connector.js request.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import type { EngineName } from './driver'
import { describeEngines, type Session } from './session'

/** Whether each engine enforces `require-trusted-types-for` (checked on the page, every run). */
const ENFORCES_TRUSTED_TYPES: Record<EngineName, boolean> = { firefox: true, webkit: true }

/** A connector.js URL of its own (the SDK loads each URL once per page), answering Load itself. */
const scriptUrl = (session: Session) =>
  `http://cdn.localhost:${session.servers.scriptPort}/v1/connector.js?t=${randomUUID()}&autoload=1`

describeEngines('strict CSP and the script transport', (session) => {
  test.each([
    ['esm', 'trusted-types'],
    ['iife', 'trusted-types'],
    ['esm', 'no-trusted-types'],
    ['iife', 'no-trusted-types'],
  ] as const)(
    '%s bundle under a strict CSP, %s: modal and connector.js, no violation',
    async (bundle, csp) => {
      const { call, driver, hostPage } = session()
      const keys = await hostPage({ bundle, csp })
      expect(keys).toEqual(
        expect.arrayContaining(['autoBind', 'createConnector', 'scriptTransport']),
      )
      if (csp === 'no-trusted-types') expect(await call('trustedTypes')).toBe(false)

      const modal = await call<string>('create')
      expect(await call('openAndWait', modal)).toBe('resolved')
      // The modal's CSSOM styles hold under style-src 'self' (no inline style markup needed).
      expect(await call('layout')).toMatchObject({
        overlay: { left: 0, top: 0 },
        dim: expect.stringMatching(/^rgba\(0, 0, 0, 0\.\d+\)$/),
      })
      await call('close', modal)
      const url = scriptUrl(session())
      const script = await call<string>('create', { scriptUrl: url })
      expect(await call('openAndWait', script)).toBe('resolved')
      expect(await call('names', script)).toEqual(['open', 'event:opened', 'load', 'event:loaded'])
      expect(await call('violations')).toEqual([])
      expect(await call('errors')).toEqual([])
      expect(await session().servers.scriptRequests(url)).toBe(1)
      // Last, as the probe is itself a violation: Trusted Types really were enforced (or absent).
      const enforced = await call<boolean>('trustedTypesEnforced')
      expect(enforced).toBe(csp === 'trusted-types' && ENFORCES_TRUSTED_TYPES[driver.engine])
    },
  )

  test('one connector.js request however many connectors open at once', async () => {
    const { call, hostPage, servers } = session()
    await hostPage({ csp: 'strict' })
    const url = scriptUrl(session())
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(await call<string>('create', { scriptUrl: url }))
    await call('openAll', ids)
    for (const id of ids) await expect.poll(() => call('outcome', id)).toBe('resolved')
    expect(await servers.scriptRequests(url)).toBe(1)
    // And again after all of them closed: still the one script.
    for (const id of ids) await call('close', id)
    expect(await call('openAndWait', ids[0])).toBe('resolved')
    expect(await servers.scriptRequests(url)).toBe(1)
    expect(await call('violations')).toEqual([])
  })
})
