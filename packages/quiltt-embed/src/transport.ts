import type { NormalizedOptions } from './normalize-options'
import type { QuilttMessage } from './parse-message'
import type { Transport } from './types'

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

/** One mounted Connector: how to reach it, show it (when mounted hidden) and take it away. */
export interface Session {
  post?(data: unknown): void
  show?(): void
  remove(): void
}

/** How a transport drives the Connector. Internal: the public `Transport` type is opaque. */
export interface TransportDriver {
  /** Mounts the Connector with a checked token (hidden: prepared by `preload()`, not shown). */
  mount(
    config: NormalizedOptions,
    token: string,
    on: TransportHandlers,
    hidden?: boolean,
  ): Promise<Session>
  /** Set by a transport whose `preload()` only fetches code (connector.js), mounting nothing. */
  load?(config: NormalizedOptions): Promise<unknown>
}

/** Our own transports: only these are accepted as the `transport` option. */
const drivers = new WeakSet<object>()

/** Registers a driver as a `Transport` value (pure: an unused transport is tree-shaken away). */
export function defineTransport(driver: TransportDriver): Transport {
  drivers.add(driver)
  return driver as unknown as Transport
}

/** The driver behind a `transport` option value, or `undefined` if it is not one of ours. */
export const driverOf = (value: unknown): TransportDriver | undefined =>
  drivers.has(value as object) ? (value as TransportDriver) : undefined
