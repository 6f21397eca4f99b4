import type {
  ConnectorSDKCallbackMetadata,
  ConnectorSDKConnectOptions,
  ConnectorSDKReconnectOptions,
} from '@quiltt/core/api/browser'
import { loadScript } from './load-script'
import { parseMessage } from './parse-message'
import { defineTransport } from './transport'
import type { QuilttMessageType } from './types'

/**
 * The session that owns each connectorId, as a function that hands it over: connector.js keeps
 * one connector (and modal) per ID, so every handle's callbacks would land on the same object.
 */
const owners = new Map<string, () => void>()

/**
 * Drives Quiltt's own connector.js: authenticate first, then connect or reconnect, and re-emit
 * its callbacks as ours. Each connector registers its own callbacks and removes exactly those;
 * the newest open of a connectorId is the only one that hears it.
 * `preload()` loads connector.js (once per page) and mounts nothing.
 *
 * @example
 * import { createConnector, scriptTransport } from 'quiltt-embed'
 * createConnector({ connectorId: 'abc123', token, transport: scriptTransport })
 */
export const scriptTransport = /* @__PURE__ */ defineTransport({
  load: (config) => loadScript(config.scriptUrl, config.timeout, config.nonce),
  async mount(config, token, on) {
    const quiltt = await loadScript(config.scriptUrl, config.timeout, config.nonce)
    // Closed, destroyed or timed out while connector.js was loading: drive nothing.
    if (!on.active()) return { remove() {} }
    const { connectorId, connectionId, institution, appLauncherUrl, themeMode } = config
    let exited = false
    quiltt.authenticate(token)
    // An unset option is `undefined`, which Quiltt reads as absent; its option types have no
    // `| undefined`, so they need a cast under exactOptionalPropertyTypes.
    const connector = connectionId
      ? quiltt.reconnect(connectorId, {
          connectionId,
          appLauncherUrl,
          themeMode,
        } as ConnectorSDKReconnectOptions)
      : quiltt.connect(connectorId, {
          institution,
          appLauncherUrl,
          themeMode,
        } as ConnectorSDKConnectOptions)
    // Quiltt's metadata goes through the same parser as iframe messages: only known, typed fields.
    const callbacks = (['Load', 'ExitSuccess', 'ExitAbort', 'ExitError'] as const).map(
      (type: QuilttMessageType) =>
        [
          type,
          (metadata: ConnectorSDKCallbackMetadata) => {
            exited ||= type !== 'Load'
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
    // A newer open of the ID takes connector.js's connector over: the older session's flow is
    // over for its user (exitAbort, closed), and it hears nothing of this one. Owner first, so
    // the older session's removal does not reset the connector this one now drives.
    const previous = owners.get(connectorId)
    const handOver = () => {
      listen('off')
      on.dismiss()
    }
    owners.set(connectorId, handOver)
    previous?.()
    listen('on')
    connector.open()
    return {
      remove() {
        listen('off')
        if (owners.get(connectorId) !== handOver) return
        owners.delete(connectorId)
        // connector.js closes its modal when the flow exits, but it has no close(): closed or
        // destroyed before that, its modal would stay up and swallow the next open() of this ID.
        if (!exited) quiltt.resetConnector?.(connectorId)
      },
    }
  },
})
