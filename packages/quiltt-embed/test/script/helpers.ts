// Helpers for the script-transport and autoBind tests: URLs on the script fixture server, session
// tokens, the fake connector.js's call log, and cleanup. Waits are conditions, never sleeps.
import { expect, inject, vi } from 'vitest'
import sdkPackage from '../../package.json'
import type { Connector, ConnectorOptions } from '../../src/index'
import { ConnectorError, createConnector, scriptTransport, version } from '../../src/index'

/** A call recorded by the fake connector.js: `['connect', id, options]`, `['onLoad', id, fn]`, … */
export type QuilttCall = [name: string, ...args: unknown[]]
export type QuilttKind = 'Open' | 'Load' | 'ExitSuccess' | 'ExitAbort' | 'ExitError'

declare global {
  interface Window {
    __quilttCalls?: QuilttCall[]
    __quilttEmit?: (connectorId: string, kind: QuilttKind, metadata?: object) => number
    __quilttCallbackCount?: (connectorId?: string) => number
    __quilttNoGlobalRan?: boolean
    __quilttRuns?: number
  }
}

export const port = inject('scriptFixturePort')
export const cdnOrigin = `http://cdn.localhost:${port}`
/** `connectorUrl` template sending every connectorId to the puppet Connector on this server. */
export const connectorUrl = `http://{connectorId}.localhost:${port}`
export const originOf = (connectorId: string) => `http://${connectorId}.localhost:${port}`

