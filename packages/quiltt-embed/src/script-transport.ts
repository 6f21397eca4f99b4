import type {
  ConnectorSDKCallbackMetadata,
  ConnectorSDKConnectOptions,
  ConnectorSDKReconnectOptions,
} from '@quiltt/core/api/browser'
import { loadScript } from './load-script'
import { parseMessage, type QuilttMessageType } from './parse-message'
import { defineTransport } from './transport'

/** Our mounted sessions per connectorId: connector.js keeps one connector (and modal) per ID. */
const mounted = new Map<string, number>()

/**
 * Drives Quiltt's own connector.js: authenticate first, then connect or reconnect, and re-emit
 * its callbacks as ours. Each connector registers its own callbacks and removes exactly those.
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
    mounted.set(connectorId, (mounted.get(connectorId) ?? 0) + 1)
    listen('on')
    connector.open()
    return {
      remove() {
        listen('off')
        const left = (mounted.get(connectorId) ?? 1) - 1
        if (left) mounted.set(connectorId, left)
        else mounted.delete(connectorId)
        // connector.js closes its modal when the flow exits, but it has no close(): closed or
        // destroyed before that, its modal would stay up and swallow the next open() of this ID.
        // resetConnector takes it down, so it waits for the last of our sessions on this ID.
        if (!left && !exited) quiltt.resetConnector?.(connectorId)
      },
    }
  },
})
