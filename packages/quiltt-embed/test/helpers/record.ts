// Recording what a connector and the page report: every connector event in order as plain data,
// and the errors reported to `window` (as `reportError` and uncaught listener errors are).
import type { Connector, ConnectorEvents } from '../../src/index'
import { onCleanup } from './cleanup'
import { isObject } from './is-object'

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
