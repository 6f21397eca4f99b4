import type { ConnectorEvents, ConnectorOptions, TokenSource } from 'quiltt-embed'

/**
 * `createConnector`'s options without `container` (a component owns that). `token` may be left out
 * under a {@link QuilttTokenProvider}, whose token is used instead.
 */
export type QuilttConnectorOptions = Omit<ConnectorOptions, 'container' | 'token'> & {
  token?: TokenSource | undefined
}

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

const OPTIONS: string[] = [
  'connectorId',
  'token',
  'transport',
  'connectionId',
  'institution',
  'appLauncherUrl',
  'nonce',
  'timeout',
  'connectorUrl',
  'scriptUrl',
  ...EVENTS.map(callbackOf),
]

/** Splits a component's props into connector options and the attributes of its element. */
export function splitProps<P extends object>(
  props: P,
): [QuilttConnectorOptions, Record<string, unknown>] {
  const options: Record<string, unknown> = {}
  const attributes: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    ;(OPTIONS.includes(key) ? options : attributes)[key] = value
  }
  return [options as unknown as QuilttConnectorOptions, attributes]
}
