// The one piece of logic both bindings share (bundled into each): a component's quiltt-embed
// connector, kept in step with its props. quiltt-embed's options are fixed at creation, so this
// remembers what its connector was made with and, after each render, makes the smallest change
// that brings it to what the props now ask for (SPEC §10).
import {
  type Connector,
  ConnectorError,
  type ConnectorState,
  createConnector,
  type TokenSource,
} from 'quiltt-embed'
import { callbackOf, EVENTS } from './events'

/** What a component asks for, read when the connector is created or updated. */
export interface Wanted {
  /** `createConnector`'s options and callbacks, less `container` and `token`. */
  options: Readonly<Record<string, unknown>>
  token: TokenSource | undefined
  /** The component's `sessionKey` and its provider's: a change of either is a new session. */
  sessionKeys: readonly unknown[]
}

/** The component's handle on its connector. */
export interface Binding {
  /** Creates the connector (the first time, once mounted) or brings it in line with `wanted()`. */
  update(): void
  open(): Promise<void>
  close(): void
  preload(): Promise<void>
  /** Destroys the connector (unmount); a later `update()` creates a new one. */
  destroy(): void
}

/** What the current connector was made with. */
interface Made {
  /**
   * Undefined when createConnector refused the props (a bad `connectorId`): a render or an effect
   * must not throw for that, and the old Connector is gone already. Each open() then rejects with
   * `failure`, reported as the SDK reports its own (SPEC §10).
   */
  connector?: Connector | undefined
  failure?: ConnectorError | undefined
  /** connectorId, connectionId, institution, transport: a change makes a different Connector. */
  identity: unknown[]
  /** The token source and session keys: a change is a different session, maybe another user. */
  session: unknown[]
  /** themeMode and labels, by value. */
  appearance: string
  /** With a failure: the props that were refused, by value. */
  refused?: string | undefined
  /** Unsubscribes the `error` listener, present only while the app listens for errors. */
  stopErrors?: (() => void) | undefined
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, index) => Object.is(value, b[index]))

/**
 * What a token source is compared by. Strings by value, functions by identity (an inline arrow
 * is a new source on every render); `{ url }` objects by their own `url` (never one inherited
 * from a polluted `Object.prototype`).
 */
const sourceKey = (source: unknown) =>
  typeof source === 'object' && source && Object.hasOwn(source, 'url')
    ? `url ${(source as { url: unknown }).url}`
    : source

/** What the props ask for, in the terms of {@link Made}. */
const keysOf = ({ options, token, sessionKeys }: Wanted) => ({
  identity: [options.connectorId, options.connectionId, options.institution, options.transport],
  session: [typeof token, sourceKey(token), ...sessionKeys],
  // Labels are an object of strings: compared by value.
  appearance: JSON.stringify([options.themeMode, options.labels]),
})

/**
 * The options by value (JSON leaves callbacks out): a refused connector is made again once one of
 * them changes, maybe to a valid value, and not at every render (a QuilttContainer would report
 * its failure again each time). Options JSON cannot hold are never "changed".
 */
const settingsOf = (options: Wanted['options']) => {
  try {
    return JSON.stringify(options)
  } catch {}
}

const shown = (state?: ConnectorState) => state === 'opening' || state === 'open'

// A fixed function: with no token the Connector fails at open, as a provider that fails would.
const noToken = () => {
  throw new ConnectorError(
    'TOKEN_PROVIDER_FAILED',
    'No session token: give a `token` or a QuilttTokenProvider.',
  )
}

const unmounted = () =>
  Promise.reject(new ConnectorError('DESTROYED', 'Mount the component first.'))

