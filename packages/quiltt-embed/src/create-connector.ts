import { type Attempt, type Handle, startAttempt } from './attempt'
import { checkUrl } from './check-url'
import { ConnectorError } from './connector-error'
import { subscribeOptionCallbacks } from './connector-events'
import { createEmitter } from './emitter'
import { iframeTransport } from './iframe-transport'
import { checkTokenSource, normalizeOptions } from './normalize-options'
import { createTokenKeeper } from './token-source'
import type { Connector, ConnectorOptions } from './types'

const destroyed = () =>
  new ConnectorError('DESTROYED', 'This connector was destroyed: create a new one.')

/**
 * Creates a handle on one Quiltt Connector. Nothing is drawn and no token is requested until
 * `preload()` or `open()`. Invalid options throw a `ConnectorError` right away.
 *
 * @example
 * const connector = createConnector({
 *   connectorId: 'abc123',
 *   token: { url: '/api/quiltt/session' },
 *   onExitSuccess: (metadata) => save(metadata.connectionId),
 * })
 * await connector.open()
 */
export function createConnector(options: ConnectorOptions): Connector {
  const config = normalizeOptions(options, iframeTransport)
  const { connectorId, timeout, transport } = config
  const emitter = createEmitter()
  subscribeOptionCallbacks(emitter, config)
  const handle: Handle = { config, emitter, state: 'idle', current: undefined }
  let getToken = createTokenKeeper(config.token, timeout)
  /** Script transport: preload() only loads connector.js. */
  let loading: Promise<void> | undefined

  const start = (hidden: boolean): Attempt => startAttempt(handle, getToken, hidden)

  return {
    connectorId,
    get state() {
      return handle.state
    },
    on: emitter.on,
    open() {
      if (handle.state === 'destroyed') return Promise.reject(destroyed())
      const { current } = handle
      // A flow that has exited is over: a new one starts once the old one is taken away.
      if (current?.exited) current.end('closed')
      const prepared = handle.current
      if (prepared?.hidden) return prepared.show()
      return (prepared ?? start(false)).done
    },
    preload() {
      if (handle.state === 'destroyed') return Promise.reject(destroyed())
      if (transport.load) {
        loading ??= transport.load(config).then(
          () => {},
          (error) => {
            loading = undefined
            throw error
          },
        )
        return loading
      }
      return (handle.current ?? start(true)).done
    },
    close: () => handle.current?.end('closed'),
    destroy() {
      handle.current?.end('destroyed', destroyed())
      handle.state = 'destroyed'
      emitter.clear()
    },
    authenticate(token) {
      getToken = createTokenKeeper(checkTokenSource(token), timeout)
      // A prepared Connector holds the old token in its URL.
      if (handle.current?.hidden) handle.current.end(handle.state)
    },
    handleOAuthCallback(url) {
      // Only an https: return URL (http: on loopback) goes into the Connector: never javascript:.
      const params = Object.fromEntries(checkUrl(url, 'handleOAuthCallback(url)').searchParams)
      handle.current?.post({ source: 'quiltt', type: 'OAuthCallback', data: { url, params } })
    },
  }
}
