import type { NormalizedOptions } from './normalize-options'
import type { QuilttMessage } from './parse-message'

/** What a transport reports back to the connector's state machine. */
export interface TransportHandlers {
  /** The Connector is shown (the `open` event). */
  opened(): void
  /** A checked Connector message: Load, an exit, or Navigate. */
  message(message: QuilttMessage): void
  /** The user dismissed the SDK's own modal (Escape or its close button). */
  dismiss(): void
  /** False once this open() was closed, destroyed or failed: an async transport must stop. */
  active(): boolean
}

/** One mounted Connector: how to reach it and how to take it away. */
export interface Session {
  post?(data: unknown): void
  remove(): void
}

/** Mounts the Connector with a checked token; rejects with `ConnectorError` on failure. */
export type TransportDriver = (
  config: NormalizedOptions,
  token: string,
  on: TransportHandlers,
) => Promise<Session>
