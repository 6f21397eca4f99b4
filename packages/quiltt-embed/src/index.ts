export type { AutoBindConfig, QuilttEventDetail } from './auto-bind'
export { autoBind } from './auto-bind'
export type { ConnectorErrorCode } from './connector-error'
export { ConnectorError } from './connector-error'
export { createConnector } from './create-connector'
export { iframeTransport } from './iframe-transport'
export { scriptTransport } from './script-transport'
export type {
  Connector,
  ConnectorEvents,
  ConnectorEventType,
  ConnectorLabels,
  ConnectorMetadata,
  ConnectorOptions,
  ConnectorState,
  ThemeMode,
  TokenSource,
  Transport,
} from './types'
export { version } from './version'
