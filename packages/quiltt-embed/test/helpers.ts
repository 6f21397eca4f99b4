// Shared helpers for the SDK's browser tests: connectors bound to the puppet Connector server,
// session-token builders, message plumbing and leak counters. Nothing here sleeps: waits are
// conditions (`vi.waitFor`) or round trips through the puppet frame.
import { expect, inject, vi } from 'vitest'
import type { Connector, ConnectorEvents, ConnectorOptions } from '../src/index'
import { ConnectorError, createConnector } from '../src/index'

// ---------------------------------------------------------------------------------------------
// Origins

export const port = inject('fixturePort')
/** `connectorUrl` template pointing every connectorId at the puppet Connector. */
export const connectorUrl = `http://{connectorId}.localhost:${port}`
export const originOf = (connectorId: string) => `http://${connectorId}.localhost:${port}`
/** This test page's origin + path, as `embed_location` should carry it. */
export const embedLocation = () => location.origin + location.pathname

let counter = 0
/** A connectorId no other test uses, so stray messages from earlier tests can never match. */
export const uniqueId = (prefix = 'c') =>
  `${prefix}${Date.now().toString(36)}-${(counter++).toString(36)}`

// ---------------------------------------------------------------------------------------------
// Session tokens (unsigned but well-formed compact JWS: the SDK does not verify signatures)

export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const encodeJson = (value: unknown) => base64url(JSON.stringify(value))
const SIGNATURE = base64url('not-a-real-signature-the-sdk-never-verifies-it-0123456789')

/** A session token shaped like Quiltt's (HS512, 24 h claims), expiring `expSecondsFromNow`. */
export function makeToken(
  expSecondsFromNow = 3600,
  extraClaims: Record<string, unknown> = {},
  header: Record<string, unknown> = { alg: 'HS512', typ: 'JWT' },
): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    iss: 'auth.quiltt.test',
    aud: 'api.quiltt.test',
    iat: now,
    nbf: now,
    exp: now + expSecondsFromNow,
    jti: crypto.randomUUID(),
    ver: 4,
    oid: 'p_test_profile',
    ...extraClaims,
  }
  return `${encodeJson(header)}.${encodeJson(payload)}.${SIGNATURE}`
}

