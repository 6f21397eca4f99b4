import type { ConnectorOptions, TokenSource } from 'quiltt-embed'
import { callbackOf, EVENTS } from '../../bindings-common/events'

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
   * A provider must be stable (module scope or `useCallback`): a different function is a
   * different session, whose token is asked for again at the next open.
   */
  token?: TokenSource | undefined
  /**
   * Your user's ID, any string. A change (sign-out, another user) drops the cached token and any
   * prepared Connector, so the next open asks the token source again.
   */
  sessionKey?: string | undefined
} & { [K in keyof Optional]?: Optional[K] | undefined }

const OPTIONS: string[] = [
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
