// Leak counters: the listeners added on `window` and `document` and not removed since tracking
// began, and the number of elements in the document, so a test can check `destroy()` leaves
// nothing behind.
import { isObject } from './is-object'

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
