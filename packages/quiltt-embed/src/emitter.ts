import { createNanoEvents } from 'nanoevents'
import type { ConnectorError } from './connector-error'
import { reportUnheard } from './report-unheard'
import type { ConnectorEvents } from './types'

/** The connector's typed emitter: nanoevents, plus isolation between listeners. */
export interface Emitter {
  on<E extends keyof ConnectorEvents>(event: E, listener: ConnectorEvents[E]): () => void
  emit<E extends keyof ConnectorEvents>(event: E, ...args: Parameters<ConnectorEvents[E]>): void
  clear(): void
}

export function createEmitter(): Emitter {
  const emitter = createNanoEvents()
  // nanoevents starts from `{}`: with a polluted `Object.prototype.exitSuccess = []` every
  // connector would push onto, and emit, that one inherited array. Ours has no prototype.
  const table = () => (emitter.events = Object.create(null))
  table()
  // nanoevents walks a snapshot of the listeners, so `live` also silences the rest of an emit
  // that is under way when a listener destroys the connector.
  let live = true
  return {
    // Like a DOM event listener, a listener that throws is reported to the page (a window
    // `error` event) and stops neither the other listeners nor the SDK.
    on: (event, listener) =>
      emitter.on(event, (...args: unknown[]) => {
        try {
          if (live) (listener as (...args: unknown[]) => void)(...args)
        } catch (error) {
          reportError(error)
        }
      }),
    emit(event, ...args) {
      // No failure is silent: an `error` with no listener (the integrator's `on('error')` or
      // `onError`) goes to the console once. It is emitted once per failure, however many ways
      // (event, open()'s rejection) it reaches the page.
      if (event === 'error' && !emitter.events.error?.length)
        reportUnheard(args[0] as ConnectorError)
      emitter.emit(event, ...args)
    },
    clear() {
      live = false
      table()
    },
  }
}
