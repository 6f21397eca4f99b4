import type { ConnectorState } from 'quiltt-embed'
import { type RefObject, useContext, useEffect, useRef, useState } from 'react'
import { bindConnector, type Wanted } from '../../bindings-common/bind-connector'
import { callbackOf } from '../../bindings-common/events'
import type { QuilttConnectorOptions } from './options'
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

/** The hook's body, shared with `QuilttContainer`, which passes the element to mount in. */
export function useConnector(
  options: QuilttConnectorOptions,
  container?: RefObject<HTMLElement | null>,
): QuilttConnector {
  const provided = useContext(TokenContext)
  // The latest props, read by the binding after each commit and by its callbacks when they run.
  // Written during render on purpose: no effect depends on callback identities.
  const latest = useRef<Wanted>(null!)
  // Own props only: a polluted Object.prototype.token or .onError must not become a token source
  // or an error listener.
  const own: QuilttConnectorOptions = Object.assign(Object.create(null), options)
  latest.current = {
    options: own as unknown as Wanted['options'],
    token: own.token ?? provided?.token,
    sessionKeys: [own.sessionKey, provided?.sessionKey],
  }
  const [state, setState] = useState<ConnectorState>('idle')
  // One binding per component instance; it reaches the props through the ref. A ref rather than
  // state for the connector: a click right after mount must reach it without a re-render.
  const [binding] = useState(() =>
    bindConnector(
      () => latest.current,
      (event, ...args) =>
        (latest.current.options[callbackOf(event)] as ((...a: unknown[]) => void) | undefined)?.(
          ...args,
        ),
      setState,
      container && (() => container.current),
    ),
  )
  // After every commit: created once mounted (React fills refs before effects), then kept in step
  // with the props; update() does nothing when nothing that matters changed.
  useEffect(() => binding.update())
  useEffect(() => binding.destroy, [binding])
  return { open: binding.open, close: binding.close, preload: binding.preload, state }
}

/**
 * One connector per component: created after mount, re-created when `connectorId`,
 * `connectionId`, `institution`, `transport`, `connectorUrl`, `scriptUrl` or `trustedHosts` (by
 * value) changes, destroyed on unmount. A new token source or `sessionKey` is used from the next
 * open on; new `themeMode` or `labels` too. Callbacks are read at call time, so new ones apply
 * without re-creating it.
 *
 * @example
 * const { open, state } = useQuilttConnector({ connectorId: 'abc123', token: { url: '/api/quiltt/session' } })
 * return <button onClick={open} disabled={state === 'opening'}>Link your bank</button>
 */
// The same function, typed without the container: the components own theirs.
export const useQuilttConnector: (options: QuilttConnectorOptions) => QuilttConnector = useConnector
