// Talking to the puppet Connector through postMessage: every message this window receives is
// recorded (one listener, installed at import time), fixture commands go to a puppet frame, and
// waits are round trips through it (`sync`, `whenLive`), never sleeps.
import { vi } from 'vitest'
import { isObject } from './is-object'

/** Every message this window receives, recorded by one listener installed at import time. */
const messages: MessageEvent[] = []
window.addEventListener('message', (event) => messages.push(event))

export function receivedMessages(): readonly MessageEvent[] {
  return messages
}

/** Forgets the messages received so far (`cleanup()` does, between tests). */
export function forgetMessages(): void {
  messages.length = 0
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

/** Matches the puppet's echo (`received`) of the ping `id` from `win`. */
const isEcho = (win: Window | null, id: string) => (event: MessageEvent) =>
  event.source === win &&
  isObject(event.data) &&
  event.data.fixture === 'received' &&
  isObject(event.data.data) &&
  event.data.data.id === id

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
