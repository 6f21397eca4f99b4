import type { ConnectorSDKCallbackMetadata } from '@quiltt/core/api/browser'
import { loadScript } from './load-script'
import { parseMessage, type QuilttMessageType } from './parse-message'
import type { TransportDriver } from './transport'

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
  const connector = connectionId
    ? quiltt.reconnect(connectorId, { connectionId, appLauncherUrl })
    : quiltt.connect(connectorId, { institution, appLauncherUrl })
  // Quiltt's metadata goes through the same parser as iframe messages: only known, typed fields.
  const callbacks = (['Load', 'ExitSuccess', 'ExitAbort', 'ExitError'] as const).map(
    (type: QuilttMessageType) =>
      [
        type,
        (metadata: ConnectorSDKCallbackMetadata) => {
          const message = parseMessage({ ...metadata, source: 'quiltt', type })
          if (message) on.message(message)
        },
      ] as const,
  )
  const opened = () => on.opened()
  const listen = (prefix: 'on' | 'off') => {
    connector[`${prefix}Open`](opened)
    for (const [type, callback] of callbacks) connector[`${prefix}${type as 'Load'}`](callback)
  }
  listen('on')
  connector.open()
  return { remove: () => listen('off') }
}
