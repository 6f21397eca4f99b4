export type { QuilttEventDetail } from './auto-bind'
export { autoBind } from './auto-bind'
export type { ConnectorErrorCode } from './connector-error'
export { ConnectorError } from './connector-error'
export { createConnector } from './create-connector'
export type {
  Connector,
  ConnectorEvents,
  ConnectorEventType,
  ConnectorMetadata,
  ConnectorOptions,
  ConnectorState,
  TokenSource,
  Transport,
} from './types'
export { version } from './version'
