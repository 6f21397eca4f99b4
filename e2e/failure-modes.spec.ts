// Failure modes against the sandbox, driven through the SDK on the strict-CSP page (its frame-src
// allows every sandbox Connector, so each test uses its own connectorId and its own faults).
// Each failure must end with the documented ConnectorError code on `error` and as the `open()`
// rejection, with an actionable message, no stray elements or listeners, and a Connector that
// opens again once the cause is gone.
import type { BrowserContext, Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'

type Transport = 'iframe' | 'script'

interface Attempt {
  /** `error` events received during this open(), as { name, code, message }. */
  errors: { name: string; code: string; message: string; isConnectorError: boolean }[]
  /** The open() rejection, or null when it resolved. */
  rejection: { name: string; code: string; message: string; isConnectorError: boolean } | null
  /** true when the rejection is the very object the `error` event carried. */
  sameError: boolean
  loads: number
  state: string
}

/** What the page holds for these tests (types only: the page runs the IIFE bundle). */
interface TestConnector {
  state: string
  open(): Promise<void>
  close(): void
  destroy(): void
  on(event: string, listener: (...args: unknown[]) => void): () => void
}
interface ErrorLike {
  name?: string
  code?: string
  message?: string
}
type TestWindow = Window & {
  QuilttEmbed: {
    createConnector(options: Record<string, unknown>): TestConnector
    ConnectorError: new (...args: never[]) => Error
    scriptTransport: object
  }
  __fm: { connector: TestConnector; errors: unknown[]; loads: number }
  __listenerCount(): number
}

const CONNECTOR_FRAME = 'iframe[title="Quiltt Connector"]'
const CONNECTOR_SCRIPT = 'script[src*="/v1/connector.js"]'

// Counts the listeners the SDK and connector.js hold on window and document (added minus
// removed), from the start of the page.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const ids = new WeakMap<object, number>()
    let next = 0
    const live = new Set<string>()
    const key = (target: EventTarget, type: string, listener: unknown, options: unknown) => {
      if (!listener || (target !== window && target !== document)) return undefined
      // Only the SDK's and connector.js's listeners (Playwright adds its own to window).
      if (!/quiltt-embed\.min\.js|connector\.js/.test(new Error().stack ?? '')) return undefined
      if (!ids.has(listener as object)) ids.set(listener as object, next++)
      const capture =
        typeof options === 'boolean'
          ? options
          : Boolean((options as { capture?: boolean } | undefined)?.capture)
      return `${target === window ? 'w' : 'd'}:${type}:${ids.get(listener as object)}:${capture}`
    }
    const add = EventTarget.prototype.addEventListener
    const remove = EventTarget.prototype.removeEventListener
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      const k = key(this, type, listener, options)
      if (k) live.add(k)
      return add.call(this, type, listener, options)
    }
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
      const k = key(this, type, listener, options)
      if (k) live.delete(k)
      return remove.call(this, type, listener, options)
    }
    Object.defineProperty(window, '__listenerCount', { value: () => live.size })
  })
})

test.afterEach(async ({ sandbox, context }) => {
  await context.setOffline(false)
  await setFaults(sandbox, null)
})

async function setFaults(
  sandbox: { authUrl: string; apiKeySecret: string },
  faults: Record<string, unknown> | null,
): Promise<void> {
  const response = await fetch(`${sandbox.authUrl}/__sandbox/faults`, {
    method: faults ? 'POST' : 'DELETE',
    headers: {
      authorization: `Bearer ${sandbox.apiKeySecret}`,
      'content-type': 'application/json',
    },
    body: faults ? JSON.stringify(faults) : undefined,
  })
  expect(response.status).toBe(204)
}

/** The strict page, fully loaded, with one connector of ours created but not opened. */
async function prepare(page: Page, options: ConnectorOptions): Promise<number> {
  await page.goto('/strict.html')
  await expect(page.getByRole('button', { name: 'Connect (iframe transport)' })).toBeEnabled()
  return createTestConnector(page, options)
}

