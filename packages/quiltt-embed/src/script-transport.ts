import type { ConnectorSDKCallbackMetadata, ConnectorSDKConnector } from '@quiltt/core/api/browser'
import { loadScript } from './load-script'
import { parseMessage, type QuilttMessageType } from './parse-message'
import type { TransportDriver } from './transport'

const CALLBACKS = ['Load', 'ExitSuccess', 'ExitAbort', 'ExitError'] as const

/**
 * Drives Quiltt's own connector.js: authenticate first, then connect or reconnect, and re-emit
 * its callbacks as ours. Each connector registers its own callbacks and removes exactly those.
 */
export const scriptTransport: TransportDriver = async (config, token, on) => {
  const quiltt = await loadScript(config.scriptUrl, config.timeout, config.nonce)
  // Closed, destroyed or timed out while connector.js was loading: drive nothing.
  if (!on.active()) return { remove() {} }
  const { connectorId, connectionId, institution, appLauncherUrl } = config
  quiltt.authenticate(token)
  const connector: ConnectorSDKConnector = connectionId
    ? quiltt.reconnect(connectorId, { connectionId, appLauncherUrl })
    : quiltt.connect(connectorId, { institution, appLauncherUrl })

  // Quiltt's metadata goes through the same parser as iframe messages: only known, typed fields.
  const relay = (type: QuilttMessageType) => (metadata: ConnectorSDKCallbackMetadata) => {
    const message = parseMessage({ ...metadata, source: 'quiltt', type })
    if (message) on.message(message)
  }
  const callbacks = CALLBACKS.map((type) => [type, relay(type)] as const)
  const opened = () => on.opened()
  connector.onOpen(opened)
  for (const [type, callback] of callbacks) connector[`on${type}`](callback)
  connector.open()
  return {
    remove() {
      connector.offOpen(opened)
      for (const [type, callback] of callbacks) connector[`off${type}`](callback)
    },
  }
}
