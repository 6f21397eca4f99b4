import {
  type Connector,
  ConnectorError,
  type ConnectorState,
  createConnector,
  type TokenSource,
} from 'quiltt-embed'
import { type RefObject, useContext, useEffect, useRef, useState } from 'react'
import { callbackOf, EVENTS, type QuilttConnectorOptions } from './options'
import { TokenContext } from './quiltt-token-provider'

/** What {@link useQuilttConnector} returns. */
export interface QuilttConnector {
  /** Opens the Connector (in a modal); resolves once it has loaded. */
  open(): Promise<void>
  /** Closes it; it can be opened again. */
  close(): void
  /** Prepares it hidden, so the next `open()` shows it at once. */
  preload(): Promise<void>
  /** The connector's state; the component re-renders when it changes. */
  state: ConnectorState
}

const unmounted = () =>
  Promise.reject(new ConnectorError('DESTROYED', 'Mount the component first.'))

/** The hook's body, shared with `QuilttContainer`, which passes the element to mount in. */
export function useConnector(
  options: QuilttConnectorOptions,
  container?: RefObject<HTMLElement | null>,
): QuilttConnector {
  const provided = useContext(TokenContext)
  const token: TokenSource | undefined = options.token ?? provided
  // The latest props, read by the connector's listeners and token provider when they run.
  // Written during render on purpose: the effect below must not depend on callback identities.
  const latest = useRef<{ options: QuilttConnectorOptions; token?: TokenSource }>(null!)
  latest.current = { options, token }
  // A ref, not state: a click right after mount must reach the Connector without a re-render.
  const connector = useRef<Connector>(undefined)
  const [state, setState] = useState<ConnectorState>('idle')
  const { connectorId, connectionId, institution, transport } = options
  // A new token string is a new session; a provider function is called again whenever needed.
  const tokenString = typeof token === 'string' ? token : undefined

  useEffect(() => {
    // The state is read once the listeners have run: the SDK changes it right after some events
    // (a modal closes itself after its exit).
    const sync = () =>
      queueMicrotask(() => connector.current === created && setState(created.state))
    // Each callback option becomes a stable one that calls the latest prop.
    const callbacks: Record<string, (...args: unknown[]) => void> = {}
    for (const event of EVENTS) {
      const name = callbackOf(event)
      callbacks[name] = (...args) => {
        sync()
        ;(latest.current.options[name] as ((...a: unknown[]) => void) | undefined)?.(...args)
      }
    }
    const created = createConnector({
      ...latest.current.options,
      ...callbacks,
      connectorId,
      connectionId,
      institution,
      transport,
      // Lazy: a provider function is only called when the Connector opens or preloads.
      token:
        tokenString ??
        (() => {
          const source = latest.current.token
          return typeof source === 'function' ? source() : (source as string)
        }),
      // Set by now: React fills refs before it runs effects.
      container: container?.current as HTMLElement | undefined,
    })
    connector.current = created
    // QuilttContainer shows the Connector as soon as it is mounted.
    if (container) created.open().catch(() => undefined)
    setState(created.state)
    return () => {
      connector.current = undefined
      created.destroy()
    }
  }, [connectorId, connectionId, institution, transport, tokenString, container])

  // Stable functions: they reach the Connector through the ref.
  const [actions] = useState(() => ({
    open() {
      const current = connector.current
      if (!current) return unmounted()
      const opening = current.open()
      setState(current.state)
      return opening
    },
    close() {
      const current = connector.current
      if (current) {
        current.close()
        setState(current.state)
      }
    },
    preload: () => connector.current?.preload() ?? unmounted(),
  }))
  return { ...actions, state }
}

/**
 * One connector per component: created after mount, re-created when `connectorId`,
 * `connectionId`, `institution`, `transport` or a string `token` changes, destroyed on unmount.
 * Callbacks are read at call time, so new ones apply without re-creating it.
 *
 * @example
 * const { open, state } = useQuilttConnector({ connectorId: 'abc123', onExitSuccess: (m) => save(m.connectionId) })
 * return <button onClick={open} disabled={state === 'opening'}>Link your bank</button>
 */
// The same function, typed without the container: the components own theirs.
export const useQuilttConnector: (options: QuilttConnectorOptions) => QuilttConnector = useConnector
