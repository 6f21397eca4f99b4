import { ConnectorSDKEventType as Quiltt } from '@quiltt/core/api/browser'
import { invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import { createEmitter } from './emitter'
import { iframeTransport } from './iframe-transport'
import { checkTokenSource, normalizeOptions } from './normalize-options'
import type { QuilttMessage } from './parse-message'
import { scriptTransport } from './script-transport'
import { createTokenKeeper } from './token-source'
import type { Session } from './transport'
import type { Connector, ConnectorMetadata, ConnectorOptions, ConnectorState } from './types'

const destroyed = () =>
  new ConnectorError('DESTROYED', 'This connector was destroyed: create a new one to open again.')

/**
 * Creates a handle on one Quiltt Connector. Nothing is drawn and no token is requested until
 * `open()`. Invalid options throw a `ConnectorError` right away.
 *
 * @example
 * const connector = createConnector({
 *   connectorId: 'abc123',
 *   token: () => fetch('/api/quiltt/session', { method: 'POST' }).then((r) => r.json()).then((b) => b.token),
 *   onExitSuccess: (metadata) => save(metadata.connectionId),
 * })
 * await connector.open()
 */
export function createConnector(options: ConnectorOptions): Connector {
  const config = normalizeOptions(options)
  const { connectorId, container, timeout } = config
  const transport = config.transport === 'script' ? scriptTransport : iframeTransport
  const emitter = createEmitter()
  // Option callbacks (`onExitSuccess`, …) are sugar for `.on('exitSuccess', …)`.
  for (const key in options) {
    const callback = options[key as keyof ConnectorOptions]
    if (/^on[A-Z]/.test(key) && callback)
      emitter.on((key[2]!.toLowerCase() + key.slice(3)) as 'event', callback as never)
  }

  let state: ConnectorState = 'idle'
  let getToken = createTokenKeeper(config.token)
  let pending: Promise<void> | undefined
  /** Ends the current open(): removes its DOM and listeners, sets `next`, settles its promise. */
  let teardown: ((next: ConnectorState, error?: ConnectorError, emit?: boolean) => void) | undefined
  let session: Session | undefined

  const close = () => teardown?.('closed')

  const open = (): Promise<void> => {
    if (state === 'destroyed') return Promise.reject(destroyed())
    pending ??= new Promise<void>((resolve, reject) => {
      const previous = state
      let metadata: ConnectorMetadata = { connectorId }
      let timer: ReturnType<typeof setTimeout> | undefined
      let loaded = false
      let exited = false
      state = 'opening'

      // Settling twice is harmless, so teardown may run after Load, and close() settles an open()
      // still waiting for Load.
      const end: typeof teardown = (next, error, emit) => {
        if (teardown !== end) return
        const current = session
        teardown = session = pending = undefined
        state = next
        clearTimeout(timer)
        current?.remove()
        if (error && emit) emitter.emit('error', error)
        if (error) reject(error)
        else resolve()
      }
      const fail = (error: ConnectorError) => end(previous, error, true)
      teardown = end

      /**
       * Emits one Quiltt event: the specific one (`open`, `load`, `exitSuccess`, … from the
       * message type), then `exit` for exits, then `event`. Quiltt's enum keys are the types.
       */
      const report = (type: 'Open' | Exclude<QuilttMessage['type'], 'Navigate'>) => {
        const exit = type[1] === 'x'
        exited ||= exit
        emitter.emit(type[0]!.toLowerCase() + type.slice(1), metadata)
        if (exit) emitter.emit('exit', Quiltt[type], metadata)
        emitter.emit('event', Quiltt[type], metadata)
      }

      const message = ({ type, url, ...fields }: QuilttMessage) => {
        // connectorId is always our own: a message cannot speak for another connector.
        metadata = { ...metadata, ...fields, connectorId }
        if (type === 'Navigate') return emitter.emit('navigate', url, metadata)
        if (type !== 'Load') {
          report(type)
          // A modal has done its job once the flow exits; an inline frame stays until close().
          if (!container) close()
        } else if (!loaded) {
          loaded = true
          state = 'open'
          clearTimeout(timer)
          report(type)
        }
        resolve()
      }

      const mount = (token: string) => {
        if (teardown !== end) return
        const mounting = transport(config, token, {
          message,
          opened: () => report('Open'),
          dismiss() {
            if (!exited) report('ExitAbort')
            close()
          },
          active: () => teardown === end,
        })
        // Started after the transport: connector.js's own deadline, of the same length, decides
        // first whether the script failed to load (SCRIPT_LOAD_FAILED) or Quiltt never loaded.
        if (teardown === end) {
          timer = setTimeout(
            fail,
            timeout,
            new ConnectorError(
              'LOAD_TIMEOUT',
              `The Connector did not load within ${timeout} ms: check connectorId and the network, or raise \`timeout\`.`,
            ),
          )
        }
        return mounting.then((mounted) => {
          // Closed while mounting: take the fresh Connector away again.
          if (teardown === end) session = mounted
          else mounted.remove()
        })
      }

      getToken().then(mount).catch(fail)
    })
    return pending
  }

  return {
    connectorId,
    get state() {
      return state
    },
    on: emitter.on,
    open,
    close,
    destroy() {
      teardown?.('destroyed', destroyed())
      state = 'destroyed'
      emitter.clear()
    },
    authenticate(token) {
      getToken = createTokenKeeper(checkTokenSource(token))
    },
    handleOAuthCallback(url) {
      let params: Record<string, string>
      try {
        params = Object.fromEntries(new URL(url).searchParams)
      } catch {
        throw invalidOption('handleOAuthCallback(url)', 'an absolute URL')
      }
      session?.post?.({ source: 'quiltt', type: 'OAuthCallback', data: { url, params } })
    },
  }
}
