import { parseSessionToken } from './check-token'
import { ConnectorError } from './connector-error'
import { isExit, type QuilttEventKey, reportQuilttEvent } from './connector-events'
import type { Emitter } from './emitter'
import type {
  ConnectorMetadata,
  ConnectorState,
  NormalizedOptions,
  QuilttMessage,
  Session,
} from './types'

/** The connector handle, as its attempts see it: they move its state and let go of it. */
export interface Handle {
  readonly config: NormalizedOptions
  readonly emitter: Emitter
  state: ConnectorState
  /** The handle's one Connector: never more than one, prepared or shown. */
  current: Attempt | undefined
}

/** One Connector of a handle, from its token request until it is taken away. */
export interface Attempt {
  /** Prepared by preload() and not shown yet. */
  hidden: boolean
  /** The flow has exited: the next open() starts a new one. */
  exited: boolean
  /** Resolves on Load (or when taken away first); rejects with the failure. */
  done: Promise<void>
  /** Shows a prepared Connector: `open`, then `load` if it has loaded. */
  show(): Promise<void>
  /**
   * Takes it away and moves the handle to `next`; with an `error`, `done` rejects with it, and
   * `emitError` also emits it (a prepared Connector never does). Does nothing once taken away.
   */
  end(next: ConnectorState, error?: ConnectorError, emitError?: boolean): void
  /** Posts to the mounted Connector (the iframe transport's OAuth relay); dropped before that. */
  post(data: unknown): void
}

/** A prepared Connector is thrown away unused after this long. */
const PREPARED_LIFETIME = 600_000
/** …or this long before its token expires, so the flow never starts on a dying session. */
const EXPIRY_MARGIN = 60_000

/**
 * Starts one Connector for `handle`: asks `getToken`, mounts the Connector through the
 * transport (hidden, when `preload()` prepares it), waits for its Load, and reports what the
 * Connector says until it is taken away. The attempt becomes the handle's current one at once.
 */
export function startAttempt(
  handle: Handle,
  getToken: () => Promise<string>,
  hidden: boolean,
): Attempt {
  const { config, emitter } = handle
  const { connectorId, container, timeout, transport } = config
  /** The handle's state before this attempt was shown: where a failure takes it back. */
  let stateBefore = handle.state
  let metadata: ConnectorMetadata = { connectorId }
  let loaded = false
  /** The session token's `exp` (seconds), known once it is mounted. */
  let tokenExpiry = 0
  /** The one deadline running: the wait for Load, or a prepared Connector's end of life. */
  let deadline: ReturnType<typeof setTimeout> | undefined
  let session: Session | undefined
  let resolve!: () => void
  let reject!: (error: ConnectorError) => void

  const isCurrent = () => handle.current === attempt
  const fail = (error: ConnectorError) => attempt.end(stateBefore, error, true)
  const report = (key: QuilttEventKey) => {
    attempt.exited ||= isExit(key)
    reportQuilttEvent(emitter, key, metadata)
  }

  const waitForLoad = () => {
    clearTimeout(deadline)
    deadline = setTimeout(
      fail,
      timeout,
      new ConnectorError(
        'LOAD_TIMEOUT',
        `The Connector did not load within ${timeout} ms: check connectorId, the network, or raise \`timeout\`.`,
      ),
    )
  }

  const loadedNow = () => {
    loaded = true
    clearTimeout(deadline)
    if (attempt.hidden) {
      // Kept for open(), until it is too old or its token too close to expiry.
      const expiresIn = tokenExpiry * 1000 - EXPIRY_MARGIN - Date.now()
      deadline = setTimeout(() => attempt.end(handle.state), Math.min(PREPARED_LIFETIME, expiresIn))
    } else {
      handle.state = 'open'
      report('Load')
    }
  }

  const exitedNow = (key: QuilttEventKey) => {
    // An exit ends the wait for Load: an inline Connector that exits first is simply open.
    clearTimeout(deadline)
    if (container && handle.state === 'opening') handle.state = 'open'
    report(key)
    // A modal has done its job once the flow exits; an inline frame stays until close().
    if (!container) attempt.end('closed')
  }

  const onMessage = ({ type, url, ...fields }: QuilttMessage) => {
    // A prepared Connector only gets ready: its Load is kept for open(), the rest is ignored.
    if (attempt.hidden && type !== 'Load') return
    // connectorId is always our own: a message cannot speak for another connector.
    metadata = { ...metadata, ...fields, connectorId }
    if (type === 'Navigate') return emitter.emit('navigate', url!, metadata)
    if (type === 'Load') {
      if (!loaded) loadedNow()
    } else exitedNow(type)
    resolve()
  }

  /** Shows the mounted, hidden Connector: `open`, then `load` at once if it has loaded. */
  const reveal = () => {
    session!.show?.()
    if (!loaded) waitForLoad()
    else if (isCurrent()) {
      handle.state = 'open'
      report('Load')
    }
  }

  const mount = (token: string) => {
    if (!isCurrent()) return
    tokenExpiry = parseSessionToken(token)
    const hiddenAtMount = attempt.hidden
    const mounting = transport.mount(
      config,
      token,
      {
        message: onMessage,
        opened: () => report('Open'),
        dismiss() {
          if (!attempt.exited) report('ExitAbort')
          attempt.end('closed')
        },
        active: isCurrent,
      },
      hiddenAtMount,
    )
    // Started after the transport: connector.js's own deadline, of the same length, decides
    // first whether the script failed to load (SCRIPT_LOAD_FAILED) or Quiltt never loaded.
    if (isCurrent()) waitForLoad()
    return mounting.then((mounted) => {
      // Taken away while mounting: remove the fresh Connector again.
      if (!isCurrent()) return mounted.remove()
      session = mounted
      // open() came while it was mounting hidden (a modal waits for document.body): show it.
      if (hiddenAtMount && !attempt.hidden) reveal()
    })
  }

  const attempt: Attempt = {
    hidden,
    exited: false,
    done: new Promise<void>((resolved, rejected) => {
      resolve = resolved
      reject = rejected
    }),
    show() {
      stateBefore = handle.state
      handle.state = 'opening'
      attempt.hidden = false
      clearTimeout(deadline)
      // Not mounted yet: it mounts shown, or is revealed once mounted.
      if (session) reveal()
      return attempt.done
    },
    // Settling twice is harmless, so end() may run after Load, and close() settles an open()
    // still waiting for Load.
    end(next, error, emitError) {
      if (!isCurrent()) return
      handle.current = undefined
      // A prepared Connector never changed the handle's state, and fails without an `error`.
      if (!attempt.hidden) handle.state = next
      clearTimeout(deadline)
      session?.remove()
      if (error && emitError && !attempt.hidden) emitter.emit('error', error)
      if (error) reject(error)
      else resolve()
    },
    post: (data) => session?.post?.(data),
  }

  handle.current = attempt
  if (!hidden) handle.state = 'opening'
  getToken().then(mount).catch(fail)
  return attempt
}
