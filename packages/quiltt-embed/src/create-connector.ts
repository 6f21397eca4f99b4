import { ConnectorSDKEventType as Quiltt } from '@quiltt/core/api/browser'
import { invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import { createEmitter } from './emitter'
import { createFrame } from './frame'
import { openModal } from './modal'
import { checkTokenSource, normalizeOptions } from './normalize-options'
import type { QuilttMessage } from './parse-message'
import { createTokenKeeper } from './token-source'
import type {
  Connector,
  ConnectorEvents,
  ConnectorMetadata,
  ConnectorOptions,
  ConnectorState,
} from './types'

type ExitType = 'ExitSuccess' | 'ExitAbort' | 'ExitError'

/** Connector message type → [our specific event, Quiltt's event type]. */
const EXITS = {
  ExitSuccess: ['exitSuccess', Quiltt.ExitSuccess],
  ExitAbort: ['exitAbort', Quiltt.ExitAbort],
  ExitError: ['exitError', Quiltt.ExitError],
} as const

const destroyed = () =>
  new ConnectorError(
    'DESTROYED',
    'This connector was destroyed: create a new one to open the Connector again.',
  )

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
  if (typeof document === 'undefined')
    throw invalidOption('createConnector', 'called in a browser (it runs in browsers only)')
  const config = normalizeOptions(options)
  const { connectorId, container, origin } = config
  const emitter = createEmitter()
  // Option callbacks (`onExitSuccess`, …) are sugar for `.on('exitSuccess', …)`.
  for (const key in options) {
    const callback = options[key as keyof ConnectorOptions]
    if (/^on[A-Z]/.test(key) && callback) {
      emitter.on((key[2]!.toLowerCase() + key.slice(3)) as keyof ConnectorEvents, callback as never)
    }
  }

  let state: ConnectorState = 'idle'
  let tokens = createTokenKeeper(config.token)
  let pending: Promise<void> | undefined
  /** Ends the current open(): removes its DOM and listeners, sets `next`, settles its promise. */
  let teardown: ((next: ConnectorState, error?: ConnectorError, emit?: boolean) => void) | undefined
  let post: ((data: unknown) => void) | undefined

  const close = () => teardown?.(state === 'destroyed' ? state : 'closed')

  const open = (): Promise<void> => {
    if (state === 'destroyed') return Promise.reject(destroyed())
    if (pending) return pending
    const previous = state
    state = 'opening'
    pending = new Promise<void>((resolve, reject) => {
      let metadata: ConnectorMetadata = { connectorId }
      let timer: ReturnType<typeof setTimeout> | undefined
      let removeFrame: (() => void) | undefined
      let removeModal: (() => void) | undefined
      let loaded = false
      let exited = false

      // Settling twice is harmless, so teardown may run after Load, and close() settles an open()
      // still waiting for Load.
      const end: typeof teardown = (next, error, emit) => {
        if (teardown !== end) return
        teardown = post = pending = undefined
        state = next
        clearTimeout(timer)
        removeFrame?.()
        removeModal?.()
        if (error && emit) emitter.emit('error', error)
        if (error) reject(error)
        else resolve()
      }
      teardown = end

      const exit = (type: ExitType) => {
        exited = true
        const [event, quilttType] = EXITS[type]
        emitter.emit(event, metadata)
        emitter.emit('exit', quilttType, metadata)
        emitter.emit('event', quilttType, metadata)
      }

      const onMessage = ({ type, url, ...fields }: QuilttMessage) => {
        // connectorId is always our own: a message cannot speak for another connector.
        metadata = { ...metadata, ...fields, connectorId }
        if (type === 'Navigate') return emitter.emit('navigate', url!, metadata)
        if (type !== 'Load') {
          exit(type)
          // A modal has done its job once the flow exits; an inline frame stays until close().
          if (teardown === end && !container) close()
          return resolve()
        }
        if (loaded) return
        loaded = true
        state = 'open'
        clearTimeout(timer)
        emitter.emit('load', metadata)
        emitter.emit('event', Quiltt.Load, metadata)
        resolve()
      }

      const mount = (token: string) => {
        if (teardown !== end) return
        const url = new URL('/', origin)
        const params = {
          mode: 'INLINE',
          token,
          connectionId: config.connectionId,
          institution: config.institution,
          app_launcher_url: config.appLauncherUrl,
          // Origin and path only: the query and fragment may hold the host page's private data.
          embed_location: location.origin + location.pathname,
        }
        for (const [key, value] of Object.entries(params))
          if (value) url.searchParams.set(key, value)
        const frame = createFrame(url.href, origin, onMessage)
        removeFrame = frame.remove
        post = frame.post
        if (container) container.append(frame.iframe)
        else
          removeModal = openModal(frame.iframe, () => {
            if (!exited) exit('ExitAbort')
            close()
          })
        emitter.emit('open', metadata)
        emitter.emit('event', Quiltt.Open, metadata)
        // A listener of `open` may already have closed the connector.
        if (teardown === end)
          timer = setTimeout(() => {
            end(
              previous,
              new ConnectorError(
                'LOAD_TIMEOUT',
                `The Connector did not load within ${config.timeout} ms: check connectorId and the network, or raise \`timeout\`.`,
              ),
              true,
            )
          }, config.timeout)
      }

      tokens.get().then(mount, (error: ConnectorError) => end(previous, error, true))
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
      tokens = createTokenKeeper(checkTokenSource(token))
    },
    handleOAuthCallback(url) {
      let params: Record<string, string>
      try {
        params = Object.fromEntries(new URL(url).searchParams)
      } catch {
        throw invalidOption(
          'handleOAuthCallback(url)',
          'the absolute URL your OAuth redirect returned to',
        )
      }
      post?.({ source: 'quiltt', type: 'OAuthCallback', data: { url, params } })
    },
  }
}
