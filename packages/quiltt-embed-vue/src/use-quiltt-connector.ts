import { type Connector, ConnectorError, type ConnectorState, createConnector } from 'quiltt-embed'
import {
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
  state: Readonly<Ref<ConnectorState>>
}

const unmounted = () =>
  Promise.reject(new ConnectorError('DESTROYED', 'Mount the component first.'))

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

/**
 * The composable's body. The components pass the element the Connector mounts in (QuilttContainer)
 * and their `emit`, which then stands for the callback options.
 */
export function useConnector(
  options: MaybeRefOrGetter<QuilttConnectorOptions>,
  container?: Ref<HTMLElement | undefined>,
  emit?: (event: string, ...args: unknown[]) => void,
): QuilttConnector {
  const provided = inject(TOKEN_KEY, undefined)
  const current = () => toValue(options)
  const token = () => current().token ?? provided?.()
  const state = shallowRef<ConnectorState>('idle')
  let connector: Connector | undefined

  const create = () => {
    connector?.destroy()
    // The state is read once the listeners have run: the SDK changes it right after some events
    // (a modal closes itself after its exit).
    const sync = () =>
      queueMicrotask(() => {
        if (connector === created) state.value = created.state
      })
    // Each callback option becomes a stable one that emits, or calls the latest callback.
    const call =
      emit ??
      ((event: string, ...args: unknown[]) =>
        (current()[callbackOf(event)] as ((...a: unknown[]) => void) | undefined)?.(...args))
    const callbacks: Record<string, (...args: unknown[]) => void> = {}
    for (const event of EVENTS) {
      callbacks[callbackOf(event)] = (...args) => {
        sync()
        call(event, ...args)
      }
    }
    const settings = current()
    const created = createConnector({
      ...settings,
      ...callbacks,
      // The SDK knows its transports by identity; reactive state would hand it a proxy.
      transport: toRaw(settings.transport),
      // Read when the Connector opens, so a provider function is called only then; a new token
      // string re-creates the Connector (below).
      token: () => {
        const source = token()
        return typeof source === 'function' ? source() : (source as string)
      },
      container: container?.value,
    })
    connector = created
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
    preload: () => connector?.preload() ?? unmounted(),
    state,
  }
}
