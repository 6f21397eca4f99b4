// Connectors already open, the starting point of most tests: open() resolved (the Connector
// loaded), its iframe found, and an event log that starts after open().
import { expect } from 'vitest'
import type { Connector, ConnectorOptions } from '../../src/index'
import { create, makeContainer } from './cleanup'
import { frameOf } from './frames'
import { record } from './record'

/** Opens `connector` (waits for load) and returns its iframe. */
export async function openAndGetFrame(connector: Connector): Promise<HTMLIFrameElement> {
  await connector.open()
  const frame = frameOf(connector.connectorId)
  if (!frame) return expect.fail('open() resolved but there is no connector iframe')
  return frame
}

/** An inline connector, opened, with its frame and an event log that starts after `open()`. */
export async function openInline(options: Partial<ConnectorOptions> = {}) {
  const container = makeContainer()
  const connector = create({ container, ...options })
  const frame = await openAndGetFrame(connector)
  const log = record(connector)
  return { connector, frame, log, container }
}

/** An opened modal connector, with its frame and an event log that starts after `open()`. */
export async function openModal(options: Partial<ConnectorOptions> = {}) {
  const connector = create(options)
  const frame = await openAndGetFrame(connector)
  const log = record(connector)
  return { connector, frame, log }
}
