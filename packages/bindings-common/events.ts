// The Connector's events, shared by the React and Vue bindings (bundled into each).
import type { ConnectorEvents } from 'quiltt-embed'

/** Every Connector event, in the SDK's own names (`exitSuccess` → `onExitSuccess`). */
export const EVENTS = [
  'event',
  'open',
  'load',
  'exit',
  'exitSuccess',
  'exitAbort',
  'exitError',
  'navigate',
  'error',
] as const satisfies readonly (keyof ConnectorEvents)[]

export type CallbackName = `on${Capitalize<(typeof EVENTS)[number]>}`

export const callbackOf = (event: string) =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as CallbackName