interface ConnectorOptions {
  connectorId: string
  transport?: Transport
  timeout: number
}

/** Creates the page's test connector (replacing, after destroying, any previous one). */
function createTestConnector(page: Page, options: ConnectorOptions): Promise<number> {
  return page.evaluate(async ({ connectorId, transport, timeout }) => {
    const config = await (await fetch('/api/config')).json()
    const nonce = (document.querySelector('script[nonce]') as HTMLScriptElement).nonce
    const w = window as unknown as TestWindow
    w.__fm?.connector.destroy()
    const connector = w.QuilttEmbed.createConnector({
      ...config,
      connectorId,
      // Transports are values: the string picked in the test becomes the SDK's own.
      transport: transport === 'script' ? w.QuilttEmbed.scriptTransport : undefined,
      nonce,
      timeout,
      token: async () => {
        const response = await fetch('/api/quiltt/session', { method: 'POST' })
        if (!response.ok) throw new Error(`POST /api/quiltt/session answered ${response.status}`)
        return (await response.json()).token
      },
    })
    w.__fm = { connector, errors: [], loads: 0 }
    connector.on('error', (error) => w.__fm.errors.push(error))
    connector.on('load', () => {
      w.__fm.loads += 1
    })
    return w.__listenerCount()
  }, options)
}

/** Calls open() on the prepared connector and reports how it ended. */
function open(page: Page): Promise<Attempt> {
  return page.evaluate(async () => {
    const w = window as unknown as TestWindow
    const summarize = (value: unknown) => ({
      name: String((value as ErrorLike | undefined)?.name),
      code: String((value as ErrorLike | undefined)?.code),
      message: String((value as ErrorLike | undefined)?.message ?? ''),
      isConnectorError: value instanceof w.QuilttEmbed.ConnectorError,
    })
    w.__fm.errors = []
    w.__fm.loads = 0
    let rejection: unknown = null
    try {
      await w.__fm.connector.open()
    } catch (error) {
      rejection = error
    }
    return {
      errors: w.__fm.errors.map(summarize),
      rejection: rejection === null ? null : summarize(rejection),
      sameError: rejection !== null && w.__fm.errors[0] === rejection,
      loads: w.__fm.loads,
      state: w.__fm.connector.state,
    }
  })
}

const listenerCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as TestWindow).__listenerCount())

/** The failure contract: one error, the same on both channels, actionable, nothing left over. */
async function expectFailure(page: Page, attempt: Attempt, code: string, baseline: number) {
  expect(attempt.rejection).toMatchObject({ name: 'ConnectorError', code, isConnectorError: true })
  expect(attempt.errors).toHaveLength(1)
  expect(attempt.errors[0]).toEqual(attempt.rejection)
  expect(attempt.sameError).toBe(true)
  expect(attempt.loads).toBe(0)
  const message = attempt.rejection?.message ?? ''
  expect(message.length).toBeGreaterThan(20)
  expect(message).toMatch(/timeout|scriptUrl|token|network|connectorId/i)
  // A message never carries a credential.
  expect(message).not.toMatch(/eyJ[\w-]+\.[\w-]+/)
  expect(attempt.state).not.toBe('open')
  await expect(page.locator(CONNECTOR_FRAME)).toHaveCount(0)
  await expect(page.locator('[role="dialog"]')).toHaveCount(0)
  await expect(page.locator(CONNECTOR_SCRIPT)).toHaveCount(0)
  expect(await listenerCount(page)).toBe(baseline)
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('')
}

/**
 * Opens again once the cause is gone: the Connector reaches Load; then closes cleanly. Tests
 * whose failure is a short LOAD_TIMEOUT pass `fresh`: the page replaces the failed connector by
 * one with a generous timeout, so a slow machine cannot fail the recovery.
 */