let counter = 0
/** A name no other test uses (connector IDs, script URLs, hold keys). */
export const unique = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}-${(counter++).toString(36)}`

/** A connector.js URL of its own (the SDK caches one load per URL for the page's lifetime). */
export function scriptUrl(variant: Record<string, string> = {}): string {
  const url = new URL('/v1/connector.js', cdnOrigin)
  url.searchParams.set('t', unique('s'))
  for (const [key, value] of Object.entries(variant)) url.searchParams.set(key, value)
  return url.href
}

/** What the SDK calls itself to Quiltt (SPEC §4.4), on connector.js and on the Connector URL. */
export const agent = `quiltt-embed/${version}`

/**
 * `url` as the SDK requests connector.js: with its `agent` added to the query. The source under
 * test says `quiltt-embed/0.0.0-test`; the built script-tag bundle the package's own version.
 */
export function withAgent(url: string, built?: 'built'): string {
  const loaded = new URL(url)
  loaded.searchParams.set('agent', built ? `quiltt-embed/${sdkPackage.version}` : agent)
  return loaded.href
}

/** How many requests the server received for exactly this URL. */
export async function requestCount(url: string): Promise<number> {
  const { pathname, search } = new URL(url)
  const stats = new URL('/__stats', cdnOrigin)
  stats.searchParams.set('path', pathname + search)
  const body = (await (await fetch(stats)).json()) as { count: number }
  return body.count
}

/** Answers the requests held with `?hold=key`, and later ones at once; resolves how many were held. */
export async function release(key: string): Promise<number> {
  const response = await fetch(`${cdnOrigin}/__release?key=${encodeURIComponent(key)}`)
  return ((await response.json()) as { released: number }).released
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A well-formed unsigned JWS shaped like Quiltt's session token (HS512, exp in an hour). */
export function makeToken(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000)
  const header = base64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }))
  const payload = base64url(
    JSON.stringify({ iat: now, exp: now + 3600, jti: crypto.randomUUID(), ...claims }),
  )
  return `${header}.${payload}.${base64url('signature-the-sdk-never-verifies')}`
}

// ---------------------------------------------------------------------------------------------
// The fake connector.js

/** Everything the fake recorded so far, in order. */
export const calls = (): QuilttCall[] => window.__quilttCalls ?? []

/** Calls without the callback functions, for readable `toEqual`. */
export const callNames = (): unknown[][] =>
  calls().map((call) => call.filter((arg) => typeof arg !== 'function'))

/** Fires a Connector event the way Quiltt's script would; returns how many callbacks ran. */
export function emit(connectorId: string, kind: QuilttKind, metadata: object = {}): number {
  if (!window.__quilttEmit) throw new Error('connector.js has not loaded')
  return window.__quilttEmit(connectorId, kind, metadata)
}

export function callbackCount(connectorId?: string): number {
  return window.__quilttCallbackCount?.(connectorId) ?? 0
}

/** Waits until the fake saw `open()` for `connectorId` `times` times. */
export async function waitForQuilttOpen(connectorId: string, times = 1): Promise<void> {
  await vi.waitFor(
    () => {
      const opened = calls().filter(([name, id]) => name === 'open' && id === connectorId).length
      expect(opened).toBeGreaterThanOrEqual(times)
    },
    { timeout: 5000 },
  )
}

/** Protocol steps (authenticate, connect, reconnect, open, …) without callback (un)registration. */
export const steps = (): unknown[][] =>
  callNames().filter(([name]) => !/^(on|off)[A-Z]/.test(String(name)))

export const scriptTags = (url: string) =>
  Array.from(document.scripts).filter((script) => script.src === url)

// ---------------------------------------------------------------------------------------------
// Connectors and cleanup

const disposers: (() => void)[] = []

/** Registers a cleanup step; `cleanup()` runs them in reverse order. */
export function onCleanup(dispose: () => void): void {
  disposers.push(dispose)
}

/** `createConnector` with the script transport on a fresh connector.js URL; destroyed after. */
export function createScriptConnector(options: Partial<ConnectorOptions> = {}): Connector {
  const connector = createConnector({
    connectorId: unique('c'),
    token: makeToken(),
    transport: scriptTransport,
    scriptUrl: scriptUrl(),
    ...options,
  })
  onCleanup(() => connector.destroy())
  return connector
}

/** Appends `element` to `parent` (default body); removed after the test. */
export function adopt<T extends Element>(element: T, parent: Element = document.body): T {
  parent.append(element)
  onCleanup(() => element.remove())
  return element
}

/** Use in `afterEach`: destroys connectors, removes elements, forgets the fake Quiltt. */
export function cleanup(): void {
  for (const dispose of disposers.splice(0).reverse()) dispose()
  for (const script of Array.from(document.scripts)) {
    if (script.src.startsWith(`${cdnOrigin}/`)) script.remove()
  }
  // The SDK reuses an existing window.Quiltt: every test starts without one.
  delete window.Quiltt
  delete window.__quilttCalls
  delete window.__quilttEmit
  delete window.__quilttCallbackCount
  delete window.__quilttNoGlobalRan
  delete window.__quilttRuns
}

/** Awaits a rejection and returns it as a ConnectorError. */
export async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => expect.fail('expected the promise to reject'),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ConnectorError)
  return error as ConnectorError
}

/** Fails the file early when dist/quiltt-embed.min.js is missing or older than the sources. */
export async function expectFreshBundle(): Promise<void> {
  const status = (await (await fetch(`${cdnOrigin}/__bundle`)).json()) as {
    ok: boolean
    reason?: string
  }
  expect(status.ok, status.reason).toBe(true)
}

/** Loads `path` from its own origin in an iframe and resolves the first report it posts. */
export async function loadPage<T>(path: string, query: Record<string, string>): Promise<T> {
  const origin = originOf(unique('page'))
  const url = new URL(path, origin)
  for (const [key, value] of Object.entries({ ...query, parent: location.origin })) {
    url.searchParams.set(key, value)
  }
  const frame = document.createElement('iframe')
  const reports: unknown[] = []
  const listener = (event: MessageEvent) => {
    if (event.source === frame.contentWindow && event.origin === origin) reports.push(event.data)
  }
  window.addEventListener('message', listener)
  frame.src = url.href
  adopt(frame)
  try {
    return await vi.waitFor(
      () => {
        if (reports.length === 0) throw new Error(`${path} has not reported yet`)
        return reports[0] as T
      },
      { timeout: 10_000 },
    )
  } finally {
    window.removeEventListener('message', listener)
  }
}
