import type {
  ConnectorError,
  ConnectorEvents,
  ConnectorEventType,
  ConnectorMetadata,
  ConnectorOptions,
  TokenSource,
} from 'quiltt-embed'
import type { Component, DefineSetupFnComponent } from 'vue'

/**
 * `createConnector`'s options without `container` (a component owns that). `token` may be left out
 * under a {@link QuilttTokenProvider}, whose token is used instead.
 */
export type QuilttConnectorOptions = Omit<ConnectorOptions, 'container' | 'token'> & {
  token?: TokenSource | undefined
}

/** Every Connector event, in the SDK's own names (`exitSuccess` → `@exit-success`). */
export const EVENTS: (keyof ConnectorEvents)[] = [
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

export type CallbackName = `on${Capitalize<keyof ConnectorEvents>}`

export const callbackOf = (event: string) =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as CallbackName

/** The components' events: Vue turns `exitSuccess` into `@exit-success` and `onExitSuccess`. */
// A type alias, not an interface: Vue wants an index signature.
export type QuilttConnectorEmits = {
  event: (type: ConnectorEventType, metadata: ConnectorMetadata) => true
  open: (metadata: ConnectorMetadata) => true
  load: (metadata: ConnectorMetadata) => true
  exit: (type: ConnectorEventType, metadata: ConnectorMetadata) => true
  exitSuccess: (metadata: ConnectorMetadata) => true
  exitAbort: (metadata: ConnectorMetadata) => true
  exitError: (metadata: ConnectorMetadata) => true
  navigate: (url: string, metadata: ConnectorMetadata) => true
  error: (error: ConnectorError) => true
}

/** A component's props: every `createConnector` option but the callbacks (those are its events). */
export type QuilttConnectorProps = Omit<QuilttConnectorOptions, CallbackName> & {
  /** The element or component to render. */
  as?: string | Component
}

/**
 * The runtime declaration of {@link QuilttConnectorProps}: names only, since quiltt-embed checks
 * every option itself and throws a ConnectorError naming the one that is wrong.
 */
export const connectorProps: (keyof QuilttConnectorProps)[] = [
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
  'as',
]

/**
 * The type of `QuilttButton` and `QuilttContainer`, written out so the declaration file names
 * quiltt-embed's exported types rather than expanding them.
 */
export type QuilttComponent = DefineSetupFnComponent<QuilttConnectorProps, QuilttConnectorEmits>
