import type { ConnectorSDKEventType } from '@quiltt/core/api/browser'
import type { Emitter } from './emitter'
import type { ConnectorEvents, ConnectorMetadata } from './types'

/**
 * Quiltt's events, by the keys of its enum: the type Quiltt reports (the enum's value, checked
 * below) and the event we emit for it. Written out, so Quiltt's enum is not bundled.
 */
const QUILTT_EVENTS = {
  Open: { type: 'opened', event: 'open' },
  Load: { type: 'loaded', event: 'load' },
  ExitSuccess: { type: 'exited.successful', event: 'exitSuccess' },
  ExitAbort: { type: 'exited.aborted', event: 'exitAbort' },
  ExitError: { type: 'exited.errored', event: 'exitError' },
} as const satisfies {
  [K in keyof typeof ConnectorSDKEventType]: {
    type: `${(typeof ConnectorSDKEventType)[K]}`
    event: keyof ConnectorEvents
  }
}

export type QuilttEventKey = keyof typeof QUILTT_EVENTS

/** The events that end the Connector's flow (the user is done with it, one way or another). */
const EXITS: readonly QuilttEventKey[] = ['ExitSuccess', 'ExitAbort', 'ExitError']
export const isExit = (key: QuilttEventKey): boolean => EXITS.includes(key)

/**
 * Emits one of Quiltt's events in the documented order: its own event (`exitSuccess`), then
 * `exit` for the exits, then `event`.
 */
export function reportQuilttEvent(
  emitter: Emitter,
  key: QuilttEventKey,
  metadata: ConnectorMetadata,
): void {
  const { event } = QUILTT_EVENTS[key]
  // The table's type proves it is the enum's value.
  const type = QUILTT_EVENTS[key].type as ConnectorSDKEventType
  emitter.emit(event, metadata)
  if (isExit(key)) emitter.emit('exit', type, metadata)
  emitter.emit('event', type, metadata)
}

/** The callback options, named like Quiltt's own, and the event each one is sugar for. */
const OPTION_CALLBACKS = {
  onEvent: 'event',
  onOpen: 'open',
  onLoad: 'load',
  onExit: 'exit',
  onExitSuccess: 'exitSuccess',
  onExitAbort: 'exitAbort',
  onExitError: 'exitError',
  onNavigate: 'navigate',
  onError: 'error',
} as const satisfies Record<string, keyof ConnectorEvents>

/**
 * Subscribes the callbacks given as options (`onExitSuccess: fn` is `.on('exitSuccess', fn)`).
 * `options` has no prototype (checked options), so only the caller's own callbacks are found.
 */
export function subscribeOptionCallbacks(
  emitter: Emitter,
  options: Partial<Record<keyof typeof OPTION_CALLBACKS, unknown>>,
): void {
  for (const [option, event] of Object.entries(OPTION_CALLBACKS)) {
    const callback = options[option as keyof typeof OPTION_CALLBACKS]
    if (callback) emitter.on(event, callback as never)
  }
}
