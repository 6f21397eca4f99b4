export type {
  QuilttComponent,
  QuilttConnectorEmits,
  QuilttConnectorOptions,
  QuilttConnectorProps,
} from './options'
export { QuilttButton } from './quiltt-button'
export { QuilttContainer } from './quiltt-container'
export { QuilttTokenProvider } from './quiltt-token-provider'
export type { QuilttConnector } from './use-quiltt-connector'
export { useQuilttConnector } from './use-quiltt-connector'