async function expectReopens(page: Page, baseline: number, fresh?: ConnectorOptions) {
  if (fresh) expect(await createTestConnector(page, fresh)).toBe(baseline)
  const attempt = await open(page)
  expect(attempt.rejection).toBeNull()
  expect(attempt.errors).toEqual([])
  expect(attempt.loads).toBe(1)
  expect(attempt.state).toBe('open')
  await expect(page.locator(`[role="dialog"] ${CONNECTOR_FRAME}`)).toHaveCount(1)
  // The counter does see the SDK's listeners while the Connector is open.
  expect(await listenerCount(page)).toBeGreaterThan(baseline)
  await page.evaluate(() => (window as unknown as TestWindow).__fm.connector.close())
  await expect(page.locator('[role="dialog"]')).toHaveCount(0)
  await page.evaluate(() => (window as unknown as TestWindow).__fm.connector.destroy())
  await expect(page.locator(CONNECTOR_FRAME)).toHaveCount(0)
  expect(await listenerCount(page)).toBe(baseline)
}

// Short: these connectors are meant to time out.
const LOAD_TIMEOUT_MS = 3000
const RECOVERY_TIMEOUT_MS = 30_000

for (const status of [404, 500] as const) {
  test(`Connector answering ${status}: LOAD_TIMEOUT, then it opens again`, async ({
    page,
    sandbox,
  }) => {
    const connectorId = `fm-status-${status}`
    await setFaults(sandbox, { connectorId, connectorStatus: status })
    const baseline = await prepare(page, { connectorId, timeout: LOAD_TIMEOUT_MS })
    const statuses: number[] = []
    page.on('response', (response) => {
      if (new URL(response.url()).hostname === `${connectorId}.localhost`) {
        statuses.push(response.status())
      }
    })

    await expectFailure(page, await open(page), 'LOAD_TIMEOUT', baseline)
    expect(statuses).toContain(status)

    await setFaults(sandbox, { connectorId, connectorStatus: null })
    await expectReopens(page, baseline, { connectorId, timeout: RECOVERY_TIMEOUT_MS })
  })
}

test('a Connector that never sends Load: LOAD_TIMEOUT, then it opens again', async ({
  page,
  sandbox,
}) => {
  const connectorId = 'fm-no-load'
  await setFaults(sandbox, { connectorId, suppressLoad: true })
  const baseline = await prepare(page, { connectorId, timeout: LOAD_TIMEOUT_MS })

  const attempt = await open(page)
  await expectFailure(page, attempt, 'LOAD_TIMEOUT', baseline)
  expect(attempt.rejection?.message).toContain(`${LOAD_TIMEOUT_MS} ms`)

  await setFaults(sandbox, { connectorId, suppressLoad: false })
  await expectReopens(page, baseline, { connectorId, timeout: RECOVERY_TIMEOUT_MS })
})

test('connector.js failing once: SCRIPT_LOAD_FAILED, then the second open succeeds', async ({
  page,
  sandbox,
  stats,
}) => {
  await setFaults(sandbox, { failScriptRequests: 1 })
  const baseline = await prepare(page, {
    connectorId: 'fm-script',
    transport: 'script',
    timeout: RECOVERY_TIMEOUT_MS,
  })
  const before = (await stats()).scriptRequests

  await expectFailure(page, await open(page), 'SCRIPT_LOAD_FAILED', baseline)
  expect((await stats()).scriptRequests).toBe(before + 1)

  const attempt = await open(page)
  expect(attempt.rejection).toBeNull()
  expect(attempt.errors).toEqual([])
  expect(attempt.loads).toBe(1)
  expect((await stats()).scriptRequests).toBe(before + 2)
  await expect(page.locator(CONNECTOR_SCRIPT)).toHaveCount(1)
  await expect(page.locator(`[role="dialog"] ${CONNECTOR_FRAME}`)).toHaveCount(1)
})

