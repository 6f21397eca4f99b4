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
  connector: Connector
  /** connectorId, connectionId, institution, transport: a change makes a different Connector. */
  identity: unknown[]
  /** The token source and session keys: a change is a different session, maybe another user. */
  session: unknown[]
  /** themeMode and labels, by value. */
  appearance: string
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

const shown = (state: ConnectorState) => state === 'opening' || state === 'open'

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
      current.stopErrors = current.connector.on('error', (error) => emit('error', error))
    } else if (!options.onError && current.stopErrors) {
      current.stopErrors()
      current.stopErrors = undefined
    }
  }

  const create = () => {
    made?.connector.destroy()
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
    const connector = createConnector({
      ...(settings as { connectorId: string }),
      token: token ?? noToken,
      container: container?.() ?? undefined,
    })
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
    if (!current || !sameList(current.identity, identity)) return create()
    const newSession = !sameList(current.session, session)
    // A new session or look applies at the next open: a Connector on screen is the flow under
    // way, left as it is. But an inline one is always on screen, and the previous user's must
    // not stay on the page.
    if (
      (newSession || current.appearance !== appearance) &&
      (container ? newSession : !shown(current.connector.state))
    )
      return create()
    if (newSession) {
      // An open modal: the next open uses the new source, and never the old one's cached token.
      current.connector.authenticate(wish.token ?? noToken)
      current.session = session
    }
    listenForErrors(current, wish.options)
  }

  return {
    update,
    open() {
      if (!made) return unmounted()
      update()
      const { connector } = made
      const opening = connector.open()
      setState(connector.state)
      return track(connector, opening)
    },
    close() {
      if (!made) return
      made.connector.close()
      setState(made.connector.state)
    },
    preload() {
      if (!made) return unmounted()
      update()
      return made.connector.preload()
    },
    destroy() {
      const current = made
      made = undefined
      current?.connector.destroy()
    },
  }
}
