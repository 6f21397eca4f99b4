import type { Transport, TransportDriver } from './types'

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
