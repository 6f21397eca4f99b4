// preload() with the script transport (SPEC §3.6: "it loads connector.js" and mounts nothing),
// and preload() then open() on a strict-CSP page running the built IIFE, for both transports,
// with zero CSP violations. Requests are counted by ./fixture-server/.
import { afterEach, beforeAll, expect, test } from 'vitest'
import {
  calls,
  cleanup,
  createScriptConnector,
  expectFreshBundle,
  loadPage,
  makeToken,
  rejection,
  requestCount,
  scriptUrl,
  steps,
  unique,
  withAgent,
} from './helpers'

afterEach(cleanup)

beforeAll(expectFreshBundle)

const connectorFrames = () => document.querySelectorAll('iframe, [role="dialog"]')

test('preload() loads connector.js once, asks for no token and mounts nothing', async () => {
  const url = scriptUrl({ autoload: '1' })
  let tokenCalls = 0
  const token = () => {
    tokenCalls++
    return makeToken()
  }
  const connector = createScriptConnector({ scriptUrl: url, token })
  const first = connector.preload()
  expect(connector.preload()).toBe(first)
  await first
  // A second handle on the same script shares the one download.
  await createScriptConnector({ scriptUrl: url, token }).preload()

  expect(await requestCount(withAgent(url))).toBe(1)
  expect(window.Quiltt).toBeDefined()
  expect(calls()).toEqual([])
  expect(tokenCalls).toBe(0)
  expect(connectorFrames()).toHaveLength(0)
  expect(connector.state).toBe('idle')
})

test('open() after preload() drives connector.js without downloading it again', async () => {
  const url = scriptUrl({ autoload: '1' })
  const events: string[] = []
  const connector = createScriptConnector({ scriptUrl: url, onEvent: (type) => events.push(type) })
  await connector.preload()
  await connector.open()
  expect(steps()).toEqual([
    ['authenticate', expect.any(String)],
    ['connect', connector.connectorId, expect.any(Object)],
    ['open', connector.connectorId],
  ])
  expect(events).toEqual(['opened', 'loaded'])
  expect(connector.state).toBe('open')
  expect(await requestCount(withAgent(url))).toBe(1)
})

test('a failed connector.js preload rejects SCRIPT_LOAD_FAILED silently, and open() retries', async () => {
  const url = scriptUrl({ fail: '1', autoload: '1' })
  const connector = createScriptConnector({ scriptUrl: url })
  const errors: unknown[] = []
  connector.on('error', (error) => errors.push(error))
  expect((await rejection(connector.preload())).code).toBe('SCRIPT_LOAD_FAILED')
  expect(errors).toEqual([])
  expect(connector.state).toBe('idle')
  await connector.open()
  expect(await requestCount(withAgent(url))).toBe(2)
  expect(connector.state).toBe('open')
})

test('preload() after destroy() rejects DESTROYED and loads nothing', async () => {
  const url = scriptUrl()
  const connector = createScriptConnector({ scriptUrl: url })
  connector.destroy()
  expect((await rejection(connector.preload())).code).toBe('DESTROYED')
  expect(await requestCount(url)).toBe(0)
})

// ---------------------------------------------------------------------------------------------
// Strict CSP: default-src 'self' (no inline styles or scripts), Trusted Types (quiltt-embed only)

interface PreloadReport {
  ok: boolean
  code?: string
  message?: string
  violations: unknown[]
  prepared: { frames: number; visibility: string | null; inert: boolean | null; quiltt: string }
  opened: {
    frames: number
    src: string | null
    visibility: string | null
    inert: boolean | null
    calls: string[]
  }
  sameFrame: boolean
  eventsWhilePrepared: string[]
  visible?: boolean
  events: string[]
}

const loadPreloadPage = (query: Record<string, string>) =>
  loadPage<PreloadReport>('/pages/preload.html', query)

test('strict CSP, iframe transport: preload() then open() with no violation and no reload', async () => {
  const connectorId = unique('csp')
  const report = await loadPreloadPage({ transport: 'iframe', connectorId })
  expect(report).toMatchObject({ ok: true, violations: [], sameFrame: true })
  expect(report.prepared).toMatchObject({ frames: 1, visibility: 'hidden', inert: true })
  expect(report.opened).toMatchObject({ frames: 1, visibility: 'visible', inert: false })
  expect(report.eventsWhilePrepared).toEqual([])
  expect(report.events).toEqual(['opened', 'loaded'])
  // The Connector page was requested once: open() showed the prepared one.
  expect(await requestCount(report.opened.src ?? '')).toBe(1)
})

test('strict CSP, script transport: preload() loads connector.js through the policy, open() drives it', async () => {
  const url = scriptUrl({ autoload: '1' })
  const report = await loadPreloadPage({
    transport: 'script',
    connectorId: unique('csp'),
    scriptUrl: url,
  })
  expect(report).toMatchObject({ ok: true, violations: [] })
  expect(report.prepared).toMatchObject({ frames: 0, quiltt: 'object' })
  expect(report.opened.calls).toEqual(['authenticate', 'connect', 'open'])
  expect(report.events).toEqual(['opened', 'loaded'])
  expect(await requestCount(withAgent(url, 'built'))).toBe(1)
})

// A page that prepares the Connector as early as it can calls preload() from a <head> script,
// before the parser has made document.body, where the modal goes.
test('preload() from a <head> script, before the body exists, prepares the modal', async () => {
  const report = await loadPreloadPage({
    transport: 'iframe',
    connectorId: unique('csp'),
    early: '1',
  })
  expect(report).toMatchObject({ ok: true, violations: [], sameFrame: true })
  expect(report.prepared).toMatchObject({ frames: 1, visibility: 'hidden', inert: true })
  expect(report.events).toEqual(['opened', 'loaded'])
})

// open() right after that preload(), while the modal still waits for document.body: the prepared
// Connector must still be shown once it is mounted, never left hidden.
test('open() right after a <head> preload(), before the body exists, shows the Connector', async () => {
  const report = await loadPreloadPage({
    transport: 'iframe',
    connectorId: unique('csp'),
    early: 'race',
  })
  expect(report).toMatchObject({ ok: true, violations: [], visible: true })
  expect(report.opened).toMatchObject({ frames: 1, visibility: 'visible', inert: false })
  expect(report.events).toEqual(['opened', 'loaded'])
})
