import type {
  ConnectorError,
  ConnectorEventType,
  ConnectorMetadata,
  ConnectorOptions,
  TokenSource,
} from 'quiltt-embed'
import type { Component, DefineSetupFnComponent } from 'vue'
import { type CallbackName, callbackOf, EVENTS } from '../../bindings-common/events'

type Optional = Omit<ConnectorOptions, 'connectorId' | 'container' | 'token'>

/**
 * `createConnector`'s options without `container` (a component owns that), plus `sessionKey`.
 * `token` may be left out under a {@link QuilttTokenProvider}, whose token is used instead. Every
 * optional one also takes `undefined` (`exactOptionalPropertyTypes`).
 */
export type QuilttConnectorOptions = {
  /** Your Connector ID. */
  connectorId: string
  /**
   * The session token, a provider function returning one, or `{ url }` of your session endpoint.
   * A provider must be stable (defined once, not inline in a template or render function): a
   * different function is a different session, whose token is asked for again at the next open.
   */
  token?: TokenSource | undefined
  /**
   * Your user's ID, any string. A change (sign-out, another user) drops the cached token and any
   * prepared Connector, so the next open asks the token source again.
   */
  sessionKey?: string | undefined
} & { [K in keyof Optional]?: Optional[K] | undefined }

export type { CallbackName }
export { callbackOf, EVENTS }

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
// Typed as the props it declares (onError is its event's listener), so defineComponent accepts it.
export const connectorProps = [
  'connectorId',
  'token',
  'sessionKey',
  'transport',
  'connectionId',
  'institution',
  'appLauncherUrl',
  'nonce',
  'themeMode',
  'labels',
  'timeout',
  'connectorUrl',
  'scriptUrl',
  'trustedHosts',
  'as',
  // Declared, so a component knows whether its parent listens to `@error`: only then does its
  // connector have an `error` listener, and an error nobody hears reaches the console.
  'onError',
] as (keyof QuilttConnectorProps)[]

/**
 * The type of `QuilttButton` and `QuilttContainer`, written out so the declaration file names
 * quiltt-embed's exported types rather than expanding them.
 */
export type QuilttComponent = DefineSetupFnComponent<QuilttConnectorProps, QuilttConnectorEmits>
