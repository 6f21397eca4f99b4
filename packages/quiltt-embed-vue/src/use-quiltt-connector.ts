import {
  type Connector,
  ConnectorError,
  type ConnectorState,
  createConnector,
  type Transport,
} from 'quiltt-embed'
import {
  type ComputedRef,
  computed,
  inject,
  type MaybeRefOrGetter,
  onBeforeUnmount,
  onMounted,
  type Ref,
  shallowRef,
  toRaw,
  toValue,
  watch,
} from 'vue'
import { callbackOf, EVENTS, type QuilttConnectorOptions } from './options'
import { TOKEN_KEY } from './quiltt-token-provider'

/** What {@link useQuilttConnector} returns. */
export interface QuilttConnector {
  /** Opens the Connector (in a modal); resolves once it has loaded. */
  open(): Promise<void>
  /** Closes it; it can be opened again. */
  close(): void
  /** Prepares it hidden, so the next `open()` shows it at once. */
  preload(): Promise<void>
  /** The connector's state, reactive. */
  state: ComputedRef<ConnectorState>
}

const unmounted = () =>
  Promise.reject(
    new ConnectorError(
      'DESTROYED',
      'The component is not mounted: open the Connector after it is.',
    ),
  )

/**
 * One connector per component: created when it mounts, re-created when `connectorId`,
 * `connectionId`, `institution`, `transport` or a string `token` changes, destroyed when it
 * unmounts. Pass a getter or a ref for reactive options; callbacks are read when they run.
 *
 * @example
 * const { open, state } = useQuilttConnector(() => ({
 *   connectorId: 'abc123',
 *   onExitSuccess: (metadata) => save(metadata.connectionId),
 * }))
 */
export function useQuilttConnector(
  options: MaybeRefOrGetter<QuilttConnectorOptions>,
): QuilttConnector {
  return useConnector(options)
}

/** The composable's body; `QuilttContainer` passes the element the Connector mounts in. */
export function useConnector(
  options: MaybeRefOrGetter<QuilttConnectorOptions>,
  container?: Ref<HTMLElement | undefined>,
): QuilttConnector {
  const provided = inject(TOKEN_KEY, undefined)
  const current = () => toValue(options)
  const token = () => current().token ?? provided?.()
  const state = shallowRef<ConnectorState>('idle')
  let connector: Connector | undefined

  const create = () => {
    connector?.destroy()
    const settings: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(current())) {
      if (!/^on[A-Z]/.test(key)) settings[key] = value
    }
    const source = token()
    const created = createConnector({
      ...(settings as unknown as QuilttConnectorOptions),
      // The SDK knows its transports by identity; reactive state would hand it a proxy.
      transport: toRaw(settings.transport) as Transport | undefined,
      // A string is checked at once; a provider function is only called when the Connector opens.
      token:
        typeof source === 'string'
          ? source
          : () => {
              const latest = token()
              return typeof latest === 'function' ? latest() : (latest as string)
            },
      container: container?.value,
    })
    connector = created
    // The SDK changes state right after some events (a modal closes after its exit), so the
    // state is read once the listeners have run.
    const sync = () =>
      queueMicrotask(() => {
        if (connector === created) state.value = created.state
      })
    for (const event of EVENTS) {
      created.on(event, (...args: unknown[]) => {
        sync()
        ;(current()[callbackOf(event)] as ((...a: unknown[]) => void) | undefined)?.(...args)
      })
    }
    // QuilttContainer shows the Connector as soon as it is mounted.
    if (container) created.open().catch(() => undefined)
    state.value = created.state
  }

  onMounted(create)
  // Only these make a different Connector; a new token string is a new session.
  watch(
    [
      () => current().connectorId,
      () => current().connectionId,
      () => current().institution,
      () => current().transport,
      () => {
        const source = token()
        return typeof source === 'string' ? source : undefined
      },
    ],
    () => connector && create(),
  )
  onBeforeUnmount(() => {
    connector?.destroy()
    connector = undefined
  })

  return {
    open() {
      if (!connector) return unmounted()
      const opening = connector.open()
      state.value = connector.state
      return opening
    },
    close() {
      connector?.close()
      if (connector) state.value = connector.state
    },
    preload: () => (connector ? connector.preload() : unmounted()),
    state: computed(() => state.value),
  }
}
