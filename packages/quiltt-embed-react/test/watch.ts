// Helpers shared by the React and Vue binding tests.
import { vi } from 'vitest'
import { iframes, onCleanup } from '../../quiltt-embed/test/helpers'

/** The most Connector iframes the document held at once, from now until cleanup. */
export function watchFrames(): { max(): number } {
  let max = iframes().length
  const observer = new MutationObserver(() => {
    max = Math.max(max, iframes().length)
  })
  observer.observe(document.body, { childList: true, subtree: true })
  onCleanup(() => observer.disconnect())
  return { max: () => max }
}

/** A spy usable as a connector callback prop. */
export const callback = () => vi.fn<(...args: unknown[]) => void>()

/** The names of the calls a set of callback spies received, in order. */
export function callsOf(spies: Record<string, ReturnType<typeof callback>>): string[] {
  return Object.entries(spies)
    .flatMap(([name, spy]) => spy.mock.invocationCallOrder.map((order) => [order, name] as const))
    .sort(([a], [b]) => a - b)
    .map(([, name]) => name)
}

/** Waits for `assertion` to pass: a Connector's page load can take seconds on a busy machine. */
export const until = <T>(assertion: () => T, timeout = 10_000) =>
  vi.waitFor(assertion, { timeout, interval: 20 })
