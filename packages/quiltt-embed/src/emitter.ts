import { createNanoEvents } from 'nanoevents'
import { ConnectorError } from './connector-error'
import type { ConnectorEvents } from './types'

/** The connector's typed emitter: nanoevents, plus isolation between listeners. */
export interface Emitter {
  on<E extends keyof ConnectorEvents>(event: E, listener: ConnectorEvents[E]): () => void
  emit<E extends keyof ConnectorEvents>(event: E, ...args: Parameters<ConnectorEvents[E]>): void
  clear(): void
}

// Like a DOM event listener, a throwing listener is reported to the page (window `error`) and
// does not stop the other listeners or the SDK.
function report(error: unknown): void {
  if (typeof reportError === 'function') reportError(error)
  else
    setTimeout(() => {
      throw error
    })
}

export function createEmitter(): Emitter {
  const emitter = createNanoEvents<ConnectorEvents>()
  return {
    on(event, listener) {
      if (typeof listener !== 'function') {
        throw new ConnectorError(
          'INVALID_OPTIONS',
          `The listener for "${String(event)}" must be a function.`,
        )
      }
      const guarded = ((...args: unknown[]) => {
        try {
          ;(listener as (...a: unknown[]) => void)(...args)
        } catch (error) {
          report(error)
        }
      }) as ConnectorEvents[typeof event]
      return emitter.on(event, guarded)
    },
    emit(event, ...args) {
      emitter.emit(event, ...args)
    },
    clear() {
      emitter.events = {}
    },
  }
}