test("script transport: LOAD_TIMEOUT and close() take connector.js's modal down; it opens again", async ({
  page,
  sandbox,
}) => {
  // connector.js has no close(): without Quiltt.resetConnector its modal would stay up, and the
  // next open() of the same connectorId would never show the Connector.
  const connectorId = 'fm-script-no-load'
  const closeConnector = (method: 'close' | 'destroy') =>
    page.evaluate((name) => (window as unknown as TestWindow).__fm.connector[name](), method)
  await setFaults(sandbox, { connectorId, suppressLoad: true })
  const baseline = await prepare(page, {
    connectorId,
    transport: 'script',
    timeout: LOAD_TIMEOUT_MS,
  })

  const attempt = await open(page)
  expect(attempt.rejection).toMatchObject({ code: 'LOAD_TIMEOUT', isConnectorError: true })
  await expect(page.locator('[role="dialog"]')).toHaveCount(0)
  // Once loaded, connector.js keeps one listener for the page's life, as Quiltt's does: a click
  // listener on document that binds Quiltt's quiltt-button markup. Nothing else may stay.
  const loaded = baseline + 1
  expect(await listenerCount(page)).toBe(loaded)

  await setFaults(sandbox, { connectorId, suppressLoad: false })
  await createTestConnector(page, {
    connectorId,
    transport: 'script',
    timeout: RECOVERY_TIMEOUT_MS,
  })
  for (const method of ['close', 'destroy'] as const) {
    const again = await open(page)
    expect(again.rejection).toBeNull()
    expect(again.loads).toBe(1)
    await expect(page.locator(`[role="dialog"] ${CONNECTOR_FRAME}`)).toHaveCount(1)
    await closeConnector(method)
    await expect(page.locator('[role="dialog"]')).toHaveCount(0)
  }
  expect(await listenerCount(page)).toBe(loaded)
})

const tokenFailures: { name: string; fulfil: (route: Route) => Promise<void> }[] = [
  {
    name: 'answering 500',
    fulfil: (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' }),
  },
  {
    name: 'answering garbage instead of JSON',
    fulfil: (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '<html>oops{' }),
  },
  {
    name: 'answering JSON without a token',
    fulfil: (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"token":42}' }),
  },
]

for (const { name, fulfil } of tokenFailures) {
  test(`the demo token endpoint ${name}: TOKEN_PROVIDER_FAILED, then it opens again`, async ({
    page,
  }) => {
    const baseline = await prepare(page, { connectorId: 'fm-token', timeout: RECOVERY_TIMEOUT_MS })
    await page.route('**/api/quiltt/session', fulfil)

    await expectFailure(page, await open(page), 'TOKEN_PROVIDER_FAILED', baseline)

    await page.unroute('**/api/quiltt/session')
    await expectReopens(page, baseline)
  })
}

test('an expired token: TOKEN_EXPIRED, then a fresh token opens the Connector', async ({
  page,
}) => {
  const baseline = await prepare(page, { connectorId: 'fm-expired', timeout: RECOVERY_TIMEOUT_MS })
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const exp = Math.floor(Date.now() / 1000) - 3600
  const expired = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ exp, iat: exp - 60 })}.c2lnbmF0dXJl`
  await page.route('**/api/quiltt/session', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ token: expired, expiresAt: new Date(exp * 1000).toISOString() }),
    }),
  )

  await expectFailure(page, await open(page), 'TOKEN_EXPIRED', baseline)

  await page.unroute('**/api/quiltt/session')
  await expectReopens(page, baseline)
})

test('the network going offline mid-flow: LOAD_TIMEOUT; back online, open() succeeds', async ({
  page,
  context,
}) => {
  const connectorId = 'fm-offline'
  const baseline = await prepare(page, { connectorId, timeout: LOAD_TIMEOUT_MS })
  // The moment the Connector is requested (after open(), before Load) the network goes away.
  const pattern = `http://${connectorId}.localhost:*/**`
  let wentOffline = false
  await page.route(pattern, async (route) => {
    await goOffline(context)
    wentOffline = true
    await route.abort('internetdisconnected')
  })

  await expectFailure(page, await open(page), 'LOAD_TIMEOUT', baseline)
  expect(wentOffline).toBe(true)

  await page.unroute(pattern)
  await context.setOffline(false)
  await expectReopens(page, baseline, { connectorId, timeout: RECOVERY_TIMEOUT_MS })
})

async function goOffline(context: BrowserContext) {
  await context.setOffline(true)
}