/** Fails if `text` contains the refused `value`, or any 8-character substring of it. */
export function expectNoLeak(text: string | undefined, value: string): void {
  const haystack = text ?? ''
  for (let i = 0; i + 8 <= value.length; i++) {
    const piece = value.slice(i, i + 8)
    if (haystack.includes(piece)) {
      expect.fail(`leaked ${JSON.stringify(piece)} of the refused value in: ${haystack}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Connectors under test

const created: Connector[] = []
const adopted: Element[] = []
const disposers: (() => void)[] = []

/** Registers a function `cleanup()` runs (after destroying connectors). */
export function onCleanup(dispose: () => void): void {
  disposers.push(dispose)
}

/** `createConnector` with the puppet's `connectorUrl`, a fresh id and a valid token; cleaned up. */
export function create(options: Partial<ConnectorOptions> = {}): Connector {
  const connector = createConnector({
    connectorId: uniqueId(),
    token: makeToken(),
    connectorUrl,
    ...options,
  })
  created.push(connector)
  return connector
}

/** Appends an element the test owns to `document.body`; removed in `cleanup()`. */
export function adopt<T extends Element>(element: T, parent: Element = document.body): T {
  parent.append(element)
  adopted.push(element)
  return element
}

export function makeContainer(id = uniqueId('host')): HTMLDivElement {
  const container = document.createElement('div')
  container.id = id
  return adopt(container)
}

/** Destroys every connector and removes every element the test created. Use in `afterEach`. */
export function cleanup(): void {
  for (const connector of created.splice(0)) connector.destroy()
  for (const element of adopted.splice(0)) element.remove()
  for (const dispose of disposers.splice(0).reverse()) dispose()
  messages.length = 0
}

/** Asserts `fn` throws a ConnectorError with `code`, and returns it. */
export function catchError(fn: () => unknown): ConnectorError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError)
    return error as ConnectorError
  }
  return expect.fail('expected a ConnectorError to be thrown')
}

export async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError)
    return error as ConnectorError
  }
  return expect.fail('expected the promise to reject with a ConnectorError')
}

// ---------------------------------------------------------------------------------------------
// The DOM the SDK draws

export const iframes = () => Array.from(document.querySelectorAll('iframe'))

/** The iframe (if any) whose URL is on `connectorId`'s origin. */
export function frameOf(connectorId: string): HTMLIFrameElement | undefined {
  const origin = originOf(connectorId)
  return iframes().find((frame) => frame.src && new URL(frame.src).origin === origin)
}

export async function waitForFrame(connectorId: string): Promise<HTMLIFrameElement> {
  return vi.waitFor(() => {
    const frame = frameOf(connectorId)
    if (!frame) throw new Error(`no iframe for ${connectorId} yet`)
    return frame
  })
}

/**
 * Waits until the puppet page is running in `frame` (not the initial about:blank, which swallows
 * messages): pings until one is echoed.
 */
export async function whenLive(frame: HTMLIFrameElement): Promise<void> {
  const id = crypto.randomUUID()
  await vi.waitFor(
    () => {
      const win = frame.contentWindow
      if (!win) throw new Error('the frame has no window')
      if (!messages.some(isEcho(win, id))) {
        win.postMessage({ fixture: 'ping', id }, '*')
        throw new Error('the puppet is not running in the frame yet')
      }
    },
    { timeout: 10_000, interval: 50 },
  )
}

/** The connector's iframe once the puppet runs in it (for connectors that are still opening). */
export async function waitForLiveFrame(connectorId: string): Promise<HTMLIFrameElement> {
  const frame = await waitForFrame(connectorId)
  await whenLive(frame)
  return frame
}

export const dialogs = () => Array.from(document.querySelectorAll('[role="dialog"]'))

/**
 * Whether the user can reach `dialog`: its close button takes focus. A dialog below a newer modal
 * one is inert (the browser's doing), so it does not. Focus is put back where it was.
 */
export function takesFocus(dialog: Element): boolean {
  const before = document.activeElement as HTMLElement | null
  const close = dialog.querySelector('button')!
  close.focus()
  const took = document.activeElement === close
  before?.focus()
  return took
}

// ---------------------------------------------------------------------------------------------
// Talking to the puppet frame

/** Every message this window receives, recorded by one listener installed at import time. */
const messages: MessageEvent[] = []
window.addEventListener('message', (event) => messages.push(event))

export function receivedMessages(): readonly MessageEvent[] {
  return messages
}

/** Sends a fixture command to a puppet window (test code, so `'*'` is fine here). */
export function command(target: HTMLIFrameElement | Window, data: unknown): void {
  const win = target instanceof HTMLIFrameElement ? target.contentWindow : target
  if (!win) throw new Error('the frame has no window')
  win.postMessage(data, '*')
}

/** Makes the puppet post `data` to this page (as the Connector would). */
export function postFromFrame(
  target: HTMLIFrameElement | Window,
  data: unknown,
  targetOrigin?: string,
): void {
  command(target, { fixture: 'post', data, ...(targetOrigin ? { targetOrigin } : {}) })
}

/** Waits until this window has received a message matching `predicate`; returns it. */
export async function waitForMessage(
  predicate: (event: MessageEvent) => boolean,
  timeout = 5000,
): Promise<MessageEvent> {
  return vi.waitFor(
    () => {
      const found = messages.find(predicate)
      if (!found) throw new Error('message not received yet')
      return found
    },
    { timeout },
  )
}

/**
 * Navigates the connector's frame (same window) to a page on a fresh foreign origin and waits for
 * that page to announce itself; returns the origin.
 */
export async function navigateFrameAway(frame: HTMLIFrameElement): Promise<string> {
  const origin = originOf(uniqueId('evil'))
  command(frame, {
    fixture: 'navigate',
    url: `${origin}/?embed_location=${encodeURIComponent(embedLocation())}`,
  })
  await waitForMessage((event) => event.origin === origin && event.source === frame.contentWindow)
  return origin
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** Matches the puppet's echo (`received`) of the ping `id` from `win`. */
const isEcho = (win: Window | null, id: string) => (event: MessageEvent) =>
  event.source === win &&
  isObject(event.data) &&
  event.data.fixture === 'received' &&
  isObject(event.data.data) &&
  event.data.data.id === id

/**
 * Round trip through the puppet: resolves once everything the frame posted before now (and every
 * message this page posted to it before now) has been delivered and handled.
 */
export async function sync(target: HTMLIFrameElement | Window): Promise<void> {
  const win = target instanceof HTMLIFrameElement ? target.contentWindow : target
  const id = crypto.randomUUID()
  command(target, { fixture: 'ping', id })
  await waitForMessage(isEcho(win, id))
}

/** The URL the puppet frame is actually showing. */
export async function reportedUrl(frame: HTMLIFrameElement): Promise<URL> {
  const before = messages.length
  const win = frame.contentWindow
  command(frame, { fixture: 'report-url' })
  const event = await waitForMessage(
    (e) =>
      messages.indexOf(e) >= before &&
      e.source === win &&
      isObject(e.data) &&
      e.data.fixture === 'url',
  )
  return new URL((event.data as { url: string }).url)
}

/** A Quiltt message as the Connector posts it. */
export const quiltt = (type: string, fields: Record<string, unknown> = {}) => ({
  source: 'quiltt',
  type,
  ...fields,
})

// ---------------------------------------------------------------------------------------------
// Event recording

export type Recorded = [name: keyof ConnectorEvents, ...args: unknown[]]
const EVENT_NAMES: (keyof ConnectorEvents)[] = [
  'event',
  'open',
  'load',
  'exit',
  'exitSuccess',
  'exitAbort',
  'exitError',
  'navigate',
  'error',
]

/** Copies plain data into ordinary objects, dropping keys whose value is `undefined`. */
export function plain(value: unknown): unknown {
  if (value instanceof Error || !isObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined) out[key] = plain(value[key])
  }
  return out
}

/** Records every event of `connector`, in order, as `[name, ...args]` (metadata copied). */
export function record(connector: Connector): Recorded[] {
  const log: Recorded[] = []
  for (const name of EVENT_NAMES) {
    const listener = (...args: unknown[]) => log.push([name, ...args.map(plain)])
    connector.on(name, listener as never)
  }
  return log
}

/**
 * Records errors reported to `window` (what `reportError` and uncaught listener errors produce).
 * While it listens, Vitest's runner treats them as handled; it stops in `cleanup()`.
 */
export function captureWindowErrors(): unknown[] {
  const errors: unknown[] = []
  const listener = (event: ErrorEvent) => {
    errors.push(event.error ?? event.message)
    event.preventDefault()
  }
  window.addEventListener('error', listener)
  onCleanup(() => window.removeEventListener('error', listener))
  return errors
}

/** Opens `connector` (waits for load) and returns its iframe. */
export async function openAndGetFrame(connector: Connector): Promise<HTMLIFrameElement> {
  await connector.open()
  const frame = frameOf(connector.connectorId)
  if (!frame) return expect.fail('open() resolved but there is no connector iframe')
  return frame
}

/** An inline connector, opened, with its frame and an event log that starts after `open()`. */
export async function openInline(options: Partial<ConnectorOptions> = {}) {
  const container = makeContainer()
  const connector = create({ container, ...options })
  const frame = await openAndGetFrame(connector)
  const log = record(connector)
  return { connector, frame, log, container }
}

/** An opened modal connector, with its frame and an event log that starts after `open()`. */
export async function openModal(options: Partial<ConnectorOptions> = {}) {
  const connector = create(options)
  const frame = await openAndGetFrame(connector)
  const log = record(connector)
  return { connector, frame, log }
}

/** Creates a puppet iframe of the test's own (not the SDK's) on `connectorId`'s origin. */
export async function foreignFrame(connectorId: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe')
  frame.src = `${originOf(connectorId)}/?embed_location=${encodeURIComponent(embedLocation())}`
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
  adopt(frame)
  await loaded
  return frame
}

// ---------------------------------------------------------------------------------------------
// Leak counters

interface Registration {
  target: EventTarget
  type: string
  listener: unknown
  capture: boolean
}

/**
 * Counts listeners on `window` and `document` added minus removed since `start()` (matching by
 * target, type, listener and capture, like the DOM does; `signal` aborts and `once` count too).
 * Vitest's browser runner puts its own `addEventListener` on `window`, so both that and
 * `EventTarget.prototype` are wrapped.
 */
export function trackGlobalListeners() {
  const live: Registration[] = []
  const restorers: (() => void)[] = []
  const tracked = (target: unknown) => target === window || target === document
  const find = (r: Omit<Registration, 'target'> & { target: unknown }) =>
    live.findIndex(
      (x) =>
        x.target === r.target &&
        x.type === r.type &&
        x.listener === r.listener &&
        x.capture === r.capture,
    )
  const captureOf = (options: unknown) =>
    typeof options === 'boolean' ? options : isObject(options) && options.capture === true

  function wrap(host: object, originalAdd: EventTarget['addEventListener']) {
    const originalRemove = (host as EventTarget).removeEventListener
    const add = function (
      this: EventTarget,
      type: string,
      listener: unknown,
      options?: unknown,
    ): void {
      if (tracked(this) && listener) {
        const reg = { target: this, type, listener, capture: captureOf(options) }
        const signal = isObject(options) ? (options.signal as AbortSignal | undefined) : undefined
        if (find(reg) === -1 && !signal?.aborted) {
          live.push(reg)
          const drop = () => {
            const index = find(reg)
            if (index !== -1) live.splice(index, 1)
          }
          signal?.addEventListener('abort', drop, { once: true })
          if (isObject(options) && options.once) {
            originalAdd.call(this, type, drop, { once: true, capture: reg.capture })
          }
        }
      }
      ;(originalAdd as (...a: unknown[]) => void).call(this, type, listener, options)
    }
    const remove = function (
      this: EventTarget,
      type: string,
      listener: unknown,
      options?: unknown,
    ): void {
      if (tracked(this)) {
        const index = find({ target: this, type, listener, capture: captureOf(options) })
        if (index !== -1) live.splice(index, 1)
      }
      ;(originalRemove as (...a: unknown[]) => void).call(this, type, listener, options)
    }
    Object.assign(host, { addEventListener: add, removeEventListener: remove })
    restorers.push(() =>
      Object.assign(host, { addEventListener: originalAdd, removeEventListener: originalRemove }),
    )
  }

  wrap(EventTarget.prototype, EventTarget.prototype.addEventListener)
  if (Object.hasOwn(window, 'addEventListener')) wrap(window, window.addEventListener)

  return {
    /** Net listeners added on window/document since tracking began, by type. */
    net(): Record<string, number> {
      const out: Record<string, number> = {}
      for (const r of live) out[r.type] = (out[r.type] ?? 0) + 1
      return out
    },
    stop(): void {
      for (const restore of restorers.splice(0).reverse()) restore()
    },
  }
}

export const domNodeCount = () => document.getElementsByTagName('*').length