export function bindConnector(
  wanted: () => Wanted,
  emit: (event: string, ...args: unknown[]) => void,
  setState: (state: ConnectorState) => void,
  container?: () => HTMLElement | null | undefined,
): Binding {
  let made: Made | undefined

  // The state is read once the listeners have run: the SDK changes it right after some events
  // (a modal closes itself after its exit).
  const sync = (connector: Connector) =>
    queueMicrotask(() => made?.connector === connector && setState(connector.state))
  // An open that fails emits `error` only if the app listens; the state comes back either way.
  const track = (connector: Connector, opening: Promise<void>) => {
    opening.then(
      () => sync(connector),
      () => sync(connector),
    )
    return opening
  }

  const listenForErrors = (current: Made, options: Wanted['options']) => {
    if (options.onError && !current.stopErrors) {
      current.stopErrors = current.connector?.on('error', (error) => emit('error', error))
    } else if (!options.onError && current.stopErrors) {
      current.stopErrors()
      current.stopErrors = undefined
    }
  }

  /**
   * A refused connector's open(): rejects with the failure, which goes to onError or, unheard, to
   * the console once. After the current task, as the SDK reports its own failures: React
   * StrictMode's rehearsal (mount, destroy, mount again) reports only for the one that stays.
   */
  const refuse = (failure: ConnectorError) => {
    queueMicrotask(() => {
      if (made?.failure !== failure) return
      if (wanted().options.onError) emit('error', failure)
      // biome-ignore lint/suspicious/noConsole: an unheard failure must not be silent, as in the SDK.
      else console.error(`[quiltt-embed] ${failure.code}: ${failure.message}`)
    })
    return Promise.reject(failure)
  }

  const create = () => {
    made?.connector?.destroy()
    const wish = wanted()
    const { options, token } = wish
    // The binding's own props are not quiltt-embed options.
    const { sessionKey, as, ...settings }: Record<string, unknown> = options
    // Stable callbacks that call the latest ones, so new callback props need no new Connector.
    for (const event of EVENTS) {
      settings[callbackOf(event)] = (...args: unknown[]) => {
        sync(connector)
        emit(event, ...args)
      }
    }
    // Subscribed below, and only while the app has an onError.
    settings.onError = undefined
    let connector: Connector
    try {
      connector = createConnector({
        ...(settings as { connectorId: string }),
        token: token ?? noToken,
        container: container?.() ?? undefined,
      })
    } catch (failure) {
      if (!(failure instanceof ConnectorError)) throw failure
      made = { failure, refused: settingsOf(options), ...keysOf(wish) }
      // QuilttContainer would have shown it now.
      if (container) refuse(failure).catch(() => undefined)
      return setState('idle')
    }
    made = { connector, ...keysOf(wish) }
    listenForErrors(made, options)
    // QuilttContainer shows the Connector as soon as it is mounted.
    if (container) track(connector, connector.open()).catch(() => undefined)
    setState(connector.state)
  }

  const update = () => {
    const current = made
    const wish = wanted()
    const { identity, session, appearance } = keysOf(wish)
    if (
      !current ||
      !sameList(current.identity, identity) ||
      (current.failure && current.refused !== settingsOf(wish.options))
    )
      return create()
    const newSession = !sameList(current.session, session)
    // A new session or look applies at the next open: a Connector on screen is the flow under
    // way, left as it is. But an inline one is always on screen, and the previous user's must
    // not stay on the page.
    if (
      (newSession || current.appearance !== appearance) &&
      (container ? newSession : !shown(current.connector?.state))
    )
      return create()
    if (newSession) {
      // An open modal: the next open uses the new source, and never the old one's cached token.
      current.connector?.authenticate(wish.token ?? noToken)
      current.session = session
    }
    listenForErrors(current, wish.options)
  }

  return {
    update,
    open() {
      if (!made) return unmounted()
      update()
      const { connector, failure } = made
      if (!connector) return refuse(failure!)
      const opening = connector.open()
      setState(connector.state)
      return track(connector, opening)
    },
    close() {
      const connector = made?.connector
      if (!connector) return
      connector.close()
      setState(connector.state)
    },
    preload() {
      if (!made) return unmounted()
      update()
      // Like the SDK's own, a failed preload reports nothing: the next open() does.
      return made.connector?.preload() ?? Promise.reject(made.failure)
    },
    destroy() {
      const current = made
      made = undefined
      current?.connector?.destroy()
    },
  }
}
