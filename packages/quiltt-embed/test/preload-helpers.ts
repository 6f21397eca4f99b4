// Helpers for the preload() tests (SPEC §3.6): how often the puppet Connector page was requested,
// how a promise settled, and where a prepared Connector sits in the page.
import { expect, vi } from 'vitest'
import { ConnectorError } from '../src/index'
import { frameOf, originOf } from './helpers'

/**
 * How many times the puppet Connector page of `connectorId` was requested: the fixture server
 * counts them, so a reload (an iframe moved to another parent) or a second iframe shows here.
 */
export async function pageLoads(connectorId: string): Promise<number> {
  const response = await fetch(`${originOf(connectorId)}/__loads`)
  return ((await response.json()) as { loads: number }).loads
}

/** Settles `promise` into `'resolved'` or the rejection's ConnectorError code, recording when. */
export function outcome(promise: Promise<unknown>): { settled: () => string | undefined } {
  let result: string | undefined
  promise.then(
    () => {
      result = 'resolved'
    },
    (error: unknown) => {
      result = error instanceof ConnectorError ? error.code : `not a ConnectorError: ${error}`
    },
  )
  return { settled: () => result }
}

/** Waits until `promise` has settled and returns how: a preload must never hang. */
export async function settled(promise: Promise<unknown>): Promise<string> {
  const watch = outcome(promise)
  return vi.waitFor(
    () => {
      const result = watch.settled()
      if (!result) throw new Error('the promise has not settled')
      return result
    },
    { timeout: 5000 },
  )
}

/** The connector's iframe; fails if there is none. */
export function theFrame(connectorId: string): HTMLIFrameElement {
  const frame = frameOf(connectorId)
  if (!frame) return expect.fail(`no iframe for ${connectorId}`)
  return frame
}

/** The outermost element the SDK added for `frame`: the modal overlay, or the inline wrapper. */
export function outermost(frame: HTMLIFrameElement): HTMLElement {
  return (frame.closest('[role="dialog"]') ?? frame.parentElement) as HTMLElement
}

/** The element's box as plain numbers, for comparing before and after. */
export const box = (element: Element) => {
  const { x, y, width, height } = element.getBoundingClientRect()
  return { x, y, width, height }
}
