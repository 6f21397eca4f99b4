import { ConnectorSDKEventType as Quiltt } from '@quiltt/core/api/browser'
import { parseSessionToken } from './check-token'
import { checkUrl } from './check-url'
import { ConnectorError } from './connector-error'
import { createEmitter } from './emitter'
import { checkTokenSource, normalizeOptions } from './normalize-options'
import type { QuilttMessage } from './parse-message'
import { createTokenKeeper } from './token-source'
import type { Session } from './transport'
import type { Connector, ConnectorMetadata, ConnectorOptions, ConnectorState } from './types'

const destroyed = () =>
  new ConnectorError('DESTROYED', 'This connector was destroyed: create a new one.')

/** One Connector of a handle, from its token request until it is taken away. */
interface Attempt {
  /** Prepared by preload() and not shown yet. */
  hidden: boolean
  /** The flow has exited: the next open() starts a new one. */
  exited?: boolean
  session?: Session
  /** Resolves on Load (or when taken away first); rejects with the failure. */
  done: Promise<void>
  /** Shows a prepared Connector: `open`, then `load` if it has loaded. */
  show(): Promise<void>
  /** Takes it away; a shown one moves the handle to `next` and may emit the error. */
  end(next: ConnectorState, error?: ConnectorError, emit?: boolean): void
}

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
  const config = normalizeOptions(options)
  const { connectorId, container, timeout, transport } = config
  const emitter = createEmitter()
  // Option callbacks (`onExitSuccess`, …) are sugar for `.on('exitSuccess', …)`. `config` has no
  // prototype: only the caller's own options are walked.
  for (const key in config) {
    const callback = config[key as 'onLoad']
    if (/^on[A-Z]/.test(key) && callback)
      emitter.on((key[2]!.toLowerCase() + key.slice(3)) as 'load', callback)
  }

  let state: ConnectorState = 'idle'
  let getToken = createTokenKeeper(config.token, timeout)
  /** The handle's one Connector: never more than one, prepared or shown. */
  let current: Attempt | undefined
  /** Script transport: preload() only loads connector.js. */
  let loading: Promise<void> | undefined

  const start = (hidden: boolean): Attempt => {
    let previous = state
    let metadata: ConnectorMetadata = { connectorId }
    let loaded = false
    let exp = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let resolve!: () => void
    let reject!: (error: ConnectorError) => void
    const fail = (error: ConnectorError) => attempt.end(previous, error, true)
    const waitForLoad = () => {
      clearTimeout(timer)
      timer = setTimeout(
        fail,
        timeout,
        new ConnectorError(
          'LOAD_TIMEOUT',
          `The Connector did not load within ${timeout} ms: check connectorId, the network, or raise \`timeout\`.`,
        ),
      )
    }
    /**
     * Emits one Quiltt event: the specific one (`open`, `load`, `exitSuccess`, … from the message
     * type), then `exit` for exits, then `event`. Quiltt's enum keys are the types.
     */
    const report = (type: 'Open' | Exclude<QuilttMessage['type'], 'Navigate'>) => {
      const exit = type[1] === 'x'
      attempt.exited ||= exit
      emitter.emit(type[0]!.toLowerCase() + type.slice(1), metadata)
      if (exit) emitter.emit('exit', Quiltt[type], metadata)
      emitter.emit('event', Quiltt[type], metadata)
    }
    const message = ({ type, url, ...fields }: QuilttMessage) => {
      // A prepared Connector only gets ready: its Load is kept for open(), the rest is ignored.
      if (attempt.hidden && type !== 'Load') return
      // connectorId is always our own: a message cannot speak for another connector.
      metadata = { ...metadata, ...fields, connectorId }
      if (type === 'Navigate') return emitter.emit('navigate', url, metadata)
      if (type !== 'Load') {
        // An exit ends the wait for Load: an inline Connector that exits first is simply open.
        clearTimeout(timer)
        if (container && state === 'opening') state = 'open'
        report(type)
        // A modal has done its job once the flow exits; an inline frame stays until close().
        if (!container) attempt.end('closed')
      } else if (!loaded) {
        loaded = true
        clearTimeout(timer)
        if (attempt.hidden) {
          // Thrown away unused after 10 minutes, or a minute before its token expires.
          timer = setTimeout(
            () => attempt.end(state),
            Math.min(600_000, exp * 1000 - 60_000 - Date.now()),
          )
        } else {
          state = 'open'
          report(type)
        }
      }
      resolve()
    }
    /** Shows the mounted, hidden Connector: `open`, then `load` at once if it has loaded. */
    const reveal = () => {
      attempt.session!.show?.()
      if (!loaded) waitForLoad()
      else if (current === attempt) {
        state = 'open'
        report('Load')
      }
    }
    const mount = (token: string) => {
      if (current !== attempt) return
      exp = parseSessionToken(token)
      const hiddenAtMount = attempt.hidden
      const mounting = transport.mount(
        config,
        token,
        {
          message,
          opened: () => report('Open'),
          dismiss() {
            if (!attempt.exited) report('ExitAbort')
            attempt.end('closed')
          },
          active: () => current === attempt,
        },
        attempt.hidden,
      )
      // Started after the transport: connector.js's own deadline, of the same length, decides
      // first whether the script failed to load (SCRIPT_LOAD_FAILED) or Quiltt never loaded.
      if (current === attempt) waitForLoad()
      return mounting.then((session) => {
        // Taken away while mounting: remove the fresh Connector again.
        if (current !== attempt) return session.remove()
        attempt.session = session
        // open() came while it was mounting hidden (a modal waits for document.body): show it.
        if (hiddenAtMount && !attempt.hidden) reveal()
      })
    }
    const attempt: Attempt = {
      hidden,
      done: new Promise<void>((resolved, rejected) => {
        resolve = resolved
        reject = rejected
      }),
      show() {
        previous = state
        state = 'opening'
        attempt.hidden = false
        clearTimeout(timer)
        // Not mounted yet: it mounts shown, or is revealed once mounted.
        if (attempt.session) reveal()
        return attempt.done
      },
      // Settling twice is harmless, so end() may run after Load, and close() settles an open()
      // still waiting for Load.
      end(next, error, emit) {
        if (current !== attempt) return
        current = undefined
        // A prepared Connector never changed the handle's state, and fails without an `error`.
        if (!attempt.hidden) state = next
        clearTimeout(timer)
        attempt.session?.remove()
        if (error && emit && !attempt.hidden) emitter.emit('error', error)
        if (error) reject(error)
        else resolve()
      },
    }
    current = attempt
    if (!hidden) state = 'opening'
    getToken().then(mount).catch(fail)
    return attempt
  }

  return {
    connectorId,
    get state() {
      return state
    },
    on: emitter.on,
    open() {
      if (state === 'destroyed') return Promise.reject(destroyed())
      // A flow that has exited is over: a new one starts once the old one is taken away.
      if (current?.exited) current.end('closed')
      return current?.hidden ? current.show() : (current ?? start(false)).done
    },
    preload() {
      if (state === 'destroyed') return Promise.reject(destroyed())
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
      return (current ?? start(true)).done
    },
    close: () => current?.end('closed'),
    destroy() {
      current?.end('destroyed', destroyed())
      state = 'destroyed'
      emitter.clear()
    },
    authenticate(token) {
      getToken = createTokenKeeper(checkTokenSource(token), timeout)
      // A prepared Connector holds the old token in its URL.
      if (current?.hidden) current.end(state)
    },
    handleOAuthCallback(url) {
      // Only an https: return URL (http: on loopback) goes into the Connector: never javascript:.
      const params = Object.fromEntries(checkUrl(url, 'handleOAuthCallback(url)').searchParams)
      current?.session?.post?.({ source: 'quiltt', type: 'OAuthCallback', data: { url, params } })
    },
  }
}
