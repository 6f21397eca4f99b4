import {
  type Connector,
  ConnectorError,
  type ConnectorState,
  createConnector,
  type TokenSource,
} from 'quiltt-embed'
import { type RefObject, useCallback, useContext, useEffect, useRef, useState } from 'react'
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
  Promise.reject(
    new ConnectorError(
      'DESTROYED',
      'The component is not mounted: open the Connector after it is.',
    ),
  )

/**
 * One connector per component: created after mount, re-created when `connectorId`,
 * `connectionId`, `institution`, `transport` or a string `token` changes, destroyed on unmount.
 * Callbacks are read at call time, so new ones apply without re-creating it.
 *
 * @example
 * const { open, state } = useQuilttConnector({ connectorId: 'abc123', onExitSuccess: (m) => save(m.connectionId) })
 * return <button onClick={open} disabled={state === 'opening'}>Link your bank</button>
 */
export function useQuilttConnector(options: QuilttConnectorOptions): QuilttConnector {
  return useConnector(options)
}

/** The hook's body; `QuilttContainer` passes the element the Connector mounts in. */
export function useConnector(
  options: QuilttConnectorOptions,
  container?: RefObject<HTMLElement | null>,
): QuilttConnector {
  const provided = useContext(TokenContext)
  const token: TokenSource | undefined = options.token ?? provided
  // The latest props, read by the connector's listeners and token provider when they run.
  // Written during render on purpose: the effect below must not depend on callback identities.
  const latest = useRef({ options, token })
  latest.current = { options, token }
  // A ref, not state: a click right after mount must reach the Connector without a re-render.
  const connector = useRef<Connector>(undefined)
  const [state, setState] = useState<ConnectorState>('idle')
  const { connectorId, connectionId, institution, transport } = options
  // A new token string is a new session; a provider function is called again whenever needed.
  const tokenString = typeof token === 'string' ? token : undefined

  useEffect(() => {
    const settings: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(latest.current.options)) {
      if (!/^on[A-Z]/.test(key)) settings[key] = value
    }
    const created = createConnector({
      ...settings,
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
      container: container?.current ?? undefined,
    })
    let live = true
    // The SDK changes state right after some events (a modal closes after its exit), so the
    // state is read once the listeners have run.
    const sync = () => queueMicrotask(() => live && setState(created.state))
    for (const event of EVENTS) {
      created.on(event, (...args: unknown[]) => {
        sync()
        ;(latest.current.options[callbackOf(event)] as ((...a: unknown[]) => void) | undefined)?.(
          ...args,
        )
      })
    }
    connector.current = created
    // QuilttContainer shows the Connector as soon as it is mounted.
    if (container) created.open().catch(() => undefined)
    setState(created.state)
    return () => {
      live = false
      connector.current = undefined
      created.destroy()
    }
  }, [connectorId, connectionId, institution, transport, tokenString, container])

  const open = useCallback(() => {
    const current = connector.current
    if (!current) return unmounted()
    const opening = current.open()
    setState(current.state)
    return opening
  }, [])
  const close = useCallback(() => {
    const current = connector.current
    current?.close()
    if (current) setState(current.state)
  }, [])
  const preload = useCallback(
    () => (connector.current ? connector.current.preload() : unmounted()),
    [],
  )
  return { open, close, preload, state }
}
