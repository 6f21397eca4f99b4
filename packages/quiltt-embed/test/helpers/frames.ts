// The iframes on the page: the SDK's connector frames found by their origin and waited for until
// the puppet runs in them, a foreign frame of the test's own, and a frame navigated away to
// another origin.
import { vi } from 'vitest'
import { adopt } from './cleanup'
import { embedLocation, originOf, uniqueId } from './origins'
import { command, waitForMessage, whenLive } from './puppet-messages'

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

/** The connector's iframe once the puppet runs in it (for connectors that are still opening). */
export async function waitForLiveFrame(connectorId: string): Promise<HTMLIFrameElement> {
  const frame = await waitForFrame(connectorId)
  await whenLive(frame)
  return frame
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

/** Creates a puppet iframe of the test's own (not the SDK's) on `connectorId`'s origin. */
export async function foreignFrame(connectorId: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe')
  frame.src = `${originOf(connectorId)}/?embed_location=${encodeURIComponent(embedLocation())}`
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
  adopt(frame)
  await loaded
  return frame
}
